package io.ambientlint.rules.route;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.ParentAttachment;
import io.ambientlint.core.model.Route;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;
import java.util.Optional;

/** Route hostnames intersect no listener hostname, or are ignored on a Service parent. */
public final class RouteHostnameMismatch implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL205", "route-hostname-mismatch")
      .severity(Severity.ERROR)
      .summary("A route's hostnames match no listener hostname, or are ignored on a Service parent")
      .description("""
          A Gateway listener with a `hostname` admits only routes whose `hostnames` intersect it (a leading `*.` \
          matches one or more labels; a route without hostnames matches any listener). When no admitting listener \
          intersects, the route is rejected with NoMatchingListenerHostname (error). On a Service or ServiceEntry \
          parent Istio ignores `hostnames`: the route applies to every request for the service, whatever its Host \
          header (note).""")
      .help("""
          Make the route's hostnames match the listener's hostname (or remove them), or attach the route to a \
          listener for those hostnames. On Service parents, drop hostnames and use header matches if needed.""")
      .tags("gateway-api", "routes")
      .precision("high")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (Route route : graph.routes()) {
      Optional<ParentAttachment> serviceParent = Optional.empty();
      for (ParentAttachment a : graph.parentAttachments(route)) {
        if (a.outcome() == ParentAttachment.Outcome.NO_MATCHING_LISTENER_HOSTNAME) {
          var draft = findings.report(META, a.parentRefNode(),
                  "%s is rejected by %s (NoMatchingListenerHostname): %s; requests through that Gateway never use "
                      + "this route. Align the route's hostnames with the listener's",
                  route.displayName(), a.gateway().orElseThrow().displayName(), a.reason())
              .related(route.hostnamesNode(), "the route's hostnames");
          a.decidedBy().ifPresent(node -> draft.related(node, "the listener's hostname"));
        }
        if (a.isServiceParent() && a.service().isPresent() && serviceParent.isEmpty()) {
          serviceParent = Optional.of(a);
        }
      }
      if (route.hasHostnames() && serviceParent.isPresent()) {
        ParentAttachment a = serviceParent.get();
        findings.report(META, route.hostnamesNode(),
                "Istio ignores the hostnames of %s for its parent %s: the route applies to every request to %s "
                    + "whatever its Host; drop hostnames (or match on headers)",
                route.displayName(), a.service().get().displayName(), a.serviceRequests())
            .severity(Severity.NOTE)
            .related(a.parentRefNode(), "the " + a.service().get().resource().kind() + " parent");
      }
    }
  }
}
