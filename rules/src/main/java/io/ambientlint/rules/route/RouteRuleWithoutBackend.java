package io.ambientlint.rules.route;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.RouteRuleResponse;
import io.ambientlint.core.model.Route;
import io.ambientlint.core.model.RouteKind;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;

/** An HTTPRoute or GRPCRoute rule with nowhere to send requests: Istio answers them with HTTP 500. */
public final class RouteRuleWithoutBackend implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL213", "route-rule-without-backend")
      .severity(Severity.ERROR)
      .summary("HTTPRoute/GRPCRoute rule without backends or redirect answers HTTP 500")
      .description("""
          Gateway API requires a rule whose backendRefs carry no weight (none written, or every one `weight: 0`) to \
          answer HTTP 500, and Istio converts it into a direct response with status 500 unless the rule has a \
          `RequestRedirect` filter (pilot/pkg/config/kube/gateway/conversion.go); GRPCRoute has no redirect. Header \
          modifiers, URL rewrites and mirrors do not count: they need a backend. Often the backendRefs were indented \
          under the wrong key, or left for later. Error when the rule matches every request and nothing else can \
          answer (some parent accepts the route, no other rule of it forwards or redirects, and no other HTTPRoute \
          or GRPCRoute shares its parents): then every request gets 500. Warning otherwise: requests that reach the \
          rule (those its matches select, or for a catch-all rule the ones no more specific rule takes, since Istio \
          orders rules by specificity) get 500.""")
      .help("Add `backendRefs` (a Service and its port) to the rule, a `RequestRedirect` filter, or delete the rule.")
      .tags("gateway-api", "routing")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (Route route : graph.routes()) {
      for (RouteRuleResponse r : graph.rulesAnsweringWithError(route)) {
        String what = r.weightsAllZero() ? "every backendRef has weight 0"
            : route.kind() == RouteKind.GRPC ? "it has no backendRefs" : "it has no backendRefs and no RequestRedirect filter";
        String rule = "rule " + r.rule().index() + r.rule().name().map(n -> " (" + n + ")").orElse("");
        String who;
        if (r.failsEveryRequest()) {
          who = "it matches every request and nothing else on the route's parents can answer, so every request gets "
              + "HTTP 500";
        } else if (r.catchAll()) {
          who = "requests that no more specific rule takes (Istio orders catch-all rules last) get HTTP 500";
        } else {
          who = "requests its matches select get HTTP 500";
        }
        findings.report(META, route.node(r.weightsAllZero() ? r.rule().pointer() + "/backendRefs" : r.rule().pointer()),
                "%s %s: %s, so Istio answers with a direct response 500: %s; add backendRefs (a Service and port), a "
                    + "RequestRedirect filter, or delete the rule",
                route.displayName(), rule, what, who)
            .severity(r.failsEveryRequest() ? Severity.ERROR : Severity.WARNING);
      }
    }
  }
}
