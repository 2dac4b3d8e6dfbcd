package io.ambientlint.rules.waypoint;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.UseWaypointLabel;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;

/** A use-waypoint label names a Gateway that exists neither in the repository nor in config external. */
public final class WaypointNotFound implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL101", "waypoint-not-found")
      .severity(Severity.ERROR)
      .summary("A use-waypoint label names a Gateway that does not exist")
      .description("""
          `istio.io/use-waypoint` (with `istio.io/use-waypoint-namespace`, default the labelled object's namespace) \
          on a Namespace, Service, ServiceEntry, pod template or WorkloadEntry names a Gateway that is not in the \
          analyzed repository and not declared in config `external`. istiod reports the waypoint as not ready and \
          binds nothing: traffic to every object the label covers goes straight through ztunnel, so the routes and \
          L7 policies meant for the waypoint are not applied. An object's own label wins over its namespace's, so \
          there is no fallback to the namespace's waypoint either. Reported once per label, however many objects \
          inherit it.""")
      .help("""
          Add the Gateway (for example `istioctl waypoint generate`), fix the name or `use-waypoint-namespace`, or, \
          when the waypoint is managed outside this repository, declare it in `.ambient-lint.yaml` `external: \
          [{kind: Gateway, namespace: NS, name: NAME}]`.""")
      .tags("waypoint", "ambient")
      .precision("high")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (UseWaypointLabel use : graph.useWaypointLabels()) {
      if (graph.exists(use.gateway())) {
        continue;
      }
      String scope = use.isNamespaceLabel()
          ? "the services and workloads of namespace " + use.holderNamespace() + " that inherit it"
          : use.holder().displayName();
      Findings.Draft d = findings.report(META, use.label(),
          "%s names Gateway %s, which is not in the repository: istiod binds no waypoint, so traffic to %s skips "
              + "the waypoint and its routes and L7 policies; add the Gateway, fix the name, or declare it in config "
              + "external",
          use.describe(), use.gateway().namespacedName(), scope).missing(use.gateway().qualified());
      use.namespaceLabel().ifPresent(n -> d.related(n, "the use-waypoint-namespace label"));
    }
  }
}
