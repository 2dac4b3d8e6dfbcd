package io.ambientlint.core.rule;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON pointer with list positions replaced by what identifies the item, for fingerprints: a finding on
 * {@code /spec/ports/0/port} keys on {@code /spec/ports/[name=http]/port}, so inserting another port above it
 * does not make the finding look new. An item is named by its {@code name} field, or a scalar item by its
 * value, when that is unique among its siblings; otherwise its position is kept.
 */
final class LogicalPath {
  private LogicalPath() {}

  static String of(JsonNode root, String pointer) {
    return of(root, pointer, null);
  }

  /**
   * {@code keyCounts} (may be null) remembers, per list, how often each item key occurs: one pass per list
   * instead of one per finding, so many findings in one long list cost linear time.
   */
  static String of(JsonNode root, String pointer, Map<JsonNode, Map<String, Integer>> keyCounts) {
    if (pointer.isEmpty() || root == null) {
      return pointer;
    }
    StringBuilder out = new StringBuilder();
    JsonNode node = root;
    for (String token : pointer.substring(1).split("/", -1)) {
      out.append('/');
      if (node != null && node.isArray() && isIndex(token)) {
        int index = Integer.parseInt(token);
        String key = index < node.size() ? identity(node, index, keyCounts) : null;
        out.append(key == null ? token : key);
        node = index < node.size() ? node.get(index) : null;
      } else {
        out.append(token);
        node = node != null && node.isObject() ? node.get(token.replace("~1", "/").replace("~0", "~")) : null;
      }
    }
    return out.toString();
  }

  /** {@code [name=http]} or {@code [=GET]} when the item has a name or value no sibling shares; else null. */
  private static String identity(JsonNode array, int index, Map<JsonNode, Map<String, Integer>> keyCounts) {
    JsonNode item = array.get(index);
    String key = keyOf(item);
    if (key == null) {
      return null;
    }
    if (keyCounts != null) {
      Map<String, Integer> counts = keyCounts.computeIfAbsent(array, a -> {
        Map<String, Integer> c = new HashMap<>();
        for (JsonNode sibling : a) {
          String k = keyOf(sibling);
          if (k != null) {
            c.merge(k, 1, Integer::sum);
          }
        }
        return c;
      });
      return counts.getOrDefault(key, 0) == 1 ? "[" + key + "]" : null;
    }
    for (int i = 0; i < array.size(); i++) {
      if (i != index && key.equals(keyOf(array.get(i)))) {
        return null;
      }
    }
    return "[" + key + "]";
  }

  private static String keyOf(JsonNode item) {
    if (item.isObject()) {
      JsonNode name = item.get("name");
      return name != null && name.isValueNode() && !name.isNull() ? "name=" + name.asText() : null;
    }
    return item.isValueNode() && !item.isNull() ? "=" + item.asText() : null;
  }

  private static boolean isIndex(String token) {
    return !token.isEmpty() && token.length() < 10 && token.chars().allMatch(Character::isDigit);
  }
}
