package io.ambientlint.rules.waypoint;

import io.ambientlint.core.graph.IstioLabels;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.model.Namespace;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;

/** A waypoint-class Gateway that no label names: it runs, costs resources, and serves nothing. */
public final class WaypointUnused implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL111", "waypoint-unused")
      .severity(Severity.WARNING)
      .summary("A waypoint that no namespace, service or workload uses")
      .description("""
          A Gateway of a waypoint class (`istio-waypoint`, `istio-agentgateway-waypoint`, a class in config \
          `waypointClasses`, or one a GatewayClass in the repository declares) serves only the objects whose \
          `istio.io/use-waypoint` (or `istio.io/use-waypoint-canary`) label names it, directly or through their \
          Namespace. When no label in the repository names it, no traffic reaches it: the routes and policies \
          attached to it do nothing. Often the label was forgotten, misspelled, or lacks `use-waypoint-namespace`. \
          When a namespace of the cluster's services or workloads is not declared (nor in config `namespaces:`), \
          its labels are unknown and may name the waypoint (with `use-waypoint-namespace`): no finding then.""")
      .help("""
          Label the namespace, services or workloads that should use it (`istio.io/use-waypoint: NAME`, plus \
          `istio.io/use-waypoint-namespace` from other namespaces), or delete the Gateway.""")
      .tags("waypoint", "unused")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (Gateway gw : graph.gateways()) {
      if (!graph.isWaypointClass(gw.className()) || !graph.usesOf(gw).isEmpty() || !graph.canaryUsesOf(gw).isEmpty()
          || namespaceMayUse(graph, gw)) {
        continue;
      }
      findings.report(META, gw.resource().nameNode(),
              "waypoint %s (class %s) is not used: no namespace, service or workload in the repository has "
                  + "istio.io/use-waypoint: %s%s, so no traffic goes through it and its routes and policies do nothing; "
                  + "label what should use it, or delete it",
              gw.displayName(), gw.className(), gw.name(),
              " in namespace " + gw.namespace() + " (or with istio.io/use-waypoint-namespace: " + gw.namespace() + ")")
          .related(gw.classNode(), "the waypoint class");
    }
  }

  /**
   * A namespace may name it: unknown labels (DESIGN §2b) may hold the label, those of its own namespace or, with
   * {@code istio.io/use-waypoint-namespace} pointing here, those of any namespace holding services or workloads; and
   * labels declared in config {@code namespaces:} have no node in the repository to count as a use.
   */
  private static boolean namespaceMayUse(MeshGraph graph, Gateway gw) {
    Namespace ns = graph.namespace(gw.namespace());
    if (gw.name().equals(IstioLabels.NONE)) {
      return false; // use-waypoint: none opts out, so no label, known or not, can name this one
    }
    return !graph.meshNamespacesWithUnknownLabels().isEmpty() || !ns.labelsKnown() || !ns.isDeclared() && (gw.name().equals(ns.labels().get(IstioLabels.USE_WAYPOINT))
        || gw.name().equals(ns.labels().get(IstioLabels.USE_WAYPOINT_CANARY)));
  }
}
