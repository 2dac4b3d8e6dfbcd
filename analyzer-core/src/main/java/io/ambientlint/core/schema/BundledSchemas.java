package io.ambientlint.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ambientlint.core.model.Fields;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The schemas shipped with ambient-lint, for the kinds the rules read, written from the published API
 * references. One JSON resource per API group: {@code {"group", "definitions", "kinds": [{"kind", "versions":
 * [{"name", "served", "deprecated", "deprecationWarning", "supersedable"}], "schema"}]}}, the schema in the same OpenAPI dialect as a CRD's
 * openAPIV3Schema (so it goes through {@link CrdSchemaConverter} like any CRD), where
 * {@code {"$ref": "#/definitions/X"}} is replaced by the definition. Wherever the reference leaves room, the
 * schema says {@code x-kubernetes-preserve-unknown-fields}: a bundled schema may miss an error, never invent one.
 */
public final class BundledSchemas {
  private BundledSchemas() {}

  static final List<String> FILES = List.of("core.json", "apps.json", "batch.json", "extensions.json", "policy.json", "networking.k8s.io.json",
      "gateway.networking.k8s.io.json", "networking.istio.io.json", "security.istio.io.json",
      "telemetry.istio.io.json", "extensions.istio.io.json");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Parsed once per JVM: the resources never change. */
  private static volatile List<KindSchemas> all;

  public static List<KindSchemas> all() {
    List<KindSchemas> loaded = all;
    if (loaded == null) {
      List<KindSchemas> out = new ArrayList<>();
      for (String file : FILES) {
        out.addAll(read(file));
      }
      all = loaded = List.copyOf(out);
    }
    return loaded;
  }

  private static List<KindSchemas> read(String file) {
    JsonNode root;
    try (InputStream in = BundledSchemas.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("bundled schema " + file + " is missing from the jar");
      }
      root = JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("bundled schema " + file + " cannot be read", e);
    }
    String group = root.path("group").asText("");
    JsonNode definitions = root.path("definitions");
    List<KindSchemas> out = new ArrayList<>();
    for (JsonNode k : root.path("kinds")) {
      Optional<JsonNode> schema = k.path("schema").isObject()
          ? Optional.of(expand(k.get("schema"), definitions, 0)) : Optional.empty();
      Map<String, ApiVersion> versions = new LinkedHashMap<>();
      for (JsonNode v : k.path("versions")) {
        String name = v.path("name").asText();
        boolean served = v.path("served").asBoolean(true);
        versions.put(name, new ApiVersion(name, served, v.path("deprecated").asBoolean(false),
            Fields.text(v, "deprecationWarning"), served ? schema : Optional.empty(),
            v.path("supersedable").asBoolean(true)));
      }
      out.add(new KindSchemas(group, k.path("kind").asText(), SchemaSource.BUNDLED, "bundled:" + file, versions));
    }
    return out;
  }

  /** Inlines {@code $ref}s to {@code #/definitions/X}; keys beside the reference override the definition's. */
  static JsonNode expand(JsonNode node, JsonNode definitions, int depth) {
    if (depth > 64) {
      throw new IllegalStateException("bundled schema definitions refer to each other in a loop");
    }
    if (node.isArray()) {
      List<JsonNode> items = new ArrayList<>();
      node.forEach(n -> items.add(expand(n, definitions, depth + 1)));
      return JSON.createArrayNode().addAll(items);
    }
    if (!node.isObject()) {
      return node;
    }
    ObjectNode out = JSON.createObjectNode();
    JsonNode ref = node.path("$ref");
    if (ref.isTextual() && ref.asText().startsWith("#/definitions/")) {
      JsonNode target = definitions.path(ref.asText().substring("#/definitions/".length()));
      if (!target.isObject()) {
        throw new IllegalStateException("bundled schema refers to a missing definition " + ref.asText());
      }
      out.setAll((ObjectNode) expand(target, definitions, depth + 1));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().equals("$ref")) {
        out.set(e.getKey(), expand(e.getValue(), definitions, depth + 1));
      }
    }
    return out;
  }
}
