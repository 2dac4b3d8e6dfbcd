package io.ambientlint.core.policy;

import java.util.List;
import java.util.Map;

/**
 * One alternative of a clause as ztunnel receives it: only L4 fields remain. {@code when} conditions are
 * written with the source/operation field they become ({@code source.namespace} -> {@code namespaces},
 * {@code destination.port} -> {@code ports}, {@code destination.ip} -> {@code destinationIps}). A match with no
 * field left is skipped by ztunnel: it matches nothing.
 */
public record ZtunnelMatch(String pointer, Map<String, List<String>> fields) {

  private static final List<String> SOURCE_FIELDS = List.of("principals", "notPrincipals", "namespaces",
      "notNamespaces", "serviceAccounts", "notServiceAccounts", "ipBlocks", "notIpBlocks");

  public boolean isEmpty() {
    return fields.values().stream().allMatch(List::isEmpty);
  }

  public List<String> values(String field) {
    return fields.getOrDefault(field, List.of());
  }

  /**
   * Does this match let a connection from {@code identity} through, as far as the source goes? Source IP
   * blocks cannot be checked statically (the source's pod IP is not in the repository): they count as not
   * admitting, which is what a policy written for client IPs does to traffic from a waypoint.
   */
  public boolean admitsSource(SourceIdentity identity, String policyNamespace) {
    if (isEmpty() || !values("ipBlocks").isEmpty()) {
      return false;
    }
    return anyOrUnset(values("principals"), identity.principal())
        && noneOf(values("notPrincipals"), identity.principal())
        && anyOrUnset(values("namespaces"), identity.namespace())
        && noneOf(values("notNamespaces"), identity.namespace())
        && serviceAccounts(values("serviceAccounts"), identity, policyNamespace, true)
        && serviceAccounts(values("notServiceAccounts"), identity, policyNamespace, false);
  }

  /** Does this match constrain the source (identity, namespace, service account or IP)? */
  public boolean keysOnSource() {
    for (String f : SOURCE_FIELDS) {
      if (!values(f).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyOrUnset(List<String> patterns, String value) {
    return patterns.isEmpty() || patterns.stream().anyMatch(p -> StringPattern.matches(p, value));
  }

  private static boolean noneOf(List<String> patterns, String value) {
    return patterns.stream().noneMatch(p -> StringPattern.matches(p, value));
  }

  /** {@code ns/sa}, or {@code sa} in the policy's namespace; exact. */
  private static boolean serviceAccounts(List<String> accounts, SourceIdentity identity, String policyNamespace,
      boolean positive) {
    if (accounts.isEmpty()) {
      return true;
    }
    boolean hit = accounts.stream().anyMatch(a -> {
      int slash = a.indexOf('/');
      String ns = slash < 0 ? policyNamespace : a.substring(0, slash);
      String sa = slash < 0 ? a : a.substring(slash + 1);
      return ns.equals(identity.namespace()) && sa.equals(identity.serviceAccount());
    });
    return positive == hit;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    fields.forEach((k, v) -> {
      if (!v.isEmpty()) {
        out.append(out.length() == 0 ? "" : " ").append(k).append('=').append(v);
      }
    });
    return out.length() == 0 ? "(nothing)" : out.toString();
  }
}
