package io.ambientlint.rules.policy;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.TargetablePolicy;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;

/** A selector together with targetRef(s), or targetRef together with targetRefs: validation rejects both. */
public final class PolicySelectorAndTarget implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL304", "policy-selector-and-target")
      .severity(Severity.ERROR)
      .summary("A policy sets both a selector and targetRefs (or both targetRef and targetRefs)")
      .description("""
          At most one of `selector` (`workloadSelector` for EnvoyFilter), `targetRef` and `targetRefs` may be set: \
          Istio's validation rejects a policy that sets more than one, so the API server refuses it and whatever it \
          was meant to enforce is not applied. Were it admitted (validation webhook off), targetRefs win and \
          sidecars and ztunnel ignore the policy altogether.""")
      .help("""
          Keep targetRefs to attach to a Gateway or a waypoint (through a Service), or keep the selector to attach \
          to workloads; use two policies for both.""")
      .tags("policy", "security", "validation")
      .securitySeverity(5.0)
      .precision("very-high")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (TargetablePolicy p : graph.policies()) {
      if (!p.kind().acceptsTargetRefs() || !p.hasTargetRefs()) {
        continue;
      }
      if (p.hasSelector()) {
        findings.report(META, p.selectorNode(),
                "%s sets both %s and %s: validation rejects it, so the policy is not applied; keep one of them "
                    + "(targetRefs for a gateway or waypoint, the selector for workloads)",
                p.displayName(), p.kind().selectorPointer().substring("/spec/".length()),
                p.targetRefsWritten() ? "targetRefs" : "targetRef")
            .related(p.targetRefs().get(0).node(), "the targetRef");
      }
      if (p.targetRefWritten() && p.targetRefsWritten()) {
        findings.report(META, p.resource().node("/spec/targetRef"),
                "%s sets both targetRef and targetRefs: validation rejects it, so the policy is not applied; move the "
                    + "targetRef into targetRefs", p.displayName())
            .related(p.resource().node("/spec/targetRefs"), "targetRefs");
      }
    }
  }
}
