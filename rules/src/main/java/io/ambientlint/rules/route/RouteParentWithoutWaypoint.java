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
          + "pods (sidecar clients still apply it). Istio reports this whether or not the namespace is ambient, so the "
          + "rule does too; it is skipped when the Namespace object is not in the repository (istiod skips the check "
          + "then). A Service labelled `none` in a namespace that has the label gets no MissingUseWaypointLabel. "
          + "(Whether the named waypoint exists is AL101's question.)")
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
      if (a.service().isEmpty() || a.binding().isEmpty() || !(a.outcome() == ParentAttachment.Outcome.MISSING_USE_WAYPOINT_LABEL
          || a.isAccepted() && graph.missingUseWaypointLabel(a.service().get()))) {
        continue;
      }
      WaypointBinding binding = a.binding().get();
      boolean optedOut = binding.status() == WaypointBinding.Status.OPTED_OUT;
      String service = a.service().get().displayName();
      var draft = findings.report(META, a.parentRefNode(),
          "neither %s nor its namespace %s has an %s label (MissingUseWaypointLabel): requests from ambient clients to "
              + "%s do not use %s, which only sidecar clients apply; %s",
          service, a.service().get().namespace(), IstioLabels.USE_WAYPOINT, a.serviceRequests(), a.route().displayName(),
          optedOut ? "remove the " + IstioLabels.USE_WAYPOINT + "=none opt-out or attach the route elsewhere"
              : "add label " + IstioLabels.USE_WAYPOINT + " to the " + a.service().get().resource().kind()
                  + " or its namespace")
          .related(a.service().get().resource().nameNode(), "the " + a.service().get().resource().kind());
      binding.label().ifPresent(label -> draft.related(label, "the use-waypoint opt-out"));
    }
  }
}
