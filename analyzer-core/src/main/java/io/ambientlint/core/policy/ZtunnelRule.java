package io.ambientlint.core.policy;

import java.util.List;

/**
 * One rule of an AuthorizationPolicy after translation for ztunnel.
 *
 * @param clauses ANDed; each clause is an OR of matches ({@code to}, {@code from}, then one per {@code when})
 * @param emptiedEntries entries that had only fields ztunnel cannot enforce or ignores ({@code to[1]}): skipped,
 *     they match nothing
 * @param ignored {@code from.source.trustDomains|notTrustDomains}: not translated, so enforced as if absent
 */
public record ZtunnelRule(int index, Effect effect, List<Clause> clauses, List<DroppedField> dropped,
    List<String> emptiedEntries, List<DroppedField> ignored) {

  public enum Effect {
    /** Nothing ztunnel cannot enforce: enforced as written. */
    UNCHANGED,
    /** ALLOW rule with an L7 field: not sent to ztunnel, so it matches (allows) nothing. */
    DROPPED,
    /**
     * A rule whose L7 or ignored parts left a clause with nothing to match: it never fires (a DENY is not
     * enforced; an ALLOW allows nothing).
     */
    NEVER_FIRES,
    /** ALLOW rule enforced without its trustDomains/notTrustDomains: it admits any trust domain. */
    WIDENED,
    /** DENY rule enforced on what is left after removing its L7 parts: it denies more than written. */
    L4_REMAINDER
  }

  /** A {@code to}, {@code from} or {@code when} clause: fires when one of its non-empty matches does. */
  public record Clause(String kind, List<ZtunnelMatch> matches) {
    public boolean canMatch() {
      return matches.stream().anyMatch(m -> !m.isEmpty());
    }

    @Override
    public String toString() {
      List<String> alternatives = matches.stream().filter(m -> !m.isEmpty()).map(ZtunnelMatch::toString).toList();
      return kind + (alternatives.size() == 1 ? " " + alternatives.get(0) : " any of " + alternatives);
    }
  }

  /** Is the rule sent to ztunnel and able to match some connection? A rule without clauses matches all. */
  public boolean fires() {
    return effect != Effect.DROPPED && clauses.stream().allMatch(Clause::canMatch);
  }

  /** Does a connection from {@code identity} satisfy every source condition of this rule? */
  public boolean admitsSource(SourceIdentity identity, String policyNamespace) {
    if (!fires()) {
      return false;
    }
    for (Clause c : clauses) {
      if (c.kind().equals("to")) {
        continue;
      }
      boolean sourceClause = c.matches().stream().anyMatch(ZtunnelMatch::keysOnSource);
      if (sourceClause && c.matches().stream().noneMatch(m -> m.admitsSource(identity, policyNamespace))) {
        return false;
      }
    }
    return true;
  }

  /** Does any clause constrain the source (from, or a source.* condition)? */
  public boolean keysOnSource() {
    return clauses.stream().flatMap(c -> c.matches().stream()).anyMatch(ZtunnelMatch::keysOnSource);
  }

  /** {@code rule 0: from namespaces=[shop] AND to ports=[8080]}; {@code rule 1: dropped}. */
  public String describe() {
    String head = "rule " + index + ": ";
    return switch (effect) {
      case DROPPED -> head + "dropped (matches nothing)";
      case NEVER_FIRES -> head + "never fires";
      default -> head + (clauses.isEmpty() ? "matches every connection"
          : String.join(" AND ", clauses.stream().map(Clause::toString).toList()));
    };
  }
}
