package io.ambientlint.rules.waypoint;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;

/** A waypoint whose class belongs to another controller: worth knowing, since Istio only forwards to it. */
public final class ThirdPartyWaypoint implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL107", "third-party-waypoint")
      .severity(Severity.NOTE)
      .summary("A waypoint of a class no Istio controller owns")
      .description("""
          Any Gateway named by a `use-waypoint` label, whatever its class, can be a waypoint (pluggable waypoints), \
          and so can Gateways of a class named in config `waypointClasses` or declared as a waypoint class by a \
          GatewayClass in the repository. When no Istio controller owns the class (not `istio-waypoint`, \
          `istio-agentgateway-waypoint`, `istio`, nor a GatewayClass with an `istio.io/` controllerName), istiod \
          uses the Gateway only once its controller publishes `status.addresses`, and leaves the routes and policies \
          attached to it to that controller: Istio's status and this analyzer cannot tell whether they are applied.""")
      .help("""
          Nothing to fix if intended; check the controller's own documentation for which routes and policies it \
          supports on waypoints.""")
      .tags("waypoint", "pluggable")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (Gateway gw : graph.waypoints()) {
      if (!graph.isThirdPartyClass(gw)) {
        continue;
      }
      String controller = graph.gatewayClass(gw.className()).map(c -> "controller " + c.controllerName())
          .orElse("a controller outside this repository");
      Findings.Draft d = findings.report(META, gw.classNode(),
          "waypoint %s has class %s, owned by %s, not by Istio: istiod uses it only once that controller publishes "
              + "status.addresses, and leaves the routes and policies attached to it to that controller; nothing to fix "
              + "if intended, else check in that controller's documentation which routes and policies it supports",
          gw.displayName(), gw.className(), controller);
      graph.gatewayClass(gw.className()).ifPresent(c -> d.related(c.resource().nameNode(), "the GatewayClass"));
    }
  }
}
