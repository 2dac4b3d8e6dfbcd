package io.ambientlint.core.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.ambientlint.core.load.JsonPointers;
import io.ambientlint.core.load.SourceMap;
import io.ambientlint.core.load.SourcePosition;
import io.ambientlint.core.model.Location;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML node being rendered that remembers where its value came from: the base file, the patch, or the
 * kustomization field that set it. Mutable while the render runs; turned into a Jackson tree and a source map
 * at the end.
 */
final class PNode {

  private final JsonNode scalar;
  private final LinkedHashMap<String, PNode> fields;
  private final List<PNode> items;
  Location at;
  /** Where the key of this node stands in its parent mapping, when it has one. */
  Location keyAt;

  private PNode(JsonNode scalar, LinkedHashMap<String, PNode> fields, List<PNode> items, Location at) {
    this.scalar = scalar;
    this.fields = fields;
    this.items = items;
    this.at = at;
  }

  static PNode map(Location at) {
    return new PNode(null, new LinkedHashMap<>(), null, at);
  }

  static PNode list(Location at) {
    return new PNode(null, null, new ArrayList<>(), at);
  }

  static PNode scalar(JsonNode value, Location at) {
    return new PNode(value == null ? NullNode.getInstance() : value, null, null, at);
  }

  static PNode text(String value, Location at) {
    return scalar(TextNode.valueOf(value), at);
  }

  /** The node at {@code pointer} of a document read from {@code path}, with the positions of its source map. */
  static PNode of(JsonNode json, String path, SourceMap map, String pointer) {
    Location at = new Location(path, map.find(pointer));
    PNode node;
    if (json.isObject()) {
      node = map(at);
      Iterator<Map.Entry<String, JsonNode>> it = json.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String child = JsonPointers.child(pointer, e.getKey());
        PNode value = of(e.getValue(), path, map, child);
        value.keyAt = new Location(path, map.findKey(child));
        node.fields.put(e.getKey(), value);
      }
    } else if (json.isArray()) {
      node = list(at);
      for (int i = 0; i < json.size(); i++) {
        node.items.add(of(json.get(i), path, map, JsonPointers.child(pointer, i)));
      }
    } else {
      node = scalar(json, at);
    }
    return node;
  }

  /** A whole tree whose every node came from one place (a generated object, a value set by a kustomization). */
  static PNode of(JsonNode json, Location at) {
    PNode node;
    if (json.isObject()) {
      node = map(at);
      Iterator<Map.Entry<String, JsonNode>> it = json.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        PNode value = of(e.getValue(), at);
        value.keyAt = at;
        node.fields.put(e.getKey(), value);
      }
    } else if (json.isArray()) {
      node = list(at);
      for (JsonNode item : json) {
        node.items.add(of(item, at));
      }
    } else {
      node = scalar(json, at);
    }
    return node;
  }

  boolean isMap() {
    return fields != null;
  }

  boolean isList() {
    return items != null;
  }

  boolean isScalar() {
    return scalar != null;
  }

  boolean isNull() {
    return scalar != null && scalar.isNull();
  }

  JsonNode scalarValue() {
    return scalar;
  }

  /** The scalar's text, or null for a mapping, a list or null. */
  String text() {
    return scalar == null || scalar.isNull() ? null : scalar.asText();
  }

  Map<String, PNode> fields() {
    return fields;
  }

  List<PNode> items() {
    return items;
  }

  PNode get(String key) {
    return fields == null ? null : fields.get(key);
  }

  /** The node at a path of mapping keys, or null. */
  PNode at(String... keys) {
    PNode n = this;
    for (String k : keys) {
      n = n.get(k);
      if (n == null) {
        return null;
      }
    }
    return n;
  }

  String textAt(String... keys) {
    PNode n = at(keys);
    return n == null ? null : n.text();
  }

  void put(String key, PNode value) {
    if (value.keyAt == null) {
      value.keyAt = value.at;
    }
    fields.put(key, value);
  }

  /** The child mapping at {@code key}, created (located at {@code at}) when missing or not a mapping. */
  PNode mapChild(String key, Location at) {
    PNode child = fields.get(key);
    if (child == null || !child.isMap()) {
      child = map(at);
      child.keyAt = at;
      fields.put(key, child);
    }
    return child;
  }

  PNode remove(String key) {
    return fields.remove(key);
  }

  PNode deepCopy() {
    PNode copy;
    if (fields != null) {
      copy = map(at);
      fields.forEach((k, v) -> copy.fields.put(k, v.deepCopy()));
    } else if (items != null) {
      copy = list(at);
      items.forEach(i -> copy.items.add(i.deepCopy()));
    } else {
      copy = scalar(scalar, at);
    }
    copy.keyAt = keyAt;
    return copy;
  }

  /** Every node of this tree now comes from {@code where} (a whole value replaced by a patch, say). */
  void relocate(Location where) {
    at = where;
    if (fields != null) {
      fields.values().forEach(v -> {
        v.keyAt = where;
        v.relocate(where);
      });
    } else if (items != null) {
      items.forEach(i -> i.relocate(where));
    }
  }

  JsonNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (fields != null) {
      ObjectNode o = f.objectNode();
      fields.forEach((k, v) -> o.set(k, v.toJson()));
      return o;
    }
    if (items != null) {
      ArrayNode a = f.arrayNode();
      items.forEach(i -> a.add(i.toJson()));
      return a;
    }
    return scalar;
  }

  /** Records where each node of this tree came from, keyed by JSON pointer, for a rendered document's source map. */
  void record(String pointer, Map<String, SourcePosition> positions, Map<String, String> files) {
    positions.put(pointer, at.position());
    files.put(pointer, at.path());
    if (keyAt != null && !pointer.isEmpty()) {
      positions.put(pointer + SourceMap.KEY_SUFFIX, keyAt.position());
      files.put(pointer + SourceMap.KEY_SUFFIX, keyAt.path());
    }
    if (fields != null) {
      fields.forEach((k, v) -> v.record(JsonPointers.child(pointer, k), positions, files));
    } else if (items != null) {
      for (int i = 0; i < items.size(); i++) {
        items.get(i).record(JsonPointers.child(pointer, i), positions, files);
      }
    }
  }

  /** Same value (not provenance). */
  boolean sameValue(PNode other) {
    return toJson().equals(other.toJson());
  }

  static Map<String, PNode> newFields() {
    return new LinkedHashMap<>();
  }
}
