package io.ambientlint.core.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.model.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strategic merge (kustomize's kyaml merge: merge keys of built-in kinds, {@code $patch} directives, null
 * deletes; lists of other kinds are replaced as in a JSON merge patch) and JSON6902 patches, on provenance trees.
 */
final class Patches {

  private Patches() {}

  /** API groups whose kinds kustomize knows the schema of (so their lists have merge keys). */
  private static final Set<String> BUILT_IN_GROUPS = Set.of("", "apps", "batch", "extensions", "policy",
      "networking.k8s.io", "rbac.authorization.k8s.io", "autoscaling", "storage.k8s.io", "scheduling.k8s.io",
      "admissionregistration.k8s.io", "apiextensions.k8s.io", "apiregistration.k8s.io", "coordination.k8s.io",
      "discovery.k8s.io", "node.k8s.io", "certificates.k8s.io", "events.k8s.io");

  static boolean isBuiltIn(String group) {
    return BUILT_IN_GROUPS.contains(group);
  }

  /** A patch that cannot be applied as kustomize would refuse it. */
  static final class PatchException extends RuntimeException {
    final Location at;

    PatchException(Location at, String message) {
      super(message);
      this.at = at;
    }
  }

  /**
   * Merges {@code patch} into {@code target} (both mappings). Returns false when the patch deletes the whole
   * object ({@code $patch: delete} at the top).
   */
  static boolean strategicMerge(PNode target, PNode patch, boolean builtIn) {
    String directive = patch.textAt("$patch");
    if ("delete".equals(directive)) {
      return false;
    }
    mergeMap(target, patch, builtIn, "");
    return true;
  }

  private static void mergeMap(PNode target, PNode patch, boolean builtIn, String field) {
    for (Map.Entry<String, PNode> e : patch.fields().entrySet()) {
      String key = e.getKey();
      PNode value = e.getValue();
      if (key.equals("$patch") || key.startsWith("$setElementOrder/") || key.equals("$retainKeys")
          || key.startsWith("$deleteFromPrimitiveList/")) {
        continue;
      }
      PNode existing = target.get(key);
      if (value.isNull()) {
        target.remove(key);
        continue;
      }
      if (value.isMap()) {
        String d = value.textAt("$patch");
        if ("delete".equals(d)) {
          target.remove(key);
          continue;
        }
        if ("replace".equals(d) || existing == null || !existing.isMap()) {
          target.put(key, withoutDirectives(value.deepCopy()));
          continue;
        }
        mergeMap(existing, value, builtIn, key);
        if (existing.fields().isEmpty() && value.fields().isEmpty()) {
          existing.at = value.at;
        }
        continue;
      }
      if (value.isList() && existing != null && existing.isList()) {
        String mergeKey = builtIn ? mergeKey(key, field) : null;
        target.put(key, mergeList(existing, value, mergeKey, builtIn, key));
        continue;
      }
      PNode copy = withoutDirectives(value.deepCopy());
      copy.keyAt = existing != null && existing.keyAt != null ? existing.keyAt : value.keyAt;
      target.put(key, copy);
    }
  }

  /** The merge key of list {@code field} in built-in kinds ({@code parent} tells container ports from Service ports). */
  static String mergeKey(String field, String parent) {
    return switch (field) {
      case "containers", "initContainers", "ephemeralContainers", "env", "volumes", "imagePullSecrets",
          "resourceClaims" -> "name";
      case "volumeMounts" -> "mountPath";
      case "volumeDevices" -> "devicePath";
      case "hostAliases" -> "ip";
      case "topologySpreadConstraints" -> "topologyKey";
      case "conditions" -> "type";
      case "readinessGates" -> "conditionType";
      case "ownerReferences" -> "uid";
      case "ports" -> parent.equals("spec") ? "port" : "containerPort";
      default -> null;
    };
  }

  private static PNode mergeList(PNode existing, PNode patch, String mergeKey, boolean builtIn, String field) {
    List<PNode> patchItems = patch.items();
    for (PNode item : patchItems) {
      if (item.isMap() && "replace".equals(item.textAt("$patch"))) {
        PNode replaced = PNode.list(patch.at);
        for (PNode other : patchItems) {
          if (other != item) {
            replaced.items().add(withoutDirectives(other.deepCopy()));
          }
        }
        return replaced;
      }
    }
    if (mergeKey == null || !allHaveKey(patchItems, mergeKey)) {
      PNode copy = withoutDirectives(patch.deepCopy());
      copy.keyAt = existing.keyAt;
      return copy;
    }
    // kustomize merges with "prepend": the patch's elements in patch order, then the others in their order.
    List<PNode> result = new ArrayList<>();
    List<PNode> rest = new ArrayList<>(existing.items());
    for (PNode item : patchItems) {
      String keyValue = item.textAt(mergeKey);
      PNode match = null;
      for (PNode candidate : rest) {
        if (candidate.isMap() && keyValue.equals(candidate.textAt(mergeKey))) {
          match = candidate;
          break;
        }
      }
      boolean delete = "delete".equals(item.textAt("$patch"));
      if (match != null) {
        rest.remove(match);
        if (!delete) {
          mergeMap(match, item, builtIn, field);
          result.add(match);
        }
      } else if (!delete) {
        result.add(withoutDirectives(item.deepCopy()));
      }
    }
    result.addAll(rest);
    PNode merged = PNode.list(existing.at);
    merged.keyAt = existing.keyAt;
    merged.items().addAll(result);
    return merged;
  }

  private static boolean allHaveKey(List<PNode> items, String key) {
    for (PNode item : items) {
      if (!item.isMap() || item.textAt(key) == null) {
        return false;
      }
    }
    return true;
  }

  private static PNode withoutDirectives(PNode node) {
    if (node.isMap()) {
      node.fields().keySet().removeIf(k -> k.startsWith("$"));
      node.fields().values().forEach(Patches::withoutDirectives);
    } else if (node.isList()) {
      node.items().removeIf(i -> i.isMap() && i.get("$patch") != null && i.fields().size() == 1);
      node.items().forEach(Patches::withoutDirectives);
    }
    return node;
  }

  // ---- JSON6902 ----

  /** Applies RFC 6902 operations ({@code ops}: a list of mappings) to {@code target}; values come from the patch. */
  static void json6902(PNode target, PNode ops) {
    for (PNode op : ops.items()) {
      if (!op.isMap()) {
        throw new PatchException(op.at, "a JSON patch operation must be a mapping");
      }
      String name = op.textAt("op");
      String path = op.textAt("path");
      if (name == null || path == null) {
        throw new PatchException(op.at, "a JSON patch operation needs 'op' and 'path'");
      }
      Location at = op.at;
      switch (name) {
        case "add" -> add(target, path, valueOf(op, at), at);
        case "replace" -> {
          remove(target, path, at, op);
          add(target, path, valueOf(op, at), at);
        }
        case "remove" -> remove(target, path, at, op);
        case "move", "copy" -> {
          String from = op.textAt("from");
          if (from == null) {
            throw new PatchException(at, "JSON patch '" + name + "' needs 'from'");
          }
          PNode value = resolve(target, from, at, op).deepCopy();
          if (name.equals("move")) {
            remove(target, from, at, op);
          }
          add(target, path, value, at);
        }
        case "test" -> {
          PNode actual = resolve(target, path, at, op);
          PNode expected = op.get("value");
          if (expected == null || !actual.toJson().equals(expected.toJson())) {
            throw new PatchException(at, "JSON patch test failed at " + path);
          }
        }
        default -> throw new PatchException(at, "unknown JSON patch operation '" + name + "'");
      }
    }
  }

  private static PNode valueOf(PNode op, Location at) {
    PNode v = op.get("value");
    if (v == null) {
      throw new PatchException(at, "JSON patch '" + op.textAt("op") + "' needs a 'value'");
    }
    PNode copy = v.deepCopy();
    return copy;
  }

  private static List<String> tokens(String path, Location at) {
    if (path.isEmpty()) {
      return List.of();
    }
    if (!path.startsWith("/")) {
      throw new PatchException(at, "JSON pointer '" + path + "' must start with /");
    }
    List<String> out = new ArrayList<>();
    for (String raw : path.substring(1).split("/", -1)) {
      out.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  private static PNode resolve(PNode root, String path, Location at, PNode op) {
    PNode node = root;
    for (String token : tokens(path, at)) {
      node = child(node, token);
      if (node == null) {
        throw new PatchException(op.get("path") != null ? op.get("path").at : at,
            "JSON patch path " + path + " does not exist in the target");
      }
    }
    return node;
  }

  private static PNode child(PNode node, String token) {
    if (node.isMap()) {
      return node.get(token);
    }
    if (node.isList()) {
      int i = index(token);
      return i >= 0 && i < node.items().size() ? node.items().get(i) : null;
    }
    return null;
  }

  private static int index(String token) {
    if (token.isEmpty() || !token.chars().allMatch(Character::isDigit) || token.length() > 9) {
      return -1;
    }
    return Integer.parseInt(token);
  }

  private static void add(PNode root, String path, PNode value, Location at) {
    List<String> t = tokens(path, at);
    if (t.isEmpty()) {
      throw new PatchException(at, "a JSON patch may not replace the whole object");
    }
    PNode parent = root;
    for (int i = 0; i < t.size() - 1; i++) {
      parent = child(parent, t.get(i));
      if (parent == null) {
        throw new PatchException(at, "JSON patch path " + path + ": parent " + String.join("/", t.subList(0, i + 1))
            + " does not exist in the target");
      }
    }
    String last = t.get(t.size() - 1);
    if (parent.isMap()) {
      PNode old = parent.get(last);
      value.keyAt = old != null && old.keyAt != null ? old.keyAt : at;
      parent.put(last, value);
    } else if (parent.isList()) {
      int i = last.equals("-") ? parent.items().size() : index(last);
      if (i < 0 || i > parent.items().size()) {
        throw new PatchException(at, "JSON patch path " + path + ": index out of range");
      }
      parent.items().add(i, value);
    } else {
      throw new PatchException(at, "JSON patch path " + path + ": parent is not a mapping or list");
    }
  }

  private static void remove(PNode root, String path, Location at, PNode op) {
    List<String> t = tokens(path, at);
    if (t.isEmpty()) {
      throw new PatchException(at, "a JSON patch may not remove the whole object");
    }
    PNode parent = root;
    for (int i = 0; i < t.size() - 1; i++) {
      parent = child(parent, t.get(i));
      if (parent == null) {
        throw new PatchException(at, "JSON patch path " + path + " does not exist in the target");
      }
    }
    String last = t.get(t.size() - 1);
    if (parent.isMap() && parent.get(last) != null) {
      parent.remove(last);
    } else if (parent.isList() && index(last) >= 0 && index(last) < parent.items().size()) {
      parent.items().remove(index(last));
    } else {
      throw new PatchException(at, "JSON patch path " + path + " does not exist in the target");
    }
  }

  /** A JSON6902 patch document: a list of operations (YAML or JSON). */
  static boolean looksLikeJsonPatch(JsonNode doc) {
    return doc.isArray() && (doc.isEmpty() || doc.get(0).has("op"));
  }
}
