package io.ambientlint.rules.waypoint;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.UseWaypointLabel;
import io.ambientlint.core.graph.WaypointFor;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;

/** The waypoint's waypoint-for does not cover the traffic type of the object whose label names it. */
public final class WaypointTrafficTypeMismatch implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL102", "waypoint-traffic-type-mismatch")
      .severity(Severity.ERROR)
      .summary("The waypoint does not serve the traffic type of the object that uses it")
      .description("""
          A waypoint serves the traffic its `istio.io/waypoint-for` allows: the Gateway's label, else its \
          GatewayClass's, else `service`. Service and ServiceEntry labels need `service` or `all`; pod template and \
          WorkloadEntry labels need `workload` or `all`. When the object's own `istio.io/use-waypoint` names a \
          waypoint that does not serve its traffic type, istiod reports `WaypointUnsupportedTrafficType` and binds \
          nothing (no fallback to the namespace's waypoint). A namespace label is reported only when its waypoint \
          serves neither type (`none` or an unknown value): a workload that only inherits a service waypoint is \
          fine.""")
      .help("""
          Set `istio.io/waypoint-for: all` (or the needed type) on the Gateway, or point the label at a waypoint \
          that serves this traffic type.""")
      .tags("waypoint", "ambient")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (UseWaypointLabel use : graph.useWaypointLabels()) {
      Gateway gw = graph.gateway(use.gateway().namespace(), use.gateway().name()).orElse(null);
      if (gw == null || !graph.isReady(gw) || !graph.admits(gw, use.holderNamespace()).allowed()) {
        continue; // AL101, AL108 and AL103 say why
      }
      WaypointFor waypointFor = graph.waypointFor(gw);
      String needed;
      if (use.isNamespaceLabel()) {
        if (waypointFor.servesServices() || waypointFor.servesWorkloads()) {
          continue;
        }
        needed = "service or workload";
      } else if (use.bindsServices() ? waypointFor.servesServices() : waypointFor.servesWorkloads()) {
        continue;
      } else {
        needed = use.bindsServices() ? "service" : "workload";
      }
      Findings.Draft d = findings.report(META, use.label(),
          "%s names waypoint %s, whose waypoint-for is %s%s, so it does not serve %s traffic: istiod binds no "
              + "waypoint and %s traffic bypasses it; set istio.io/waypoint-for to all (or %s) on the waypoint, or use "
              + "another waypoint",
          use.describe(), gw.id().namespacedName(), waypointFor.value(),
          waypointFor.decidedBy().isEmpty() ? " (the default)" : "", needed,
          use.isNamespaceLabel() ? "the namespace's" : use.holder().displayName() + "'s", needed.split(" ")[0]);
      waypointFor.decidedBy().ifPresent(n -> d.related(n, "the waypoint-for label"));
      d.related(gw.resource().nameNode(), "the waypoint " + gw.displayName());
    }
  }
}
