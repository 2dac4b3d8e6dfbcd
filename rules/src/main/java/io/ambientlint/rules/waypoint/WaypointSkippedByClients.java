package io.ambientlint.rules.waypoint;

import io.ambientlint.core.graph.Enrolment;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.UseWaypointLabel;
import io.ambientlint.core.model.Namespace;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;

/**
 * Only ztunnel-captured clients (and ingress gateways that opt in) go through a waypoint: a use-waypoint label in
 * a namespace whose pods are sidecar-injected or outside the mesh is skipped by those clients.
 */
public final class WaypointSkippedByClients implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL104", "waypoint-skipped-by-clients")
      .severity(Severity.WARNING)
      .summary("Clients in the labelled object's namespace are not ambient and skip the waypoint")
      .description("""
          A waypoint is traversed only by clients whose traffic ztunnel captures (ambient pods), and by ingress \
          gateways for services with `istio.io/ingress-use-waypoint: "true"`. Sidecar-injected clients route with \
          their own sidecar and out-of-mesh clients connect directly: both skip the waypoint, so its routes and L7 \
          policies do not apply to them. The rule reports an `istio.io/use-waypoint` label whose namespace, declared \
          in the repository, is not ambient (sidecar injection via `istio-injection`/`istio.io/rev`, or no \
          `istio.io/dataplane-mode: ambient`): the clients next to the object, usually its main callers, bypass the \
          waypoint. Pods enrolled by their own `istio.io/dataplane-mode: ambient` label are ambient clients: a \
          namespace with such pods is not reported. The destination itself may be sidecar-injected; what matters is \
          the client. Namespaces the repository does not declare are skipped: their labels live elsewhere.""")
      .help("""
          Enrol the namespace in ambient (`istio.io/dataplane-mode: ambient`, without sidecar injection), or enforce \
          the policy where those clients do see it (their sidecar, or ztunnel L4 policies).""")
      .tags("waypoint", "ambient", "sidecar")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (UseWaypointLabel use : graph.useWaypointLabels()) {
      Namespace ns = graph.namespace(use.holderNamespace());
      Enrolment enrolment = graph.namespaceEnrolment(ns);
      if (enrolment.isAmbient() || !ns.labelsKnown()) {
        continue; // unknown labels (DESIGN §2b): the namespace may be ambient in the cluster
      }
      // A pod's own istio.io/dataplane-mode=ambient enrols it whatever its namespace says: such pods are ambient
      // clients that do go through the waypoint.
      if (graph.workloadsIn(use.holderNamespace()).stream().anyMatch(graph::isAmbient)) {
        continue;
      }
      String clients = enrolment.isSidecar()
          ? "are sidecar-injected (" + enrolment.reason() + ") and route with their sidecar"
          : "are not in the mesh (" + enrolment.reason() + ") and connect directly";
      Findings.Draft d = findings.report(META, use.label(),
          "%s: clients in namespace %s %s, so they skip waypoint %s and its routes and L7 policies; only ambient "
              + "clients (and ingress gateways with istio.io/ingress-use-waypoint) go through it; enrol namespace %s in "
              + "ambient",
          use.describe(), use.holderNamespace(), clients, use.gateway().namespacedName(), use.holderNamespace());
      enrolment.decidedBy().ifPresent(n -> d.related(n, "the label that decides the namespace's enrolment"));
    }
  }
}
