package io.ambientlint.rules.policy;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.AuthorizationPolicy;
import io.ambientlint.core.policy.DroppedField;
import io.ambientlint.core.policy.ZtunnelPolicy;
import io.ambientlint.core.policy.ZtunnelRule;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.rule.Severity;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A ztunnel-enforced AuthorizationPolicy uses HTTP fields: say per rule what ztunnel does instead. */
public final class ZtunnelL7FailSafe implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL305", "ztunnel-l7-fail-safe")
      .severity(Severity.ERROR)
      .summary("An AuthorizationPolicy enforced by ztunnel uses HTTP (L7) fields ztunnel cannot enforce")
      .description("Without targetRefs, an AuthorizationPolicy on ambient workloads is enforced by ztunnel, which sees "
          + "only L4. Fields it cannot enforce: `to.operation.hosts|notHosts|methods|notMethods|paths|notPaths`, "
          + "`from.source.requestPrincipals|notRequestPrincipals|remoteIpBlocks|notRemoteIpBlocks|trustDomains|"
          + "notTrustDomains`, and every `when` key other than `source.ip`, `source.namespace`, `source.principal`, "
          + "`destination.ip` and `destination.port`. istiod translates the policy fail-safe: in an ALLOW policy a rule "
          + "with any such field is dropped whole and matches nothing, so the requests it was meant to allow are denied "
          + "(with no rule left, the policy denies everything it selects). In a DENY policy the fields are removed and "
          + "the L4 rest kept: if a whole `to`, `from` or `when` clause is left empty the rule never fires and that deny "
          + "is silently not enforced; otherwise the rule fires on its L4 remainder and denies more than written "
          + "(`namespaces` + `requestPrincipals` denies the whole namespace). Each affected rule is reported at its "
          + "first unsupported field, naming every one and the effect.")
      .help("Enforce HTTP rules at a waypoint: bind the service to a waypoint (`istio.io/use-waypoint`) and attach the "
          + "policy to it with `targetRefs` (kind Service, or the waypoint Gateway). Keep only L4 fields in policies "
          + "enforced by ztunnel.")
      .tags("policy", "security", "ztunnel", "authorization")
      .securitySeverity(8.0)
      .precision("high")
      .build();

  /** "the to clause", "the when request.headers[x] condition". */
  private static String emptyClauses(ZtunnelRule rule) {
    List<String> empty = rule.clauses().stream().filter(c -> !c.canMatch())
        .map(c -> c.kind().startsWith("when ") ? "the " + c.kind() + " condition" : "the " + c.kind() + " clause")
        .toList();
    return empty.isEmpty() ? "the rule" : String.join(" and ", empty);
  }

  private static final Comparator<DroppedField> IN_FILE_ORDER = Comparator
      .comparingInt((DroppedField d) -> d.node().location().position().line())
      .thenComparingInt(d -> d.node().location().position().column());

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (AuthorizationPolicy ap : graph.authorizationPolicies()) {
      ZtunnelPolicy z = graph.ztunnelForm(ap);
      if (!z.isEnforced() || !z.hasDroppedFields()) {
        continue;
      }
      Optional<String> scope = graph.ztunnelScope(ap);
      if (scope.isEmpty()) {
        continue;
      }
      boolean noneLeft = z.isAllow() && z.firingRules().isEmpty();
      for (ZtunnelRule rule : z.rules()) {
        if (rule.dropped().isEmpty()) {
          continue;
        }
        AuthorizationPolicy.Rule written = ap.rules().get(rule.index());
        List<DroppedField> inFileOrder = rule.dropped().stream().sorted(IN_FILE_ORDER).toList();
        String fields = String.join(", ", inFileOrder.stream().map(DroppedField::field).distinct().toList());
        String head = String.format("rule %d of %s AuthorizationPolicy %s/%s (enforced by ztunnel for %s) uses %s, which ztunnel "
            + "cannot enforce: ", rule.index(), ap.action(), ap.namespace(), ap.name(), scope.get(), fields);
        String effect = switch (rule.effect()) {
          case DROPPED -> "the rule is dropped, so " + RuleIntent.describe(written) + " will be denied"
              + (noneLeft ? "; no rule of the policy is left, so it denies every connection to the workloads it selects"
                  : "");
          case NEVER_FIRES -> "with " + (fields.contains(",") ? "them" : "it") + " removed, " + emptyClauses(rule)
              + " matches nothing, so the rule never fires and " + RuleIntent.describe(written) + " are NOT denied";
          default -> "ztunnel enforces the rule on what is left (" + rule.describe().substring(rule.describe().indexOf(':') + 2)
              + "), so it denies every connection matching that remainder, more than written"
              + (rule.emptiedEntries().isEmpty() ? ""
                  : ", while " + String.join(", ", rule.emptiedEntries()) + " (only HTTP fields) matches nothing");
        };
        var draft = findings.report(META, inFileOrder.get(0).node(),
            "%s%s; attach the policy to a waypoint with targetRefs", head, effect);
        if (ap.attachment().hasSelector()) {
          draft.related(ap.attachment().selectorNode(), "the selector");
        }
        graph.policyEnforcement(ap.attachment()).ztunnelWorkloads().stream().findFirst()
            .ifPresent(w -> draft.related(w.resource().nameNode(), "a workload ztunnel enforces it for"));
      }
    }
  }
}
