package io.ambientlint.rules.route;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.ParentAttachment;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;

/** A route on a service whose waypoint belongs to another controller: Istio leaves the route to it. */
public final class RouteOnThirdPartyWaypoint implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL210", "route-on-third-party-waypoint")
      .severity(Severity.NOTE)
      .summary("A route on a service whose waypoint another controller implements")
      .description("""
          When a service's waypoint is a Gateway of a class no Istio controller owns (a third-party waypoint such as \
          kgateway-waypoint), Istio does not program that waypoint: the route on the service is applied, or not, by \
          that controller with its own feature set and status. ambient-lint checks the route as Gateway API defines \
          it; what the other controller supports is not known here.""")
      .help("Check the route against the documentation of the waypoint's controller, and its status conditions.")
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
      if (!a.isAccepted() || a.binding().isEmpty() || a.binding().get().waypoint().isEmpty()
          || !a.binding().get().isBound()) {
        continue;
      }
      Gateway waypoint = a.binding().get().waypoint().get();
      if (graph.isThirdPartyClass(waypoint)) {
        findings.report(META, a.parentRefNode(),
                "%s is bound to waypoint %s of class %s, which no Istio controller implements: that controller, not "
                    + "Istio, decides how %s applies to requests to %s; check its documentation and the route's status",
                a.service().orElseThrow().displayName(), waypoint.displayName(), waypoint.className(),
                a.route().displayName(), a.serviceRequests())
            .related(waypoint.classNode(), "the waypoint's class");
      }
    }
  }
}
