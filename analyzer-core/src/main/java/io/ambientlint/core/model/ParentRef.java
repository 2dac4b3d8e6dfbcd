package io.ambientlint.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One {@code spec.parentRefs[i]} of a route, with the Gateway API defaults applied: group
 * {@code gateway.networking.k8s.io}, kind {@code Gateway}, namespace of the route. A Service parent is written
 * {@code group: ""}; a {@code kind: Service} without {@code group} is a (non-existent) Gateway API Service.
 *
 * @param pointer the entry, {@code /spec/parentRefs/0}
 */
public record ParentRef(int index, String group, String kind, String namespace, String name,
    Optional<String> sectionName, OptionalInt port, boolean groupWritten, String pointer) {

  static ParentRef of(JsonNode ref, int index, String routeNamespace, String pointer) {
    JsonNode group = ref.path("group");
    return new ParentRef(index, Fields.text(ref, "group").orElse(KnownKinds.GATEWAY_API),
        Fields.text(ref, "kind").orElse("Gateway"), Fields.text(ref, "namespace").orElse(routeNamespace),
        Fields.text(ref, "name").orElse(""), Fields.text(ref, "sectionName"), Fields.integer(ref, "port"),
        group.isTextual(), pointer);
  }

  /** The id of the object this ref names (it may not exist). */
  public ResourceId targetId() {
    return new ResourceId(group, kind, namespace, name);
  }

  public boolean isGateway() {
    return Kind.GATEWAY.matches(group, kind);
  }

  public boolean isService() {
    return Kind.SERVICE.matches(group, kind);
  }

  public boolean isServiceEntry() {
    return Kind.SERVICE_ENTRY.matches(group, kind);
  }

  /** Istio's {@code networking.istio.io/Hostname} parent: a ServiceEntry host named directly. */
  public boolean isHostname() {
    return Kind.HOSTNAME.matches(group, kind);
  }

  /** A mesh (GAMMA) parent: a service rather than a Gateway. */
  public boolean isMeshParent() {
    return isService() || isServiceEntry() || isHostname();
  }

  /** {@code Service books/reviews}, {@code Gateway infra/waypoint}, {@code port 9080}. */
  public String describe() {
    String k = kind.equals("Service") && !group.isEmpty() ? group + "/" + kind : kind;
    return k + " " + namespace + "/" + name
        + sectionName.map(s -> " sectionName " + s).orElse("")
        + (port.isPresent() ? " port " + port.getAsInt() : "");
  }
}
