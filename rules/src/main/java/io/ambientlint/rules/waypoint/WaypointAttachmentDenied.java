package io.ambientlint.rules.waypoint;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.UseWaypointLabel;
import io.ambientlint.core.graph.NamespaceAdmission;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;

/** The waypoint's bound listener does not admit the namespace of the object whose label names it. */
public final class WaypointAttachmentDenied implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL103", "waypoint-attachment-denied")
      .severity(Severity.ERROR)
      .summary("The waypoint does not allow the using object's namespace")
      .description("""
          Which namespaces may use a waypoint is decided by `allowedRoutes.namespaces` of its bound listener: the \
          listener of the `ambient.istio.io/waypoint-inbound-binding` annotation (port, or protocol \
          `istio.io/PROXY`), otherwise the `HBONE` listener on 15008. Without such a listener or without \
          `allowedRoutes`, only the waypoint's own namespace may use it; `All` admits every namespace and `Selector` \
          those whose labels match (Kubernetes adds `kubernetes.io/metadata.name`). A label from a namespace that is \
          not admitted gets `AttachmentDenied` from istiod and no waypoint: traffic bypasses it.""")
      .help("""
          Widen the bound listener's `allowedRoutes.namespaces` (`from: All`, or `from: Selector` matching the \
          namespace), or use a waypoint in the object's own namespace.""")
      .tags("waypoint", "ambient", "gateway-api")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (UseWaypointLabel use : graph.useWaypointLabels()) {
      Gateway gw = graph.gateway(use.gateway().namespace(), use.gateway().name()).orElse(null);
      if (gw == null || !graph.isReady(gw)) {
        continue;
      }
      NamespaceAdmission admission = graph.admits(gw, use.holderNamespace());
      if (admission.allowed()) {
        continue;
      }
      Findings.Draft d = findings.report(META, use.label(),
          "%s names waypoint %s, which does not admit namespace %s: %s; istiod reports AttachmentDenied and the "
              + "traffic bypasses the waypoint; allow the namespace on the waypoint's bound listener or use a waypoint "
              + "in %s",
          use.describe(), gw.id().namespacedName(), use.holderNamespace(), admission.rule(), use.holderNamespace());
      admission.decidedBy().ifPresentOrElse(n -> d.related(n, "the bound listener's allowed namespaces"),
          () -> d.related(gw.resource().node("/spec/listeners"), "the listeners of " + gw.displayName()));
      d.related(gw.resource().nameNode(), "the waypoint " + gw.displayName());
      use.namespaceLabel().ifPresent(n -> d.related(n, "the use-waypoint-namespace label"));
    }
  }
}
