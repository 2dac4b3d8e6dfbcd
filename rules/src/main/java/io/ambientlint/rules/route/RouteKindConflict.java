package io.ambientlint.rules.route;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.ParentAttachment;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;

/** Several route kinds on one service port: per Gateway API only the highest kind applies. */
public final class RouteKindConflict implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL209", "route-kind-conflict")
      .severity(Severity.WARNING)
      .summary("Routes of different kinds attach to the same service port")
      .description("""
          Gateway API (GEP-1294) gives route kinds a precedence on one Service port: GRPCRoute, then HTTPRoute, then \
          TLSRoute, then TCPRoute. Only routes of the highest kind apply there (routes of one kind merge, ordered by \
          creationTimestamp, then namespace/name); the others are Conflicted. Istio does not report this condition, \
          so the result depends on the implementation and may change: keep one kind per service port. Routes compete \
          with routes of their own namespace only: a consumer namespace's routes replace the producer routes for \
          that namespace's clients (GEP-1294) rather than competing with them. Each losing parentRef is reported \
          once per port it loses.""")
      .help("""
          Use a single route kind per service port: narrow the routes with `port` on their parentRefs, or merge them \
          into one kind.""")
      .tags("gateway-api", "routes")
      .precision("medium")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (ParentAttachment a : graph.parentAttachments()) {
      for (ParentAttachment.PortConflict c : a.conflicts()) {
        String service = a.service().map(s -> s.name()).orElse(a.parentRef().name());
        findings.report(META, a.parentRefNode(),
                "per Gateway API only %s %s applies to %s:%d and this %s is Conflicted there (Istio reports nothing, "
                    + "so which route serves those requests is implementation-specific); use one route kind per port",
                c.winner().kind().kind(), c.winner().namespacedName(), service, c.port(), a.route().displayName())
            .related(c.winner().node(c.winnerRef().pointer()), "the " + c.winner().kind().kind() + " that takes precedence");
      }
    }
  }
}
