package io.ambientlint.rules.waypoint;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.UseWaypointLabel;
import io.ambientlint.core.model.ResourceId;
import io.ambientlint.core.model.Workload;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;
import io.ambientlint.core.text.Phrases;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Waypoints are used, but nothing in the repository is captured by ztunnel, so no client goes through them. */
public final class WaypointServesNoAmbientClient implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL112", "waypoint-serves-no-ambient-client")
      .severity(Severity.WARNING)
      .summary("Objects use a waypoint, but nothing in the repository is enrolled in ambient")
      .description("""
          Only clients whose traffic ztunnel captures go through a waypoint (and ingress gateways for services with \
          `istio.io/ingress-use-waypoint`). When objects carry `istio.io/use-waypoint` but no Namespace of the \
          repository has `istio.io/dataplane-mode: ambient` and no pod template enrols itself, the waypoint, and \
          every route and policy attached to it, serves nobody: the usual cause is a forgotten namespace label while \
          migrating to ambient. The rule stays silent when a namespace holding the workloads or the labelled objects \
          is not declared in the repository (its labels are unknown).""")
      .help("""
          Label the client namespaces with `istio.io/dataplane-mode: ambient` (without sidecar injection), or drop \
          the unused waypoint.""")
      .tags("waypoint", "ambient")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    List<UseWaypointLabel> uses = graph.useWaypointLabels();
    if (uses.isEmpty() || graph.hasAmbientEnrolment()) {
      return;
    }
    for (UseWaypointLabel use : uses) {
      if (!graph.namespace(use.holderNamespace()).labelsKnown()) {
        return; // its namespace may be ambient in the cluster
      }
    }
    for (Workload w : graph.workloads()) {
      if (!graph.namespace(w.namespace()).labelsKnown()) {
        return;
      }
    }
    Map<ResourceId, List<UseWaypointLabel>> byWaypoint = new LinkedHashMap<>();
    for (UseWaypointLabel use : uses) {
      byWaypoint.computeIfAbsent(use.gateway(), k -> new ArrayList<>()).add(use);
    }
    for (Map.Entry<ResourceId, List<UseWaypointLabel>> e : byWaypoint.entrySet()) {
      List<UseWaypointLabel> labels = e.getValue();
      var gateway = graph.gateway(e.getKey().namespace(), e.getKey().name());
      String users = Phrases.firstOf(labels.stream().map(u -> u.holder().displayName()).toList(), 3);
      Findings.Draft d = findings.report(META, gateway.map(g -> g.resource().nameNode()).orElse(labels.get(0).label()),
          "waypoint %s is used by %s, but nothing in the repository is enrolled in ambient (no Namespace has "
              + "istio.io/dataplane-mode=ambient and no pod template sets it): no client's traffic is captured by ztunnel, "
              + "so the waypoint and its routes and policies serve nobody; label the client namespaces "
              + "istio.io/dataplane-mode=ambient",
          e.getKey().namespacedName(), users);
      labels.stream().limit(5).forEach(u -> d.related(u.label(), "uses the waypoint: " + u.describe()));
    }
  }
}
