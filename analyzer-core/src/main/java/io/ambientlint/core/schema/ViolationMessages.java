package io.ambientlint.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import io.ambientlint.core.load.JsonPointers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns the validator's messages into plain words about the manifest: what the field must be, and what it is. */
final class ViolationMessages {
  private ViolationMessages() {}

  private static final Set<String> JUNCTIONS = Set.of("anyOf", "oneOf", "not");

  /**
   * Drops what the validator says about each branch of a failed anyOf/oneOf/not: the junction's own message
   * says it once, where the branches would each contradict the others.
   */
  static List<ValidationMessage> withoutBranchDetails(Set<ValidationMessage> messages) {
    List<JsonNodePath> junctions = new ArrayList<>();
    for (ValidationMessage m : messages) {
      if (JUNCTIONS.contains(m.getType())) {
        junctions.add(m.getEvaluationPath());
      }
    }
    List<ValidationMessage> kept = new ArrayList<>();
    for (ValidationMessage m : messages) {
      boolean insideJunction = junctions.stream()
          .anyMatch(j -> !j.equals(m.getEvaluationPath()) && m.getEvaluationPath().startsWith(j));
      if (!insideJunction) {
        kept.add(m);
      }
    }
    return kept;
  }

  static SchemaViolation describe(ValidationMessage m, JsonNode schemaRoot, JsonNode instanceRoot) {
    String pointer = pointer(m.getInstanceLocation());
    JsonNode value = pointer.isEmpty() ? instanceRoot : instanceRoot.at(pointer);
    JsonNode owner = owningSchema(m, schemaRoot);
    String keyword = m.getType();
    String path = JsonPointers.toDotted(pointer);
    String got = ", got " + render(value);
    return switch (keyword) {
      case "type", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" ->
          new SchemaViolation(pointer, keyword, path + " must be " + expected(owner) + got);
      case "enum" -> new SchemaViolation(pointer, keyword, path + " must be " + expected(owner) + got);
      case "pattern" -> new SchemaViolation(pointer, keyword,
          path + " must match the pattern " + owner.path("pattern").asText() + got);
      case "minLength" -> new SchemaViolation(pointer, keyword,
          path + " must be at least " + owner.path("minLength").asInt() + " characters long" + got);
      case "maxLength" -> new SchemaViolation(pointer, keyword,
          path + " must be at most " + owner.path("maxLength").asInt() + " characters long, got "
              + value.asText().length() + " characters");
      case "minItems" -> new SchemaViolation(pointer, keyword,
          path + " must have at least " + owner.path("minItems").asInt() + " item(s), got " + value.size());
      case "maxItems" -> new SchemaViolation(pointer, keyword,
          path + " must have at most " + owner.path("maxItems").asInt() + " items, got " + value.size());
      case "minProperties" -> new SchemaViolation(pointer, keyword,
          path + " must have at least " + owner.path("minProperties").asInt() + " field(s), got " + value.size());
      case "maxProperties" -> new SchemaViolation(pointer, keyword,
          path + " must have at most " + owner.path("maxProperties").asInt() + " fields, got " + value.size());
      case "uniqueItems" -> new SchemaViolation(pointer, keyword, path + " must not list the same item twice");
      case "required" -> {
        String field = JsonPointers.child(pointer, m.getProperty());
        yield new SchemaViolation(field, keyword, JsonPointers.toDotted(field) + " is required but missing");
      }
      case "additionalProperties" -> {
        String field = JsonPointers.child(pointer, m.getProperty());
        yield new SchemaViolation(field, keyword, JsonPointers.toDotted(field)
            + " is not a field of this kind and version; the API server drops or rejects unknown fields");
      }
      case "oneOf" -> new SchemaViolation(pointer, keyword, path + " " + oneOf(owner.path("oneOf"), value));
      case "anyOf" -> new SchemaViolation(pointer, keyword, path + " " + anyOf(owner.path("anyOf")));
      case "not" -> new SchemaViolation(pointer, keyword, path + " combines fields that cannot be used together");
      default -> new SchemaViolation(pointer, keyword, path + ": " + withoutLocation(m));
    };
  }

  /** The subschema holding the failed keyword: the schema location's fragment minus the keyword. */
  private static JsonNode owningSchema(ValidationMessage m, JsonNode schemaRoot) {
    JsonNodePath fragment = m.getSchemaLocation().getFragment();
    JsonNode node = schemaRoot;
    for (int i = 0; i < fragment.getNameCount() - 1; i++) {
      Object element = fragment.getElement(i);
      node = element instanceof Integer index ? node.path(index) : node.path(String.valueOf(element));
    }
    return node;
  }

  static String pointer(JsonNodePath location) {
    String pointer = "";
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      pointer = element instanceof Integer index
          ? JsonPointers.child(pointer, index) : JsonPointers.child(pointer, String.valueOf(element));
    }
    return pointer;
  }

  /** {@code an integer between 1 and 65535}, {@code one of "Same", "All"}: what the schema accepts. */
  static String expected(JsonNode schema) {
    List<String> enumValues = new ArrayList<>();
    for (JsonNode e : schema.path("enum")) {
      if (!e.isNull()) {
        enumValues.add(render(e));
      }
    }
    if (!enumValues.isEmpty()) {
      return enumValues.size() == 1 ? enumValues.get(0) : "one of " + String.join(", ", enumValues);
    }
    List<String> types = new ArrayList<>();
    JsonNode type = schema.path("type");
    if (type.isTextual()) {
      types.add(type.asText());
    }
    type.forEach(t -> types.add(t.asText()));
    types.remove("null");
    Set<String> words = new LinkedHashSet<>();
    for (String t : types) {
      words.add(switch (t) {
        case "integer" -> "an integer";
        case "number" -> "a number";
        case "string" -> "a string";
        case "boolean" -> "true or false";
        case "array" -> "a list";
        case "object" -> "a mapping";
        default -> t;
      });
    }
    String what = words.isEmpty() ? "a value" : String.join(" or ", words);
    return what + range(schema);
  }

  private static String range(JsonNode schema) {
    JsonNode min = schema.path("minimum");
    JsonNode max = schema.path("maximum");
    JsonNode exMin = schema.path("exclusiveMinimum");
    JsonNode exMax = schema.path("exclusiveMaximum");
    if (min.isNumber() && max.isNumber()) {
      return " between " + min.asText() + " and " + max.asText();
    }
    List<String> parts = new ArrayList<>();
    if (min.isNumber()) {
      parts.add("of at least " + min.asText());
    }
    if (exMin.isNumber()) {
      parts.add("greater than " + exMin.asText());
    }
    if (max.isNumber()) {
      parts.add((parts.isEmpty() ? "of " : "") + "at most " + max.asText());
    }
    if (exMax.isNumber()) {
      parts.add("less than " + exMax.asText());
    }
    return parts.isEmpty() ? "" : " " + String.join(" and ", parts);
  }

  /** Istio writes protobuf oneofs as oneOf over {@code required} lists: name the fields. */
  private static String oneOf(JsonNode branches, JsonNode value) {
    Set<String> fields = requiredFields(branches);
    if (!fields.isEmpty()) {
      List<String> set = fields.stream().filter(value::has).toList();
      return set.size() > 1
          ? "may set only one of " + String.join(", ", fields) + ", but sets " + String.join(" and ", set)
          : "must set exactly one of " + String.join(", ", fields);
    }
    return "must match exactly one of its allowed forms";
  }

  private static String anyOf(JsonNode branches) {
    Set<String> fields = requiredFields(branches);
    if (!fields.isEmpty()) {
      return "must set at least one of " + String.join(", ", fields);
    }
    List<String> forms = new ArrayList<>();
    branches.forEach(b -> forms.add(expected(b)));
    return "must be " + String.join(", or ", new LinkedHashSet<>(forms));
  }

  private static Set<String> requiredFields(JsonNode branches) {
    Set<String> fields = new LinkedHashSet<>();
    for (JsonNode b : branches) {
      b.path("required").forEach(r -> fields.add(r.asText()));
    }
    return fields;
  }

  /** A value as it would be written in YAML, shortened. */
  static String render(JsonNode value) {
    if (value.isMissingNode()) {
      return "nothing";
    }
    if (value.isTextual()) {
      String text = value.asText();
      return "\"" + (text.length() > 60 ? text.substring(0, 57) + "..." : text) + "\"";
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isObject()) {
      return "a mapping";
    }
    return value.asText();
  }

  private static String withoutLocation(ValidationMessage m) {
    String message = m.getMessage();
    int colon = message.indexOf(": ");
    return colon >= 0 ? message.substring(colon + 2) : message;
  }
}
