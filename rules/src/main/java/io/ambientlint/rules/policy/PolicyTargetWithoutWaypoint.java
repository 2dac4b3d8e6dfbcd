package io.ambientlint.rules.policy;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.TargetResolution;
import io.ambientlint.core.model.PolicyKind;
import io.ambientlint.core.model.TargetablePolicy;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;

/** A Service/ServiceEntry target whose service has no waypoint: the policy does nothing (AncestorNotBound). */
public final class PolicyTargetWithoutWaypoint implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL303", "policy-target-without-waypoint")
      .severity(Severity.ERROR)
      .summary("A policy targets a Service or ServiceEntry that is not bound to a waypoint")
      .description("""
          A policy with a `Service` or `ServiceEntry` targetRef is applied only by the waypoint that service is \
          bound to (through `istio.io/use-waypoint` on the service or its namespace). When the service has no \
          waypoint, or its binding fails (missing Gateway, namespace not admitted, waypoint-for not covering \
          services), Istio sets the status AncestorNotBound and the policy does nothing: sidecars and ztunnel ignore \
          policies with targetRefs.""")
      .help("""
          Bind the service to a waypoint with `istio.io/use-waypoint`, or, for enforcement by ztunnel (L4 only) or \
          sidecars, use a `selector` instead of targetRefs.""")
      .tags("policy", "security", "waypoint", "targetref")
      .securitySeverity(7.5)
      .precision("high")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (TargetablePolicy p : graph.policies()) {
      if (p.kind() == PolicyKind.ENVOY_FILTER || !p.hasTargetRefs()) {
        continue;
      }
      for (TargetResolution t : graph.policyTargets(p)) {
        if (t.status() != TargetResolution.Status.NOT_BOUND) {
          continue;
        }
        var draft = findings.report(META, t.ref().nameNode(),
            "%s targets %s, which is not bound to a waypoint (%s): Istio reports AncestorNotBound and the policy does "
                + "nothing for it, as sidecars and ztunnel ignore policies with targetRefs; label the %s (or namespace %s) "
                + "with istio.io/use-waypoint, or use a selector",
            p.displayName(), t.ref().describe(p.namespace()), t.binding().map(b -> b.reason()).orElse("no binding"),
            t.ref().kind(), p.namespace());
        graph.resource(t.ref().targetId(p.namespace())).ifPresent(r -> draft.related(r.nameNode(), "the target"));
        t.binding().flatMap(b -> b.label()).ifPresent(l -> draft.related(l, "the use-waypoint label"));
      }
    }
  }
}
