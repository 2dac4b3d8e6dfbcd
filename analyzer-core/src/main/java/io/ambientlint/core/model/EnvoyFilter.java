package io.ambientlint.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.load.JsonPointers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A networking.istio.io EnvoyFilter: who it applies to ({@code workloadSelector} or {@code targetRefs}), its
 * {@code priority}, and each config patch's {@code applyTo}, match context and {@code patch.operation}.
 *
 * @param workloadSelector present when {@code spec.workloadSelector} is set (its labels may be empty)
 */
public record EnvoyFilter(Resource resource, Optional<Map<String, String>> workloadSelector, List<TargetRef> targetRefs,
    List<ConfigPatch> configPatches, int priority) implements ResourceView {

  /** One of {@code spec.targetRefs}; group defaults to the core group. */
  public record TargetRef(String group, String kind, String name, Optional<String> namespace, String pointer) {
    public boolean is(Kind type) {
      return type.matches(group, kind);
    }
  }

  /**
   * One of {@code spec.configPatches}. {@code proxyVersion} says whether its match pins a proxy version, which
   * makes the order of relative operations change after an upgrade.
   */
  public record ConfigPatch(String applyTo, Optional<String> context, Optional<String> operation, boolean proxyVersion,
      String pointer) {
    public String operationPointer() {
      return pointer + "/patch/operation";
    }
  }

  public static EnvoyFilter of(Resource resource) {
    JsonNode spec = resource.spec();
    List<TargetRef> refs = new ArrayList<>();
    List<JsonNode> refNodes = Fields.array(spec, "targetRefs");
    for (int i = 0; i < refNodes.size(); i++) {
      JsonNode r = refNodes.get(i);
      refs.add(new TargetRef(Fields.text(r, "group").orElse(""), Fields.text(r, "kind").orElse(""),
          Fields.text(r, "name").orElse(""), Fields.text(r, "namespace").filter(s -> !s.isEmpty()),
          JsonPointers.child("/spec/targetRefs", i)));
    }
    List<ConfigPatch> patches = new ArrayList<>();
    List<JsonNode> patchNodes = Fields.array(spec, "configPatches");
    for (int i = 0; i < patchNodes.size(); i++) {
      JsonNode p = patchNodes.get(i);
      patches.add(new ConfigPatch(Fields.text(p, "applyTo").orElse("INVALID"), Fields.text(p.path("match"), "context"),
          Fields.text(p.path("patch"), "operation"),
          Fields.text(p.path("match").path("proxy"), "proxyVersion").filter(s -> !s.isEmpty()).isPresent(),
          JsonPointers.child("/spec/configPatches", i)));
    }
    JsonNode selector = spec.path("workloadSelector");
    Optional<Map<String, String>> labels = selector.isObject()
        ? Optional.of(Fields.stringMap(selector.path("labels"))) : Optional.empty();
    return new EnvoyFilter(resource, labels, List.copyOf(refs), List.copyOf(patches),
        Fields.integer(spec, "priority").orElse(0));
  }

  /** Neither a selector with labels nor targetRefs: applies to every proxy of its namespace (all, from the root). */
  public boolean selectsWholeNamespace() {
    return targetRefs.isEmpty() && workloadSelector.map(Map::isEmpty).orElse(true);
  }
}
