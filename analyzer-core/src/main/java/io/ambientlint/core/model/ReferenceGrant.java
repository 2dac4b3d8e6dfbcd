package io.ambientlint.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.load.JsonPointers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A gateway.networking.k8s.io ReferenceGrant (v1beta1, v1alpha2): objects of the {@code from} kinds in the
 * {@code from} namespaces may refer to objects of the {@code to} kinds (optionally one name) in the grant's
 * own namespace.
 */
public record ReferenceGrant(Resource resource, List<From> from, List<To> to) implements ResourceView {

  /** {@code from[i]}: group, kind and namespace of the referring objects. */
  public record From(String group, String kind, String namespace, String pointer) {}

  /** {@code to[i]}: group, kind and optional name of the referred objects. */
  public record To(String group, String kind, Optional<String> name, String pointer) {}

  public static ReferenceGrant of(Resource resource) {
    JsonNode spec = resource.spec();
    List<From> from = new ArrayList<>();
    List<JsonNode> fromNodes = Fields.array(spec, "from");
    for (int i = 0; i < fromNodes.size(); i++) {
      JsonNode f = fromNodes.get(i);
      from.add(new From(Fields.text(f, "group").orElse(""), Fields.text(f, "kind").orElse(""),
          Fields.text(f, "namespace").orElse(""), JsonPointers.child("/spec/from", i)));
    }
    List<To> to = new ArrayList<>();
    List<JsonNode> toNodes = Fields.array(spec, "to");
    for (int i = 0; i < toNodes.size(); i++) {
      JsonNode t = toNodes.get(i);
      to.add(new To(Fields.text(t, "group").orElse(""), Fields.text(t, "kind").orElse(""),
          Fields.text(t, "name").filter(n -> !n.isEmpty()), JsonPointers.child("/spec/to", i)));
    }
    return new ReferenceGrant(resource, List.copyOf(from), List.copyOf(to));
  }

  /** Does this grant let a {@code fromGroup/fromKind} in {@code fromNamespace} refer to {@code group/kind name} here? */
  public boolean permits(String fromGroup, String fromKind, String fromNamespace, String group, String kind, String name) {
    boolean fromOk = from.stream().anyMatch(f -> f.group().equals(fromGroup) && f.kind().equals(fromKind)
        && f.namespace().equals(fromNamespace));
    return fromOk && to.stream().anyMatch(t -> t.group().equals(group) && t.kind().equals(kind)
        && t.name().map(name::equals).orElse(true));
  }
}
