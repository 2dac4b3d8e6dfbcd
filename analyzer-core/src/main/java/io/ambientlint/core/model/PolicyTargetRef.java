package io.ambientlint.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One entry of a policy's {@code targetRef} or {@code targetRefs}. {@code group} is as written (empty for
 * the core group); {@code namespace} is present only when the ref sets one, which validation rejects.
 */
public record PolicyTargetRef(String group, String kind, String name, Optional<String> namespace, NodeRef node) {

  static PolicyTargetRef of(JsonNode ref, NodeRef node) {
    return new PolicyTargetRef(Fields.text(ref, "group").orElse(""), Fields.text(ref, "kind").orElse(""),
        Fields.text(ref, "name").orElse(""), Fields.text(ref, "namespace").filter(s -> !s.isEmpty()), node);
  }

  /** Istio compares canonical groups: the core group may be written {@code ""} or {@code core}. */
  public String canonicalGroup() {
    return group.isEmpty() ? "core" : group;
  }

  public boolean isService() {
    return canonicalGroup().equals("core") && kind.equals("Service");
  }

  public boolean isServiceEntry() {
    return Kind.SERVICE_ENTRY.matches(group, kind);
  }

  public boolean isGateway() {
    return Kind.GATEWAY.matches(group, kind);
  }

  public boolean isGatewayClass() {
    return Kind.GATEWAY_CLASS.matches(group, kind);
  }

  /** The object the ref names, resolved in the policy's namespace (GatewayClass is cluster-scoped). */
  public ResourceId targetId(String policyNamespace) {
    if (isGatewayClass()) {
      return new ResourceId(Kind.GATEWAY_CLASS, "", name);
    }
    String g = isService() ? "" : group;
    return new ResourceId(g, kind, policyNamespace, name);
  }

  /** {@code Service books/reviews} as messages write it. */
  public String describe(String policyNamespace) {
    return isGatewayClass() ? "GatewayClass " + name : kind + " " + policyNamespace + "/" + name;
  }

  public NodeRef nameNode() {
    return node.child("name");
  }
}
