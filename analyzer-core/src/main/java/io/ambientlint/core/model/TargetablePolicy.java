package io.ambientlint.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A policy that attaches by selector or by targetRefs (AuthorizationPolicy, RequestAuthentication,
 * PeerAuthentication, Telemetry, WasmPlugin, EnvoyFilter, Sidecar). {@code selector} is present when the
 * selector object is written at all (an empty one selects the whole namespace); {@code targetRefs} merges the
 * legacy {@code targetRef} into the list, as Istio does when {@code targetRefs} is empty;
 * {@code targetRefWritten}/{@code targetRefsWritten} say which of the two fields the manifest sets.
 */
public record TargetablePolicy(Resource resource, PolicyKind kind, Optional<Map<String, String>> selector,
    List<PolicyTargetRef> targetRefs, boolean targetRefWritten, boolean targetRefsWritten) implements ResourceView {

  public static Optional<TargetablePolicy> of(Resource resource) {
    return PolicyKind.of(resource.id()).map(kind -> of(resource, kind));
  }

  static TargetablePolicy of(Resource resource, PolicyKind kind) {
    JsonNode root = resource.root();
    JsonNode selectorNode = root.at(kind.selectorPointer());
    Optional<Map<String, String>> selector = selectorNode.isObject()
        ? Optional.of(Fields.stringMap(root.at(kind.labelsPointer()))) : Optional.empty();
    List<PolicyTargetRef> refs = new ArrayList<>();
    boolean single = false;
    boolean many = false;
    if (kind.acceptsTargetRefs()) {
      List<JsonNode> list = Fields.array(resource.spec(), "targetRefs");
      many = !list.isEmpty();
      for (int i = 0; i < list.size(); i++) {
        refs.add(PolicyTargetRef.of(list.get(i), resource.node("/spec/targetRefs/" + i)));
      }
      JsonNode one = resource.spec().path("targetRef");
      single = one.isObject();
      if (refs.isEmpty() && single) {
        refs.add(PolicyTargetRef.of(one, resource.node("/spec/targetRef")));
      }
    }
    return new TargetablePolicy(resource, kind, selector, List.copyOf(refs), single, many);
  }

  public boolean hasSelector() {
    return selector.isPresent();
  }

  public Map<String, String> selectorLabels() {
    return selector.orElse(Map.of());
  }

  public boolean hasTargetRefs() {
    return !targetRefs.isEmpty();
  }

  /** The selector as written ({@code spec.selector}); only meaningful when {@link #hasSelector()}. */
  public NodeRef selectorNode() {
    return resource.node(kind.selectorPointer());
  }

  /** {@code AuthorizationPolicy shop/cart-get-only}. */
  @Override
  public String displayName() {
    return resource.displayName();
  }
}
