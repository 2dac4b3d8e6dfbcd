package io.ambientlint.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns a CRD's {@code openAPIV3Schema} (OpenAPI 3.0 with Kubernetes extensions) into a draft-07 JSON Schema
 * that behaves like the API server's validation:
 * <ul>
 *   <li>{@code x-kubernetes-int-or-string}: integer or string;</li>
 *   <li>{@code x-kubernetes-preserve-unknown-fields}: unknown fields are kept, so allowed;</li>
 *   <li>{@code nullable}: {@code null} is accepted besides the declared type (without it the API server prunes
 *       a null field before validating, which {@link CompiledSchema} does too);</li>
 *   <li>{@code x-kubernetes-embedded-resource}: a whole object, with apiVersion, kind and metadata;</li>
 *   <li>an object with {@code properties} and neither of the above is structural: unknown fields are errors
 *       (the API server prunes them, or rejects them under strict field validation).</li>
 * </ul>
 * CEL {@code x-kubernetes-validations}, {@code format} and descriptions are dropped: the rules implement the
 * CEL checks that matter, and a dropped constraint can only make us accept more. {@code default} is kept (an
 * annotation in JSON Schema) for {@link Defaults}, since the API server defaults an object before validating it.
 */
public final class CrdSchemaConverter {
  private CrdSchemaConverter() {}

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** Keywords whose meaning is the same in OpenAPI 3.0 and JSON Schema draft 07. */
  private static final Set<String> COPIED = Set.of("default", "enum", "minimum", "maximum", "minLength", "maxLength",
      "minItems", "maxItems", "uniqueItems", "required", "minProperties", "maxProperties", "multipleOf");

  /** Draft-07 JSON Schema of one served version; {@code openApi} is the version's openAPIV3Schema. */
  public static ObjectNode convert(JsonNode openApi) {
    ObjectNode root = convertNode(openApi, Place.SPINE);
    root.put("$schema", "http://json-schema.org/draft-07/schema#");
    ObjectNode properties = root.has("properties") ? (ObjectNode) root.get("properties") : root.putObject("properties");
    properties.set("apiVersion", JSON.objectNode().put("type", "string"));
    properties.set("kind", JSON.objectNode().put("type", "string"));
    // The API server validates metadata as ObjectMeta whatever the CRD says about it.
    properties.set("metadata", objectMeta());
    // status is a subresource: applying a manifest does not write it, so what it holds is never rejected.
    properties.set("status", JSON.objectNode());
    return root;
  }

  /** Where a subschema sits: on the spine of the object, or inside a logical junction (allOf/anyOf/oneOf/not). */
  private enum Place { SPINE, JUNCTION }

  private static ObjectNode convertNode(JsonNode in, Place place) {
    ObjectNode out = JSON.objectNode();
    if (!in.isObject()) {
      return out;
    }
    boolean intOrString = in.path("x-kubernetes-int-or-string").asBoolean(false);
    boolean preserveUnknown = in.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    boolean embedded = in.path("x-kubernetes-embedded-resource").asBoolean(false);
    boolean nullable = in.path("nullable").asBoolean(false);
    if (intOrString) {
      ArrayNode types = out.putArray("type").add("integer").add("string");
      if (nullable) {
        types.add("null");
      }
    } else if (in.path("type").isTextual()) {
      if (nullable) {
        out.putArray("type").add(in.get("type").asText()).add("null");
      } else {
        out.put("type", in.get("type").asText());
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (COPIED.contains(e.getKey())) {
        out.set(e.getKey(), e.getValue().deepCopy());
      }
    }
    if (nullable && out.path("enum").isArray()) {
      ((ArrayNode) out.get("enum")).addNull();
    }
    exclusiveBound(in, out, "exclusiveMinimum", "minimum");
    exclusiveBound(in, out, "exclusiveMaximum", "maximum");
    if (in.path("pattern").isTextual() && compiles(in.get("pattern").asText())) {
      out.put("pattern", in.get("pattern").asText());
    }

    if (in.path("properties").isObject()) {
      ObjectNode properties = out.putObject("properties");
      in.get("properties").fields().forEachRemaining(e -> properties.set(e.getKey(), convertNode(e.getValue(), place)));
    }
    JsonNode additional = in.path("additionalProperties");
    if (additional.isBoolean()) {
      out.put("additionalProperties", additional.asBoolean());
    } else if (additional.isObject()) {
      out.set("additionalProperties", convertNode(additional, place));
    }
    JsonNode items = in.path("items");
    if (items.isObject()) {
      out.set("items", convertNode(items, place));
    } else if (items.isArray()) {
      ArrayNode tuple = out.putArray("items");
      items.forEach(i -> tuple.add(convertNode(i, place)));
    }
    // Junctions would judge a kept null (a required-list branch holds for any non-object), and the API server
    // does not: for a nullable field they apply only when the value is not null.
    ObjectNode junctions = JSON.objectNode();
    for (String junction : new String[] {"allOf", "anyOf", "oneOf"}) {
      JsonNode branches = in.path(junction);
      if (!branches.isArray() || (intOrString && onlyTypes(branches))) {
        // int-or-string's own anyOf [integer, string] says nothing the type list above does not.
        continue;
      }
      ArrayNode converted = junctions.putArray(junction);
      branches.forEach(b -> converted.add(convertNode(b, Place.JUNCTION)));
    }
    if (in.path("not").isObject()) {
      junctions.set("not", convertNode(in.get("not"), Place.JUNCTION));
    }
    if (!junctions.isEmpty() && nullable) {
      out.set("if", JSON.objectNode().put("type", "null"));
      out.set("else", junctions);
    } else {
      out.setAll(junctions);
    }

    if (embedded) {
      ObjectNode properties = out.has("properties") ? (ObjectNode) out.get("properties") : out.putObject("properties");
      if (!properties.has("apiVersion")) {
        properties.set("apiVersion", JSON.objectNode().put("type", "string").put("minLength", 1));
      }
      if (!properties.has("kind")) {
        properties.set("kind", JSON.objectNode().put("type", "string").put("minLength", 1));
      }
      if (!properties.has("metadata")) {
        properties.set("metadata", objectMeta());
      }
      ArrayNode required = out.has("required") ? (ArrayNode) out.get("required") : out.putArray("required");
      for (String field : new String[] {"apiVersion", "kind"}) {
        if (!contains(required, field)) {
          required.add(field);
        }
      }
      if (!out.has("type")) {
        out.put("type", "object");
      }
    }
    boolean structural = place == Place.SPINE && (in.has("properties") || embedded);
    if (structural && !preserveUnknown && !out.has("additionalProperties")) {
      out.put("additionalProperties", false);
    }
    return out;
  }

  /** OpenAPI 3.0 writes {@code exclusiveMinimum: true} next to {@code minimum}; draft 07 wants the number. */
  private static void exclusiveBound(JsonNode in, ObjectNode out, String exclusive, String bound) {
    JsonNode flag = in.path(exclusive);
    if (flag.isBoolean() && flag.asBoolean() && in.path(bound).isNumber()) {
      out.remove(bound);
      out.set(exclusive, in.get(bound).deepCopy());
    } else if (flag.isNumber()) {
      out.set(exclusive, flag.deepCopy());
    }
  }

  private static boolean onlyTypes(JsonNode branches) {
    for (JsonNode b : branches) {
      if (!b.isObject() || b.size() != 1 || !b.has("type")) {
        return false;
      }
    }
    return true;
  }

  private static boolean contains(ArrayNode array, String value) {
    for (JsonNode n : array) {
      if (n.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  /** Go's RE2 and Java's regex agree on what CRDs use; a pattern Java cannot read is dropped, never guessed. */
  private static boolean compiles(String pattern) {
    try {
      Pattern.compile(pattern);
      return true;
    } catch (PatternSyntaxException e) {
      return false;
    }
  }

  /** What the API server checks of every object's metadata that a manifest can get wrong. */
  static ObjectNode objectMeta() {
    ObjectNode meta = JSON.objectNode().put("type", "object");
    ObjectNode properties = meta.putObject("properties");
    properties.set("name", JSON.objectNode().put("type", "string"));
    properties.set("generateName", JSON.objectNode().put("type", "string"));
    properties.set("namespace", JSON.objectNode().put("type", "string"));
    ObjectNode stringMap = JSON.objectNode().put("type", "object");
    stringMap.set("additionalProperties", JSON.objectNode().put("type", "string"));
    properties.set("labels", stringMap.deepCopy());
    properties.set("annotations", stringMap);
    return meta;
  }
}
