package io.ambientlint.rules.policy;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.ServiceAccountIndex.KnownAccount;
import io.ambientlint.core.model.AuthorizationPolicy;
import io.ambientlint.core.policy.PrincipalName;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** A policy principal naming a service account that nothing in its namespace runs as. */
public final class PrincipalUnknownServiceAccount implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL311", "principal-unknown-service-account")
      .severity(Severity.WARNING)
      .summary("A policy principal names a service account no workload of its namespace runs as")
      .description("""
          An AuthorizationPolicy principal (`from.source.principals`, or a `source.principal` condition) `<trust \
          domain>/ns/X/sa/Y` matches only workloads that run as service account Y in namespace X. When the \
          repository holds namespace X's workloads and none runs as Y (pods without `serviceAccountName` run as \
          `default`), no ServiceAccount Y is declared there, and no Gateway there gets Y from Istio, the entry \
          matches nobody: an ALLOW rule keyed on it denies the clients it was written for, a DENY rule blocks \
          nobody. Typical after a rename, or when the principal names the workload instead of its account. \
          Namespaces whose workloads are not in the repository, and the root namespace, are not judged; principals \
          with wildcards in the namespace or account are not read.""")
      .help("""
          Use the service account the client pods actually run as (their `serviceAccountName`), or give the client \
          pods that service account.""")
      .tags("policy", "security", "identity")
      .securitySeverity(5.0)
      .build();

  private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (AuthorizationPolicy p : graph.authorizationPolicies()) {
      for (AuthorizationPolicy.Rule rule : p.rules()) {
        for (AuthorizationPolicy.Clause from : rule.from()) {
          List<String> principals = from.values("principals");
          for (int i = 0; i < principals.size(); i++) {
            check(graph, findings, p, principals.get(i), from.fieldPointer("principals") + "/" + i);
          }
        }
        for (AuthorizationPolicy.Condition c : rule.when()) {
          if (c.key().equals("source.principal")) {
            for (int i = 0; i < c.values().size(); i++) {
              check(graph, findings, p, c.values().get(i), c.pointer() + "/values/" + i);
            }
          }
        }
      }
    }
  }

  private static void check(MeshGraph graph, Findings findings, AuthorizationPolicy p, String value, String pointer) {
    Optional<PrincipalName> principal = PrincipalName.parse(value);
    if (principal.isEmpty()) {
      return;
    }
    String ns = principal.get().namespace();
    String account = principal.get().serviceAccount();
    Optional<Collection<KnownAccount>> known = graph.serviceAccountsIfKnown(ns);
    if (known.isEmpty() || known.get().stream().anyMatch(a -> a.name().equals(account))) {
      return;
    }
    Optional<KnownAccount> closest = closest(known.get(), account);
    String effect = AuthorizationPolicy.DENY.equals(p.action()) ? "the DENY rule blocks no one through it"
        : "clients are not matched by it, so an ALLOW rule keyed on it denies them";
    String names = String.join(", ", known.get().stream().map(KnownAccount::name).sorted().distinct().limit(6).toList());
    var d = findings.report(META, p.resource().node(pointer),
        "%s: principal %s names service account %s in namespace %s, but no workload of %s in the repository runs as it "
            + "(known there: %s): %s; %s",
        p.displayName(), value, account, ns, ns, names, effect,
        closest.map(a -> "did you mean " + a.name() + " (" + a.how() + ")?").orElse("use the client's service account"));
    closest.ifPresent(a -> d.related(a.shownBy(), "service account " + a.name() + " of " + a.how()));
  }

  /**
   * The account the author most likely meant: one whose name contains the written one or is contained in it
   * ({@code productpage} for {@code bookinfo-productpage}), else the nearest by edit distance if it is near enough
   * to be a typo (at most a third of the name); none otherwise, rather than a misleading guess.
   */
  static Optional<KnownAccount> closest(Collection<KnownAccount> known, String account) {
    Comparator<KnownAccount> byDistance = Comparator.comparingInt((KnownAccount a) -> DISTANCE.apply(a.name(), account))
        .thenComparing(KnownAccount::name);
    Optional<KnownAccount> containing = known.stream()
        .filter(a -> a.name().contains(account) || account.contains(a.name()) && !a.name().equals("default"))
        .min(byDistance);
    if (containing.isPresent()) {
      return containing;
    }
    return known.stream().min(byDistance).filter(a -> DISTANCE.apply(a.name(), account) <= Math.max(1, account.length() / 3));
  }
}
