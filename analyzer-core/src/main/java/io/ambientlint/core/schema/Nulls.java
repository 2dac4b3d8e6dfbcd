package io.ambientlint.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The API server drops fields whose value is null before it validates ({@code labels:} with nothing after it
 * is no error). Doing the same here keeps the schemas' types single, which the validator checks much faster
 * than a type list with "null" in every node. The instance is never modified: copy on write.
 */
final class Nulls {
  private Nulls() {}

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  static JsonNode prune(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = null;
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode value = e.getValue();
        JsonNode pruned = value.isNull() ? null : prune(value);
        if (pruned != value && copy == null) {
          copy = JSON.objectNode();
          copy.setAll((ObjectNode) node);
        }
        if (copy != null) {
          if (pruned == null) {
            copy.remove(e.getKey());
          } else {
            copy.set(e.getKey(), pruned);
          }
        }
      }
      return copy == null ? node : copy;
    }
    if (node.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode copy = null;
      for (int i = 0; i < node.size(); i++) {
        JsonNode item = node.get(i);
        JsonNode pruned = prune(item);
        if (pruned != item && copy == null) {
          copy = JSON.arrayNode();
          for (int j = 0; j < i; j++) {
            copy.add(node.get(j));
          }
        }
        if (copy != null) {
          copy.add(pruned);
        }
      }
      return copy == null ? node : copy;
    }
    return node;
  }
}
