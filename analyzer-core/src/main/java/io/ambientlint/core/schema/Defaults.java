package io.ambientlint.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The API server fills in {@code default}s before it validates, and some schemas rely on it (a Gateway address
 * without {@code type} is an IPAddress, which decides which {@code oneOf} branch applies). This applies a
 * schema's defaults to an instance the same way: missing fields of present objects get their default. The
 * instance is never modified: objects on the way to a default are copied, the rest is shared. Subschemas
 * without any default below them are known at construction, so most of a resource is never walked.
 */
final class Defaults {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final JsonNode schema;
  /** Subschemas (by identity) that hold a default somewhere below them, through properties and items. */
  private final Map<JsonNode, Boolean> holdsDefaults = new IdentityHashMap<>();

  Defaults(JsonNode convertedSchema) {
    this.schema = convertedSchema;
    mark(convertedSchema);
  }

  boolean any() {
    return holdsDefaults.getOrDefault(schema, false);
  }

  private boolean mark(JsonNode s) {
    boolean found = false;
    for (Iterator<JsonNode> it = s.path("properties").elements(); it.hasNext(); ) {
      JsonNode property = it.next();
      found |= property.has("default") | mark(property);
    }
    if (s.path("items").isObject()) {
      found |= mark(s.get("items"));
    }
    if (found) {
      holdsDefaults.put(s, true);
    }
    return found;
  }

  /** The instance as the API server would validate it: defaulted, or the same node when nothing applies. */
  JsonNode apply(JsonNode instance) {
    return apply(instance, schema);
  }

  private JsonNode apply(JsonNode instance, JsonNode s) {
    if (!holdsDefaults.containsKey(s)) {
      return instance;
    }
    if (instance.isObject()) {
      ObjectNode copy = null;
      for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> property = it.next();
        JsonNode child = instance.get(property.getKey());
        JsonNode value;
        if (child == null) {
          if (!property.getValue().has("default")) {
            continue;
          }
          value = apply(property.getValue().get("default").deepCopy(), property.getValue());
        } else {
          value = apply(child, property.getValue());
          if (value == child) {
            continue;
          }
        }
        if (copy == null) {
          copy = JSON.objectNode();
          copy.setAll((ObjectNode) instance);
        }
        copy.set(property.getKey(), value);
      }
      return copy == null ? instance : copy;
    }
    if (instance.isArray() && s.path("items").isObject()) {
      ArrayNode copy = null;
      for (int i = 0; i < instance.size(); i++) {
        JsonNode item = instance.get(i);
        JsonNode value = apply(item, s.get("items"));
        if (value != item && copy == null) {
          copy = JSON.arrayNode();
          for (int j = 0; j < i; j++) {
            copy.add(instance.get(j));
          }
        }
        if (copy != null) {
          copy.add(value);
        }
      }
      return copy == null ? instance : copy;
    }
    return instance;
  }
}
