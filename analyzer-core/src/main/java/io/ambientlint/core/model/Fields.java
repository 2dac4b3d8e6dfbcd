package io.ambientlint.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.RandomAccess;

/**
 * Defensive reads of manifest fields. Manifests in pull requests are often wrong: a field of the wrong type
 * reads as absent here (schema validation reports it), so no rule throws on bad input.
 */
public final class Fields {
  private Fields() {}

  public static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }

  /** A scalar read as Kubernetes would coerce it in a string field (numbers and booleans as written). */
  public static Optional<String> scalarText(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() ? Optional.of(value.asText()) : Optional.empty();
  }

  public static OptionalInt integer(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isIntegralNumber() && value.canConvertToInt() ? OptionalInt.of(value.intValue()) : OptionalInt.empty();
  }

  public static boolean bool(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isBoolean() && value.booleanValue();
  }

  /** A {@code map[string]string} such as labels; entries whose value is not a scalar are ignored. */
  public static Map<String, String> stringMap(JsonNode node) {
    if (!node.isObject() || node.isEmpty()) {
      return Map.of();
    }
    Map<String, String> map = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isValueNode() && !e.getValue().isNull()) {
        map.put(e.getKey(), e.getValue().asText());
      }
    }
    return Collections.unmodifiableMap(map);
  }

  /** The elements of an array field; empty when absent or not an array. */
  public static List<JsonNode> array(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isArray()) {
      return List.of();
    }
    return new ArrayElements(value);
  }

  /** A read-only view of an array node's elements: most arrays are read once, so copying them is waste. */
  private static final class ArrayElements extends AbstractList<JsonNode> implements RandomAccess {
    private final JsonNode array;

    ArrayElements(JsonNode array) {
      this.array = array;
    }

    @Override
    public JsonNode get(int index) {
      Objects.checkIndex(index, array.size());
      return array.get(index);
    }

    @Override
    public int size() {
      return array.size();
    }
  }

  public static List<String> stringList(JsonNode node, String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode item : array(node, field)) {
      if (item.isTextual()) {
        out.add(item.asText());
      }
    }
    return List.copyOf(out);
  }
}
