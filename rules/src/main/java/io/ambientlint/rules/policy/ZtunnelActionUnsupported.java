package io.ambientlint.rules.policy;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.AuthorizationPolicy;
import io.ambientlint.core.policy.ZtunnelPolicy;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;
import java.util.Optional;

/** ztunnel drops CUSTOM, AUDIT and dry-run AuthorizationPolicies. */
public final class ZtunnelActionUnsupported implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL306", "ztunnel-action-unsupported")
      .severity(Severity.ERROR)
      .summary("ztunnel drops a CUSTOM, AUDIT or dry-run AuthorizationPolicy")
      .description("""
          ztunnel enforces only the ALLOW and DENY actions. An AuthorizationPolicy it would enforce (no targetRefs, \
          selecting ambient workloads) with action CUSTOM is dropped: no external authorization happens at all and \
          every request the provider would have rejected is let through (fail-open; error). With action AUDIT it is \
          dropped too, which only loses the audit logs (note). A policy annotated `istio.io/dry-run: "true"` is \
          dropped by ztunnel unless istiod runs with AMBIENT_ENABLE_DRY_RUN_AUTHORIZATION_POLICY, so its dry-run \
          results are never recorded (note).""")
      .help("""
          Attach CUSTOM and AUDIT policies to a waypoint with `targetRefs` (bind the service with \
          `istio.io/use-waypoint`); evaluate dry-run policies at a waypoint, or enable \
          AMBIENT_ENABLE_DRY_RUN_AUTHORIZATION_POLICY in istiod.""")
      .tags("policy", "security", "ztunnel", "authorization")
      .securitySeverity(9.0)
      .precision("high")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (AuthorizationPolicy ap : graph.authorizationPolicies()) {
      ZtunnelPolicy z = graph.ztunnelForm(ap);
      if (z.status() != ZtunnelPolicy.Status.DRY_RUN && z.status() != ZtunnelPolicy.Status.UNSUPPORTED_ACTION) {
        continue; // only dropped policies are reported: skip working out the scope of the others
      }
      Optional<String> scope = graph.ztunnelScope(ap);
      if (scope.isEmpty()) {
        continue;
      }
      String who = ap.action() + " " + ap.displayName();
      if (z.status() == ZtunnelPolicy.Status.DRY_RUN) {
        findings.report(META, ap.resource().annotationNode("istio.io/dry-run"),
                "%s is annotated istio.io/dry-run and would be enforced by ztunnel for %s, which drops dry-run policies "
                    + "(unless istiod runs with AMBIENT_ENABLE_DRY_RUN_AUTHORIZATION_POLICY): its dry-run results are "
                    + "never recorded; evaluate it at a waypoint with targetRefs", who, scope.get())
            .severity(Severity.NOTE);
      } else if (z.status() == ZtunnelPolicy.Status.UNSUPPORTED_ACTION) {
        if (ap.action().equals(AuthorizationPolicy.CUSTOM)) {
          findings.report(META, ap.actionNode(),
              "%s would be enforced by ztunnel for %s, which does not support CUSTOM: the policy is dropped, so no "
                  + "external authorization%s happens at all and every request it would have rejected is allowed; "
                  + "attach it to a waypoint with targetRefs", who, scope.get(),
              ap.provider().map(p -> " (provider " + p + ")").orElse(""));
        } else if (ap.action().equals(AuthorizationPolicy.AUDIT)) {
          findings.report(META, ap.actionNode(),
                  "%s would be enforced by ztunnel for %s, which does not support AUDIT: the policy is dropped and no "
                      + "audit logs are written for these requests; attach it to a waypoint with targetRefs",
                  who, scope.get())
              .severity(Severity.NOTE);
        }
      }
    }
  }
}
