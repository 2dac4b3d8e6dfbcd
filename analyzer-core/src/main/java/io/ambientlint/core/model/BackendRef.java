package io.ambientlint.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalInt;

/**
 * One {@code backendRefs[j]} of a route rule, defaults applied: group {@code ""}, kind {@code Service},
 * namespace of the route, weight 1.
 *
 * @param pointer the entry, {@code /spec/rules/0/backendRefs/1}
 */
public record BackendRef(String group, String kind, String namespace, String name, OptionalInt port, int weight,
    boolean namespaceWritten, String pointer) {

  static BackendRef of(JsonNode ref, String routeNamespace, String pointer) {
    return new BackendRef(Fields.text(ref, "group").orElse(""), Fields.text(ref, "kind").orElse("Service"),
        Fields.text(ref, "namespace").orElse(routeNamespace), Fields.text(ref, "name").orElse(""),
        Fields.integer(ref, "port"), Fields.integer(ref, "weight").orElse(1), ref.path("namespace").isTextual(),
        pointer);
  }

  public ResourceId targetId() {
    return new ResourceId(group, kind, namespace, name);
  }

  public boolean isService() {
    return Kind.SERVICE.matches(group, kind);
  }

  /** {@code reviews:9080}, {@code books/reviews:9080} when in another namespace than {@code from}. */
  public String describe(String fromNamespace) {
    String n = namespace.equals(fromNamespace) ? name : namespace + "/" + name;
    String k = isService() ? "" : (group.isEmpty() ? kind : group + "/" + kind) + " ";
    return k + n + (port.isPresent() ? ":" + port.getAsInt() : "");
  }
}
