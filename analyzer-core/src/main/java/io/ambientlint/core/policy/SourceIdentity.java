package io.ambientlint.core.policy;

/** Who ztunnel sees as the source of a connection: a SPIFFE identity {@code <trustDomain>/ns/<ns>/sa/<sa>}. */
public record SourceIdentity(String trustDomain, String namespace, String serviceAccount) {

  /** The principal as AuthorizationPolicy matches it (without {@code spiffe://}). */
  public String principal() {
    return trustDomain + "/ns/" + namespace + "/sa/" + serviceAccount;
  }
}
