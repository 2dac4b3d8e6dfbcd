package io.ambientlint.rules.policy;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.AuthorizationPolicy;
import io.ambientlint.core.policy.DroppedField;
import io.ambientlint.core.policy.ZtunnelPolicy;
import io.ambientlint.core.policy.ZtunnelRule;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A ztunnel-enforced AuthorizationPolicy uses HTTP fields: say per rule what ztunnel does instead. */
public final class ZtunnelL7FailSafe implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL305", "ztunnel-l7-fail-safe")
      .severity(Severity.ERROR)
      .summary("An AuthorizationPolicy enforced by ztunnel uses HTTP (L7) fields ztunnel cannot enforce")
      .description("""
          Without targetRefs, an AuthorizationPolicy on ambient workloads is enforced by ztunnel, which sees only \
          L4. Fields it cannot enforce: `to.operation.hosts|notHosts|methods|notMethods|paths|notPaths`, \
          `from.source.requestPrincipals|notRequestPrincipals|remoteIpBlocks|notRemoteIpBlocks`, and every `when` \
          key other than `source.ip`, `source.namespace`, `source.principal`, `destination.ip` and \
          `destination.port`. istiod translates the policy fail-safe: in an ALLOW policy a rule with any such field \
          is dropped whole and matches nothing, so the requests it was meant to allow are denied (with no rule left, \
          the policy denies everything it selects). In a DENY policy the fields are removed and the L4 rest kept: if \
          a whole `to`, `from` or `when` clause is left empty the rule never fires and that deny is silently not \
          enforced; otherwise the rule fires on its L4 remainder and denies more than written (`namespaces` + \
          `requestPrincipals` denies the whole namespace). `from.source.trustDomains|notTrustDomains` are different: \
          istiod neither flags nor translates them, so ztunnel enforces the rule without them; an ALLOW rule then \
          admits its namespaces or principals from any trust domain (more permissive than written, and Istio says \
          nothing), and an entry with nothing else matches nothing. Each affected rule is reported at its first \
          unsupported field, naming every one and the effect.""")
      .help("""
          Enforce HTTP rules at a waypoint: bind the service to a waypoint (`istio.io/use-waypoint`) and attach the \
          policy to it with `targetRefs` (kind Service, or the waypoint Gateway). Keep only L4 fields in policies \
          enforced by ztunnel.""")
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

  private static String remainder(ZtunnelRule rule) {
    return rule.describe().substring(rule.describe().indexOf(':') + 2);
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
      if (!z.isEnforced() || !z.hasDroppedFields() && !z.hasIgnoredFields()) {
        continue;
      }
      Optional<String> scope = graph.ztunnelScope(ap);
      if (scope.isEmpty()) {
        continue;
      }
      boolean noneLeft = z.isAllow() && z.firingRules().isEmpty();
      for (ZtunnelRule rule : z.rules()) {
        if (rule.dropped().isEmpty() && rule.ignored().isEmpty()) {
          continue;
        }
        AuthorizationPolicy.Rule written = ap.rules().get(rule.index());
        List<DroppedField> inFileOrder = java.util.stream.Stream.concat(rule.dropped().stream(), rule.ignored().stream())
            .sorted(IN_FILE_ORDER).toList();
        String fields = String.join(", ", inFileOrder.stream().map(DroppedField::field).distinct().toList());
        String head = String.format("rule %d of %s AuthorizationPolicy %s/%s (enforced by ztunnel for %s) uses %s, which "
            + "ztunnel %s: ", rule.index(), ap.action(), ap.namespace(), ap.name(), scope.get(), fields,
            rule.dropped().isEmpty() ? "ignores (istiod does not translate trust domains for it, and Istio reports "
                + "nothing)" : "cannot enforce");
        String effect = switch (rule.effect()) {
          case DROPPED -> "the rule is dropped, so " + RuleIntent.describe(written) + " will be denied"
              + (noneLeft ? "; no rule of the policy is left, so it denies every connection to the workloads it selects"
                  : "");
          case WIDENED -> "the rule is enforced without the trust domain check (" + remainder(rule) + "), so it admits "
              + "those sources from ANY trust domain, more than written";
          case NEVER_FIRES -> "with " + (fields.contains(",") ? "them" : "it") + " removed, " + emptyClauses(rule)
              + " matches nothing, so the rule never fires and " + RuleIntent.describe(written)
              + (z.isAllow() ? " will be denied" : " are NOT denied");
          default -> "ztunnel enforces the rule on what is left (" + remainder(rule)
              + "), so it denies every connection matching that remainder, more than written"
              + (rule.emptiedEntries().isEmpty() ? ""
                  : ", while " + String.join(", ", rule.emptiedEntries()) + " (only fields ztunnel drops) matches nothing");
        };
        String fix = rule.dropped().isEmpty()
            ? "put the trust domain into the principals (td/ns/NAMESPACE/sa/ACCOUNT) or attach the policy to a waypoint "
                + "with targetRefs"
            : "attach the policy to a waypoint with targetRefs";
        var draft = findings.report(META, inFileOrder.get(0).node(), "%s%s; %s", head, effect, fix);
        if (ap.attachment().hasSelector()) {
          draft.related(ap.attachment().selectorNode(), "the selector");
        }
        graph.policyEnforcement(ap.attachment()).ztunnelWorkloads().stream().findFirst()
            .ifPresent(w -> draft.related(w.resource().nameNode(), "a workload ztunnel enforces it for"));
      }
    }
  }
}
