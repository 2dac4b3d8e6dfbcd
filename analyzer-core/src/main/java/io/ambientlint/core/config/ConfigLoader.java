package io.ambientlint.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.load.LoadLimits;
import io.ambientlint.core.load.SourceMap;
import io.ambientlint.core.load.SourcePosition;
import io.ambientlint.core.load.YamlDocumentReader;
import io.ambientlint.core.rule.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code .ambient-lint.yaml}. Every mistake is an error naming the file and line: an unknown key is a
 * typo that would otherwise silently change nothing.
 */
public final class ConfigLoader {

  public static final String DEFAULT_FILE = ".ambient-lint.yaml";

  private static final Set<String> TOP_LEVEL_KEYS = Set.of("rootNamespace", "clusterDomain", "defaultNamespace",
      "waypointClasses", "autoAllowWaypointPolicy", "serviceEntryVisibility", "rules", "exclude", "external",
      "failOn", "limits", "crds", "baseline", "units", "repositories", "clusters", "environments", "namespaces",
      "assumeUndeclaredNamespaces");
  private static final Set<String> LIMIT_KEYS = Set.of("maxFileBytes", "maxAliasesPerDocument", "maxDepth",
      "maxDocumentsPerFile", "maxNodesPerDocument", "maxFindingsPerRule");
  private static final Set<String> EXTERNAL_KEYS = Set.of("group", "kind", "namespace", "name");
  private static final Pattern RULE_ID = Pattern.compile("AL\\d{3}");

  private final String displayPath;
  private final JsonNode root;
  private final SourceMap sourceMap;

  private ConfigLoader(String displayPath, JsonNode root, SourceMap sourceMap) {
    this.displayPath = displayPath;
    this.root = root;
    this.sourceMap = sourceMap;
  }

  /** Reads the file into {@code base}; {@code displayPath} is how errors name the file. */
  public static Config load(Path file, String displayPath, Config.Builder base) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(displayPath + ": cannot read config file: " + e.getMessage());
    }
    return parse(text, displayPath, base);
  }

  public static Config parse(String text, String displayPath, Config.Builder base) {
    YamlDocumentReader.Result parsed = new YamlDocumentReader(LoadLimits.DEFAULTS).read(displayPath, text);
    for (Diagnostic d : parsed.diagnostics()) {
      throw new ConfigException(displayPath + ":" + d.position() + ": " + d.message());
    }
    if (parsed.documents().isEmpty()) {
      return base.build();
    }
    if (parsed.documents().size() > 1) {
      throw new ConfigException(displayPath + ": the config file must hold a single YAML document");
    }
    YamlDocumentReader.ParsedDocument doc = parsed.documents().get(0);
    if (doc.root().isNull()) {
      return base.build();
    }
    SourceMap positions = new YamlDocumentReader(LoadLimits.DEFAULTS).sourceMaps(displayPath, text).get(0);
    return new ConfigLoader(displayPath, doc.root(), positions).apply(base);
  }

  private Config apply(Config.Builder b) {
    requireObject("", root);
    checkKeys("", root, TOP_LEVEL_KEYS);
    b.rootNamespace = string("/rootNamespace").orElse(b.rootNamespace);
    b.clusterDomain = string("/clusterDomain").orElse(b.clusterDomain);
    b.defaultNamespace = string("/defaultNamespace").orElse(b.defaultNamespace);
    b.waypointClasses.addAll(stringList("/waypointClasses"));
    b.autoAllowWaypointPolicy = bool("/autoAllowWaypointPolicy").orElse(b.autoAllowWaypointPolicy);
    b.serviceEntryVisibility = bool("/serviceEntryVisibility").orElse(b.serviceEntryVisibility);
    b.exclude.addAll(stringList("/exclude"));
    b.crds.addAll(stringList("/crds"));
    string("/baseline").ifPresent(v -> b.baseline = Optional.of(v));
    string("/failOn").ifPresent(v -> b.failOn = FailOn.parse(v)
        .orElseThrow(() -> error("/failOn", "failOn must be one of error, warning, note, none; got \"" + v + "\"")));
    readRules(b);
    readExternal(b);
    readLimits(b);
    b.gitops = new GitopsSettingsReader(displayPath, root, sourceMap).read(b.gitops);
    return b.build();
  }

  private void readRules(Config.Builder b) {
    JsonNode rules = root.path("rules");
    if (rules.isMissingNode()) {
      return;
    }
    requireObject("/rules", rules);
    Iterator<Map.Entry<String, JsonNode>> it = rules.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String pointer = "/rules/" + e.getKey();
      if (!RULE_ID.matcher(e.getKey()).matches()) {
        throw error(pointer, "\"" + e.getKey() + "\" is not a rule id (ALnnn)");
      }
      String value = e.getValue().isBoolean() ? (e.getValue().booleanValue() ? "on" : "off") : e.getValue().asText();
      if (value.equals("off")) {
        b.rules.put(e.getKey(), RuleSetting.OFF);
      } else if (value.equals("on")) {
        b.rules.put(e.getKey(), new RuleSetting(true, Optional.empty()));
      } else {
        Severity severity = Severity.parse(value).orElseThrow(() -> error(pointer,
            "rule setting must be off, on, error, warning or note; got \"" + value + "\""));
        b.rules.put(e.getKey(), new RuleSetting(true, Optional.of(severity)));
      }
    }
  }

  private void readExternal(Config.Builder b) {
    JsonNode external = root.path("external");
    if (external.isMissingNode()) {
      return;
    }
    if (!external.isArray()) {
      throw error("/external", "external must be a list of {kind, namespace, name}");
    }
    for (int i = 0; i < external.size(); i++) {
      String pointer = "/external/" + i;
      JsonNode item = external.get(i);
      requireObject(pointer, item);
      checkKeys(pointer, item, EXTERNAL_KEYS);
      String kind = string(pointer + "/kind").orElseThrow(() -> error(pointer, "external object needs kind"));
      String name = string(pointer + "/name").orElseThrow(() -> error(pointer, "external object needs name"));
      b.external.add(new ExternalObject(string(pointer + "/group").orElse(""), kind,
          string(pointer + "/namespace").orElse(""), name));
    }
  }

  private void readLimits(Config.Builder b) {
    JsonNode limits = root.path("limits");
    if (limits.isMissingNode()) {
      return;
    }
    requireObject("/limits", limits);
    checkKeys("/limits", limits, LIMIT_KEYS);
    LoadLimits l = b.limits;
    b.limits = new LoadLimits(
        positive("/limits/maxFileBytes").orElse(l.maxFileBytes()),
        (int) (long) positive("/limits/maxAliasesPerDocument").orElse((long) l.maxAliasesPerDocument()),
        (int) (long) positive("/limits/maxDepth").orElse((long) l.maxDepth()),
        (int) (long) positive("/limits/maxDocumentsPerFile").orElse((long) l.maxDocumentsPerFile()),
        (int) (long) positive("/limits/maxNodesPerDocument").orElse((long) l.maxNodesPerDocument()));
    b.maxFindingsPerRule = (int) (long) positive("/limits/maxFindingsPerRule").orElse((long) b.maxFindingsPerRule);
  }

  private Optional<Long> positive(String pointer) {
    JsonNode v = root.at(pointer);
    if (v.isMissingNode()) {
      return Optional.empty();
    }
    if (!v.isIntegralNumber() || v.longValue() <= 0 || (!pointer.endsWith("maxFileBytes") && v.longValue() > Integer.MAX_VALUE)) {
      throw error(pointer, pointer.substring(pointer.lastIndexOf('/') + 1) + " must be a positive integer; got " + v);
    }
    return Optional.of(v.longValue());
  }

  private Optional<String> string(String pointer) {
    JsonNode v = root.at(pointer);
    if (v.isMissingNode() || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw error(pointer, name(pointer) + " must be a non-empty string; got " + v);
    }
    return Optional.of(v.asText());
  }

  private Optional<Boolean> bool(String pointer) {
    JsonNode v = root.at(pointer);
    if (v.isMissingNode() || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isBoolean()) {
      throw error(pointer, name(pointer) + " must be true or false; got " + v);
    }
    return Optional.of(v.booleanValue());
  }

  private java.util.List<String> stringList(String pointer) {
    JsonNode v = root.at(pointer);
    if (v.isMissingNode() || v.isNull()) {
      return java.util.List.of();
    }
    if (!v.isArray()) {
      throw error(pointer, name(pointer) + " must be a list of strings");
    }
    java.util.List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isTextual()) {
        throw error(pointer + "/" + i, name(pointer) + " must be a list of strings; got " + v.get(i));
      }
      out.add(v.get(i).asText());
    }
    return out;
  }

  private void requireObject(String pointer, JsonNode node) {
    if (!node.isObject()) {
      throw error(pointer, (pointer.isEmpty() ? "the config" : name(pointer)) + " must be a mapping");
    }
  }

  private void checkKeys(String pointer, JsonNode node, Set<String> allowed) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String key = names.next();
      if (!allowed.contains(key)) {
        String where = pointer.isEmpty() ? "" : " under " + name(pointer);
        throw new ConfigException(displayPath + ":" + keyPosition(pointer + "/" + key) + ": unknown key \"" + key
            + "\"" + where + "; known keys: " + String.join(", ", new java.util.TreeSet<>(allowed)));
      }
    }
  }

  private static String name(String pointer) {
    return pointer.substring(pointer.lastIndexOf('/') + 1);
  }

  private SourcePosition keyPosition(String pointer) {
    return sourceMap.findKey(pointer);
  }

  private ConfigException error(String pointer, String message) {
    return new ConfigException(displayPath + ":" + sourceMap.find(pointer) + ": " + message);
  }
}
