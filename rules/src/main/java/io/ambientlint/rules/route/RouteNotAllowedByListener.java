package io.ambientlint.rules.route;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.ParentAttachment;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.rule.Severity;

/** The Gateway's listeners do not admit the route's namespace or kind (NotAllowedByListeners). */
public final class RouteNotAllowedByListener implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL204", "route-not-allowed-by-listener")
      .severity(Severity.ERROR)
      .summary("The parent Gateway's listeners do not allow the route's namespace or kind")
      .description("A listener admits a route only when its `allowedRoutes.namespaces` admits the route's namespace "
          + "(Same, the default: the Gateway's own namespace; All; Selector, matched against the Namespace's labels "
          + "including kubernetes.io/metadata.name) and its `allowedRoutes.kinds` (or, when absent, its protocol: "
          + "HTTP/HTTPS take HTTPRoute and GRPCRoute, TLS TLSRoute, TCP TCPRoute, UDP UDPRoute) include the route's "
          + "kind. When no listener matching the parentRef admits the route, it is rejected with "
          + "NotAllowedByListeners and receives no traffic from that Gateway.")
      .help("Widen the listener's allowedRoutes (namespaces All or a Selector that matches, or the kind), move the "
          + "route to an admitted namespace, or use a route kind the listener's protocol takes.")
      .tags("gateway-api", "routes")
      .precision("high")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (ParentAttachment a : graph.parentAttachments()) {
      if (a.outcome() != ParentAttachment.Outcome.NOT_ALLOWED_BY_LISTENERS) {
        continue;
      }
      var draft = findings.report(META, a.parentRefNode(),
          "%s is rejected by %s (NotAllowedByListeners): %s; no request through that Gateway uses this route. "
              + "Allow it in the listener's allowedRoutes or move the route",
          a.route().displayName(), a.gateway().orElseThrow().displayName(), a.reason());
      a.decidedBy().ifPresent(node -> draft.related(node, "the listener's allowedRoutes"));
    }
  }
}
