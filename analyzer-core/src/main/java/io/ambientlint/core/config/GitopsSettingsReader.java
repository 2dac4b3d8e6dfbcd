package io.ambientlint.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.load.SourceMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads the deployment keys of {@code .ambient-lint.yaml}; every mistake names the file and line. */
final class GitopsSettingsReader {

  static final Set<String> KEYS = Set.of("units", "repositories", "clusters", "environments", "namespaces",
      "assumeUndeclaredNamespaces");

  private final String displayPath;
  private final JsonNode root;
  private final SourceMap sourceMap;

  GitopsSettingsReader(String displayPath, JsonNode root, SourceMap sourceMap) {
    this.displayPath = displayPath;
    this.root = root;
    this.sourceMap = sourceMap;
  }

  GitopsSettings read(GitopsSettings base) {
    List<GitopsSettings.UnitSetting> units = new ArrayList<>(base.units());
    for (JsonNode item : list("/units")) {
      String p = pointerOf(item, "/units");
      keys(p, item, Set.of("name", "paths", "cluster", "namespace", "environment"));
      List<String> paths = strings(p + "/paths");
      if (paths.isEmpty()) {
        throw error(p, "a unit needs paths (folders or globs)");
      }
      units.add(new GitopsSettings.UnitSetting(required(p, "name"), paths, text(p + "/cluster", "in-cluster"),
          text(p + "/namespace", ""), text(p + "/environment", "")));
    }
    Map<String, String> repositories = new LinkedHashMap<>(base.repositories());
    JsonNode repos = root.path("repositories");
    if (!repos.isMissingNode()) {
      object("/repositories", repos);
      for (Iterator<Map.Entry<String, JsonNode>> it = repos.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        repositories.put(e.getKey(), required("/repositories", e.getKey()));
      }
    }
    List<GitopsSettings.ClusterSetting> clusters = new ArrayList<>(base.clusters());
    for (JsonNode item : list("/clusters")) {
      String p = pointerOf(item, "/clusters");
      keys(p, item, Set.of("name", "server", "labels"));
      clusters.add(new GitopsSettings.ClusterSetting(required(p, "name"), required(p, "server"), stringMap(p + "/labels")));
    }
    List<GitopsSettings.EnvironmentSetting> environments = new ArrayList<>(base.environments());
    for (JsonNode item : list("/environments")) {
      String p = pointerOf(item, "/environments");
      keys(p, item, Set.of("name", "units"));
      environments.add(new GitopsSettings.EnvironmentSetting(required(p, "name"), strings(p + "/units")));
    }
    Map<String, Map<String, String>> namespaces = new LinkedHashMap<>(base.namespaces());
    JsonNode ns = root.path("namespaces");
    if (!ns.isMissingNode()) {
      object("/namespaces", ns);
      for (Iterator<String> it = ns.fieldNames(); it.hasNext();) {
        String name = it.next();
        String p = "/namespaces/" + name;
        JsonNode value = ns.get(name);
        if (value.isNull()) {
          namespaces.put(name, Map.of());
          continue;
        }
        object(p, value);
        keys(p, value, Set.of("labels"));
        namespaces.put(name, stringMap(p + "/labels"));
      }
    }
    boolean unlabelled = base.undeclaredNamespacesUnlabelled();
    JsonNode assume = root.path("assumeUndeclaredNamespaces");
    if (!assume.isMissingNode()) {
      String v = assume.asText();
      if (!v.equals("unlabelled") && !v.equals("unknown")) {
        throw error("/assumeUndeclaredNamespaces", "assumeUndeclaredNamespaces must be unknown or unlabelled; got " + assume);
      }
      unlabelled = v.equals("unlabelled");
    }
    return new GitopsSettings(units, repositories, clusters, environments, namespaces, unlabelled);
  }

  private final Map<JsonNode, String> pointers = new java.util.IdentityHashMap<>();

  private List<JsonNode> list(String pointer) {
    JsonNode v = root.at(pointer);
    if (v.isMissingNode() || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw error(pointer, pointer.substring(1) + " must be a list");
    }
    List<JsonNode> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      object(pointer + "/" + i, v.get(i));
      pointers.put(v.get(i), pointer + "/" + i);
      out.add(v.get(i));
    }
    return out;
  }

  private String pointerOf(JsonNode item, String fallback) {
    return pointers.getOrDefault(item, fallback);
  }

  private String required(String pointer, String key) {
    JsonNode v = root.at(pointer + "/" + escape(key));
    if (!v.isTextual() || v.asText().isBlank()) {
      throw error(v.isMissingNode() ? pointer : pointer + "/" + escape(key), key + " must be a non-empty string");
    }
    return v.asText();
  }

  private String text(String pointer, String otherwise) {
    JsonNode v = root.at(pointer);
    if (v.isMissingNode() || v.isNull()) {
      return otherwise;
    }
    if (!v.isTextual()) {
      throw error(pointer, pointer.substring(pointer.lastIndexOf('/') + 1) + " must be a string; got " + v);
    }
    return v.asText();
  }

  private List<String> strings(String pointer) {
    JsonNode v = root.at(pointer);
    if (v.isMissingNode() || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw error(pointer, pointer.substring(pointer.lastIndexOf('/') + 1) + " must be a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isTextual()) {
        throw error(pointer + "/" + i, "expected a string; got " + v.get(i));
      }
      out.add(v.get(i).asText());
    }
    return out;
  }

  private Map<String, String> stringMap(String pointer) {
    JsonNode v = root.at(pointer);
    if (v.isMissingNode() || v.isNull()) {
      return Map.of();
    }
    object(pointer, v);
    Map<String, String> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isValueNode() || e.getValue().isNull()) {
        throw error(pointer + "/" + escape(e.getKey()), "label values must be strings");
      }
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }

  private void object(String pointer, JsonNode node) {
    if (!node.isObject()) {
      throw error(pointer, pointer.substring(1) + " must be a mapping");
    }
  }

  private void keys(String pointer, JsonNode node, Set<String> allowed) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw new ConfigException(displayPath + ":" + sourceMap.findKey(pointer + "/" + escape(key)) + ": unknown key \""
            + key + "\" under " + pointer.substring(1) + "; known keys: " + String.join(", ", new TreeSet<>(allowed)));
      }
    }
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private ConfigException error(String pointer, String message) {
    return new ConfigException(displayPath + ":" + sourceMap.find(pointer) + ": " + message);
  }
}
