package io.ambientlint.rules.policy;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.TargetResolution;
import io.ambientlint.core.model.TargetablePolicy;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;

/** A policy targetRef names a Gateway, GatewayClass, Service or ServiceEntry that does not exist. */
public final class PolicyTargetNotFound implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL301", "policy-target-not-found")
      .severity(Severity.ERROR)
      .summary("A policy targetRef names an object that does not exist")
      .description("""
          AuthorizationPolicy, RequestAuthentication, Telemetry, WasmPlugin and EnvoyFilter can attach with \
          targetRef/targetRefs to a Gateway, a GatewayClass, a Service or a ServiceEntry in the policy's namespace. \
          When the named object is neither in the repository nor declared in config `external`, the targetRef \
          attaches the policy to nothing (Istio reports TargetNotFound). Sidecars and ztunnel ignore policies with \
          targetRefs, so a policy whose targets all miss is enforced nowhere: an AuthorizationPolicy meant to \
          restrict access then restricts nothing.""")
      .help("""
          Fix the target's name or kind, create the object, or declare it in config `external` if it lives outside \
          the repository.""")
      .tags("policy", "security", "targetref")
      .securitySeverity(6.5)
      .precision("high")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (TargetablePolicy p : graph.policies()) {
      if (!p.hasTargetRefs()) {
        continue; // most policies attach by selector: nothing to resolve
      }
      var targets = graph.policyTargets(p);
      boolean attachedElsewhere = targets.stream().anyMatch(TargetResolution::isAttached);
      for (TargetResolution t : targets) {
        if (t.status() != TargetResolution.Status.NOT_FOUND) {
          continue;
        }
        findings.report(META, t.ref().nameNode(),
            "%s targets %s, which is not in the repository nor in config external: this targetRef attaches the "
                + "policy to nothing%s; fix the name or add the %s",
            p.displayName(), t.ref().describe(p.namespace()),
            attachedElsewhere ? "" : ", and as sidecars and ztunnel ignore policies with targetRefs, the policy is "
                + "enforced nowhere", t.ref().kind()).missing(t.ref().targetId(p.namespace()).qualified());
      }
    }
  }
}
