package io.ambientlint.rules.route;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.ParentAttachment;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;

/** A route in neither the service's nor the waypoint's namespace does nothing at the waypoint. */
public final class ConsumerRouteScope implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL212", "consumer-route-scope")
      .severity(Severity.WARNING)
      .summary("A route on a waypoint-bound service lives in neither the service's nor the waypoint's namespace")
      .description("""
          A waypoint applies the routes of a service that are in the service's namespace (producer routes) or in the \
          waypoint's own namespace. A route in any other namespace is a consumer route (GEP-1294): it is meant for \
          that namespace's clients only, and only sidecar clients apply it. Ambient clients go through the waypoint, \
          which ignores it, so for them the route does nothing.""")
      .help("""
          Move the route to the service's namespace (it then applies to every client), or to the waypoint's \
          namespace; keep it where it is only if it targets sidecar clients in this namespace.""")
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
      if (!a.isAccepted() || a.scope() != ParentAttachment.Scope.CONSUMER
          || !a.binding().map(b -> b.isBound()).orElse(false)) {
        continue;
      }
      var binding = a.binding().get();
      var draft = findings.report(META, a.parentRefNode(),
          "%s is in neither the namespace of %s nor that of its waypoint %s: the waypoint ignores it, so requests "
              + "to %s from ambient clients do not use it (only sidecar clients in namespace %s do); move it to "
              + "namespace %s",
          a.route().displayName(), a.service().orElseThrow().displayName(), binding.waypointDisplayName(),
          a.serviceRequests(), a.route().namespace(), a.service().get().namespace());
      binding.label().ifPresent(label -> draft.related(label, "the use-waypoint label"));
    }
  }
}
