package io.ambientlint.core.policy;

import io.ambientlint.core.model.AuthorizationPolicy;
import java.util.List;

/**
 * What ztunnel enforces for one AuthorizationPolicy: nothing (with the reason), or an ALLOW/DENY policy whose
 * rules are the translated ones. Produced by {@link ZtunnelPolicyTranslator}.
 */
public record ZtunnelPolicy(AuthorizationPolicy source, Status status, String reason, List<ZtunnelRule> rules) {

  public enum Status {
    /** Sent to ztunnel as ALLOW or DENY. */
    ENFORCED,
    /** Has targetRefs: meant for waypoints and gateways; ztunnel never sees it. */
    NOT_FOR_ZTUNNEL,
    /** CUSTOM or AUDIT (or an unknown action): ztunnel drops the policy. */
    UNSUPPORTED_ACTION,
    /** Annotated {@code istio.io/dry-run}: ztunnel drops it (unless AMBIENT_ENABLE_DRY_RUN_AUTHORIZATION_POLICY). */
    DRY_RUN
  }

  public boolean isEnforced() {
    return status == Status.ENFORCED;
  }

  public String action() {
    return source.action();
  }

  public boolean isAllow() {
    return AuthorizationPolicy.ALLOW.equals(source.action());
  }

  public List<DroppedField> dropped() {
    return rules.stream().flatMap(r -> r.dropped().stream()).toList();
  }

  /** Has some rule trustDomains/notTrustDomains, which istiod does not translate for ztunnel? */
  public boolean hasIgnoredFields() {
    return rules.stream().anyMatch(r -> !r.ignored().isEmpty());
  }

  public boolean hasDroppedFields() {
    return rules.stream().anyMatch(r -> !r.dropped().isEmpty());
  }

  /** Rules that can match a connection at ztunnel. */
  public List<ZtunnelRule> firingRules() {
    return rules.stream().filter(ZtunnelRule::fires).toList();
  }

  /**
   * Does some rule let traffic from {@code identity} through (source-wise)? Only meaningful for enforced
   * ALLOW policies.
   */
  public boolean admitsSource(SourceIdentity identity) {
    return rules.stream().anyMatch(r -> r.admitsSource(identity, source.namespace()));
  }

  /** The effective form in one line: {@code ALLOW rule 0: ...; rule 1: dropped}, or why nothing is enforced. */
  public String describe() {
    if (!isEnforced()) {
      return "not enforced by ztunnel: " + reason;
    }
    if (rules.isEmpty()) {
      return action() + " with no rules: " + (isAllow() ? "matches nothing, so it denies every connection"
          : "matches nothing");
    }
    return action() + " " + String.join("; ", rules.stream().map(ZtunnelRule::describe).toList());
  }
}
