package io.ambientlint.rules.route;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.ParentAttachment;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;

/** The Gateway's listeners do not admit the route's namespace or kind, or the parent is an Istio waypoint (NotAllowedByListeners). */
public final class RouteNotAllowedByListener implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL204", "route-not-allowed-by-listener")
      .severity(Severity.ERROR)
      .summary("The parent Gateway's listeners do not allow the route's namespace or kind")
      .description("""
          A listener admits a route only when its `allowedRoutes.namespaces` admits the route's namespace (Same, the \
          default: the Gateway's own namespace; All; Selector, matched against the Namespace's labels including \
          kubernetes.io/metadata.name) and its `allowedRoutes.kinds` (or, when absent, its protocol: HTTP/HTTPS take \
          HTTPRoute and GRPCRoute, TLS TLSRoute, TCP TCPRoute, UDP UDPRoute) include the route's kind. When no \
          listener matching the parentRef admits the route, it is rejected with NotAllowedByListeners and receives \
          no traffic from that Gateway. An Istio (Envoy) waypoint Gateway (class `istio-waypoint`, or controller \
          `istio.io/mesh-controller`) admits no route at all: its HBONE listener supports no route kind \
          (`supportedKinds: []`); routes program a waypoint through their Service or ServiceEntry parentRef.""")
      .help("""
          Widen the listener's allowedRoutes (namespaces All or a Selector that matches, or the kind), move the \
          route to an admitted namespace, or use a route kind the listener's protocol takes. For a waypoint, use the \
          Service bound to it as the parentRef (group "", kind Service).""")
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
      Gateway gw = a.gateway().orElseThrow();
      if (graph.isEnvoyWaypointClass(gw.className())) {
        var draft = findings.report(META, a.parentRefNode(),
            "%s is rejected by %s (NotAllowedByListeners): %s; the route programs nothing. To route through the "
                + "waypoint, make the Service the parentRef (group: \"\", kind: Service, name: the service bound to "
                + "%s with istio.io/use-waypoint)",
            a.route().displayName(), gw.displayName(), a.reason(), gw.name());
        a.decidedBy().ifPresent(node -> draft.related(node, "the waypoint's HBONE listener"));
        continue;
      }
      var draft = findings.report(META, a.parentRefNode(),
          "%s is rejected by %s (NotAllowedByListeners): %s; no request through that Gateway uses this route. "
              + "Allow it in the listener's allowedRoutes or move the route",
          a.route().displayName(), gw.displayName(), a.reason());
      a.decidedBy().ifPresent(node -> draft.related(node, "the listener's allowedRoutes"));
    }
  }
}
