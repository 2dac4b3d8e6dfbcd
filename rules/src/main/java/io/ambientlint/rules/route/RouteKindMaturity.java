package io.ambientlint.rules.route;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.ParentAttachment;
import io.ambientlint.core.model.RouteKind;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;

/** TLSRoute/TCPRoute on a waypoint are Alpha; UDPRoute is not supported there. */
public final class RouteKindMaturity implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL211", "route-kind-maturity")
      .severity(Severity.NOTE)
      .summary("A TLSRoute or TCPRoute on a waypoint (Alpha), or a UDPRoute on a waypoint (unsupported)")
      .description("""
          Istio's waypoints support HTTPRoute and GRPCRoute as Stable; TLSRoute and TCPRoute are Alpha there \
          (behaviour and status may change between releases), and UDPRoute is not supported: waypoints carry no UDP. \
          Reported for routes applied by a waypoint: attached to a Service bound to a waypoint, or to a waypoint \
          Gateway directly.""")
      .help("""
          Prefer HTTPRoute/GRPCRoute on waypoints where possible; test TLSRoute/TCPRoute behaviour on each Istio \
          upgrade; do not rely on UDPRoute through a waypoint.""")
      .tags("gateway-api", "routes", "waypoint")
      .precision("high")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (ParentAttachment a : graph.parentAttachments()) {
      RouteKind kind = a.route().kind();
      if (kind == RouteKind.HTTP || kind == RouteKind.GRPC || !a.isAccepted()) {
        continue;
      }
      String waypoint;
      if (a.gateway().isPresent() && graph.isWaypoint(a.gateway().get())) {
        waypoint = "waypoint " + a.gateway().get().displayName();
      } else if (a.appliesAtWaypoint() && a.binding().get().waypoint().isPresent()) {
        waypoint = "the waypoint " + a.binding().get().waypoint().get().displayName() + " of "
            + a.service().orElseThrow().displayName();
      } else {
        continue;
      }
      if (kind == RouteKind.UDP) {
        findings.report(META, a.parentRefNode(),
            "%s is attached to %s, but waypoints do not support UDPRoute and carry no UDP: the route has no "
                + "effect there; remove this parentRef (or the route)",
            a.route().displayName(), waypoint);
      } else {
        findings.report(META, a.parentRefNode(),
            "%s is applied by %s, where %s support is Alpha in Istio: its behaviour may change between releases; "
                + "re-test the route on each Istio upgrade, or use an HTTPRoute if the traffic is HTTP",
            a.route().displayName(), waypoint, kind.kind());
      }
    }
  }
}
