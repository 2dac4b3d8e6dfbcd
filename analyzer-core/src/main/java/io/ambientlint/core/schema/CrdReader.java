package io.ambientlint.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ambientlint.core.model.Fields;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads the group, kind and versions of a CustomResourceDefinition ({@code apiextensions.k8s.io} v1 or v1beta1). */
public final class CrdReader {
  private CrdReader() {}

  public static final String GROUP = "apiextensions.k8s.io";
  public static final String KIND = "CustomResourceDefinition";

  public static boolean isCrd(JsonNode root) {
    return KIND.equals(root.path("kind").asText()) && root.path("apiVersion").asText().startsWith(GROUP + "/");
  }

  /** The CRD's kind and versions, or empty when it names no group or kind. */
  public static Optional<KindSchemas> read(JsonNode crd, SchemaSource source, String origin) {
    JsonNode spec = crd.path("spec");
    Optional<String> group = Fields.text(spec, "group");
    Optional<String> kind = Fields.text(spec.path("names"), "kind");
    if (group.isEmpty() || kind.isEmpty()) {
      return Optional.empty();
    }
    // apiextensions v1beta1: one schema for every version, and preserveUnknownFields defaulting to true.
    JsonNode legacySchema = spec.path("validation").path("openAPIV3Schema");
    boolean legacyPreserve = spec.path("preserveUnknownFields").asBoolean(crd.path("apiVersion").asText().endsWith("/v1beta1"));
    Map<String, ApiVersion> versions = new LinkedHashMap<>();
    for (JsonNode v : spec.path("versions")) {
      Optional<String> name = Fields.text(v, "name");
      if (name.isEmpty()) {
        continue;
      }
      JsonNode schema = v.path("schema").path("openAPIV3Schema");
      if (!schema.isObject()) {
        schema = legacySchema;
      }
      versions.put(name.get(), new ApiVersion(name.get(), v.path("served").asBoolean(true),
          v.path("deprecated").asBoolean(false), Fields.text(v, "deprecationWarning"),
          schema.isObject() ? Optional.of(preserving(schema, legacyPreserve)) : Optional.empty()));
    }
    Optional<String> single = Fields.text(spec, "version");
    if (versions.isEmpty() && single.isPresent()) {
      versions.put(single.get(), new ApiVersion(single.get(), true, false, Optional.empty(),
          legacySchema.isObject() ? Optional.of(preserving(legacySchema, legacyPreserve)) : Optional.empty()));
    }
    return Optional.of(new KindSchemas(group.get(), kind.get(), source, origin, versions));
  }

  private static JsonNode preserving(JsonNode schema, boolean preserveUnknown) {
    if (!preserveUnknown) {
      return schema;
    }
    ObjectNode copy = schema.deepCopy();
    copy.put("x-kubernetes-preserve-unknown-fields", true);
    return copy;
  }
}
