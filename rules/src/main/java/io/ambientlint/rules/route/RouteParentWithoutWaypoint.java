package io.ambientlint.rules.route;

import io.ambientlint.core.graph.IstioLabels;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.ParentAttachment;
import io.ambientlint.core.graph.WaypointBinding;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.rule.Severity;

/** A route on an ambient Service that has no waypoint is not respected (MissingUseWaypointLabel). */
public final class RouteParentWithoutWaypoint implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL202", "route-parent-without-waypoint")
      .severity(Severity.ERROR)
      .summary("A route's Service parent is in ambient mode but not bound to a waypoint")
      .description("In ambient mode a route attached to a Service or ServiceEntry is applied by the service's "
          + "waypoint: ztunnel does no L7 routing. When neither the service nor its namespace carries an "
          + "`istio.io/use-waypoint` label (or the label says `none`), Istio sets the route's parent status to "
          + "MissingUseWaypointLabel and the route is not respected: requests to the service go straight to its "
          + "pods. (Whether the named waypoint exists is AL101's question.) Services outside ambient, whose clients "
          + "have sidecars, are not reported.")
      .help("Label the Service (or its namespace) with `istio.io/use-waypoint: <waypoint>` and deploy that "
          + "waypoint, or attach the route to a Gateway instead.")
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
      if (a.outcome() != ParentAttachment.Outcome.MISSING_USE_WAYPOINT_LABEL || a.service().isEmpty()) {
        continue;
      }
      WaypointBinding binding = a.binding().orElseThrow();
      boolean optedOut = binding.status() == WaypointBinding.Status.OPTED_OUT;
      var draft = findings.report(META, a.parentRefNode(),
          "requests to %s will not use %s: %s is not bound to a waypoint (%s); %s",
          a.serviceRequests(), a.route().displayName(), a.service().get().displayName(), binding.reason(),
          optedOut ? "remove the " + IstioLabels.USE_WAYPOINT + "=none opt-out or attach the route elsewhere"
              : "add label " + IstioLabels.USE_WAYPOINT + " to the " + a.service().get().resource().kind()
                  + " or its namespace")
          .related(a.service().get().resource().nameNode(), "the " + a.service().get().resource().kind());
      binding.label().ifPresent(label -> draft.related(label, "the use-waypoint opt-out"));
    }
  }
}
