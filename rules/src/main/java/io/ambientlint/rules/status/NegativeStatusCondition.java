package io.ambientlint.rules.status;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.StatusCondition;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;
import java.util.Set;

/** Exported status that says Istio or the Gateway controller rejected or could not apply something. */
public final class NegativeStatusCondition implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL906", "negative-status-condition")
      .severity(Severity.WARNING)
      .summary("Exported status carries a negative condition")
      .description("""
          Manifests exported from a cluster carry `status`. When a condition Istio or the Gateway API controller \
          sets is negative, the cluster already reports a problem: `WaypointBound` on a Service, ServiceEntry or \
          WorkloadEntry (not bound to its waypoint), `ZtunnelAccepted` / `WaypointAccepted` on an \
          AuthorizationPolicy (not enforced, or only partly: reason `PartiallyInvalid` counts even with status \
          True), and `Accepted`, `ResolvedRefs`, `Programmed` on a Gateway, its listeners and route parents. The \
          finding quotes the condition's reason and message. Conditions of other controllers (Argo CD's `Synced`) \
          are ignored. istioctl reports the object-level ones as IST0171 (NegativeConditionStatus).""")
      .help("""
          Fix what the condition's message names, then re-export the status (or drop `status` from the manifests \
          kept in Git).""")
      .tags("status")
      .build();

  private static final Set<String> TYPES = Set.of("WaypointBound", "ZtunnelAccepted", "WaypointAccepted", "Accepted",
      "ResolvedRefs", "Programmed");

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (StatusCondition c : graph.statusConditions()) {
      if (!TYPES.contains(c.shortType()) || c.type().contains("/") && !c.type().startsWith("istio.io/")) {
        continue;
      }
      boolean negative = c.status().equalsIgnoreCase("False");
      boolean partial = c.reason().equals("PartiallyInvalid");
      if (!negative && !partial) {
        continue;
      }
      findings.report(META, c.node().child(negative ? "status" : "reason"),
          "%s%s reports %s=%s (reason %s): %s",
          c.resource().displayName(), c.scope().isEmpty() ? "" : " (" + c.scope() + ")", c.type(), c.status(),
          c.reason().isEmpty() ? "none" : c.reason(), c.message().isEmpty() ? "no message" : c.message());
    }
  }
}
