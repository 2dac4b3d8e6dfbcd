package io.ambientlint.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.load.LoadLimits;
import io.ambientlint.core.load.SourceMap;
import io.ambientlint.core.load.SourcePosition;
import io.ambientlint.core.load.YamlDocumentReader;
import io.ambientlint.core.severity.Severity;
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

  static final Set<String> TOP_LEVEL_KEYS = Set.of("rootNamespace", "clusterDomain", "defaultNamespace",
      "waypointClasses", "autoAllowWaypointPolicy", "serviceEntryVisibility", "rules", "exclude", "external",
      "failOn", "limits", "crds", "baseline", "overrides", "units", "repositories", "clusters", "environments",
      "namespaces", "assumeUndeclaredNamespaces");
  private static final Set<String> OVERRIDE_KEYS = Set.of("paths", "rules");
  private static final Set<String> LIMIT_KEYS = Set.of("maxFileBytes", "maxAliasesPerDocument", "maxDepth",
      "maxDocumentsPerFile", "maxNodesPerDocument", "maxFindingsPerRule", "maxFindingsKept");
  private static final Set<String> EXTERNAL_KEYS = Set.of("group", "kind", "namespace", "name");
  private static final Pattern RULE_ID = Pattern.compile("AL\\d{3}");

  private final String displayPath;
  private final JsonNode root;
  private final SourceMap sourceMap;
  private final Path directory;

  private ConfigLoader(String displayPath, JsonNode root, SourceMap sourceMap, Path directory) {
    this.displayPath = displayPath;
    this.root = root;
    this.sourceMap = sourceMap;
    this.directory = directory;
  }

  /** Reads the file into {@code base}; {@code displayPath} is how errors name the file. */
  public static Config load(Path file, String displayPath, Config.Builder base) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(displayPath + ": cannot read config file: " + e.getMessage());
    }
    Path directory = file.toAbsolutePath().normalize().getParent();
    return parse(text, displayPath, base, directory == null ? Path.of("") : directory);
  }

  public static Config parse(String text, String displayPath, Config.Builder base) {
    return parse(text, displayPath, base, Path.of(""));
  }

  /** @param directory the config file's folder, which {@code overrides:} globs are relative to */
  public static Config parse(String text, String displayPath, Config.Builder base, Path directory) {
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
    return new ConfigLoader(displayPath, doc.root(), positions, directory).apply(base);
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
    java.util.List<String> excludes = stringList("/exclude");
    for (int i = 0; i < excludes.size(); i++) {
      String glob = excludes.get(i);
      checkGlob(glob).ifPresent(problem -> {
        throw error("/exclude/" + excludes.indexOf(glob), "invalid exclude glob \"" + glob + "\": " + problem);
      });
    }
    b.exclude.addAll(excludes);
    java.util.List<String> crds = stringList("/crds");
    for (int i = 0; i < crds.size(); i++) {
      requireInside(b, "/crds/" + i, crds.get(i));
    }
    b.crds.addAll(crds);
    string("/baseline").ifPresent(v -> {
      requireInside(b, "/baseline", v);
      b.baseline = Optional.of(v);
    });
    string("/failOn").ifPresent(v -> b.failOn = FailOn.parse(v)
        .orElseThrow(() -> error("/failOn", "failOn must be one of error, warning, note, none; got \"" + v + "\"")));
    readRules(b);
    readExternal(b);
    readLimits(b);
    readOverrides(b);
    b.gitops = new GitopsSettingsReader(displayPath, root, sourceMap).read(b.gitops);
    return b.build();
  }

  private void readOverrides(Config.Builder b) {
    JsonNode overrides = root.path("overrides");
    if (overrides.isMissingNode()) {
      return;
    }
    if (!overrides.isArray()) {
      throw error("/overrides", "overrides must be a list of {paths: [globs], rules: {ALnnn: setting}}");
    }
    for (int i = 0; i < overrides.size(); i++) {
      String pointer = "/overrides/" + i;
      JsonNode item = overrides.get(i);
      requireObject(pointer, item);
      checkKeys(pointer, item, OVERRIDE_KEYS);
      java.util.List<String> globs = stringList(pointer + "/paths");
      if (globs.isEmpty()) {
        throw error(pointer, "an override needs paths: a list of globs relative to the config file's folder");
      }
      for (int g = 0; g < globs.size(); g++) {
        try {
          java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + globs.get(g));
        } catch (IllegalArgumentException e) {
          throw error(pointer + "/paths/" + g, "not a valid glob: " + e.getMessage());
        }
      }
      JsonNode rules = item.path("rules");
      if (rules.isMissingNode() || rules.isNull()) {
        throw error(pointer, "an override needs rules: {ALnnn: off|on|error|warning|note}");
      }
      requireObject(pointer + "/rules", rules);
      Map<String, RuleSetting> settings = new java.util.LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = rules.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        settings.put(e.getKey(), setting(pointer + "/rules/" + e.getKey(), e.getKey(), e.getValue()));
      }
      b.overrides.add(new PathOverride(directory, globs, settings));
    }
  }

  /** One {@code ALnnn: off|on|error|warning|note} entry of an override. */
  private RuleSetting setting(String pointer, String ruleId, JsonNode value) {
    if (!RULE_ID.matcher(ruleId).matches()) {
      throw error(pointer, "\"" + ruleId + "\" is not a rule id (ALnnn)");
    }
    String text = value.isBoolean() ? (value.booleanValue() ? "on" : "off") : value.asText();
    return switch (text) {
      case "off" -> RuleSetting.OFF;
      case "on" -> new RuleSetting(true, Optional.empty());
      default -> new RuleSetting(true, Optional.of(Severity.parse(text).orElseThrow(() -> error(pointer,
          "rule setting must be off, on, error, warning or note; got \"" + text + "\""))));
    };
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
      if (b.knownRuleIds != null && !b.knownRuleIds.contains(e.getKey())) {
        throw new ConfigException(displayPath + ":" + keyPosition(pointer) + ": unknown rule " + e.getKey()
            + "; 'ambient-lint rules' lists the rules");
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
    b.maxFindingsKept = (int) (long) positive("/limits/maxFindingsKept").orElse((long) b.maxFindingsKept);
  }

  private Optional<Long> positive(String pointer) {
    JsonNode v = root.at(pointer);
    if (v.isMissingNode()) {
      return Optional.empty();
    }
    long max = pointer.endsWith("maxFileBytes") ? LoadLimits.MAX_FILE_BYTES : Integer.MAX_VALUE;
    // canConvertToLong first: a BigInteger past long wraps around in longValue().
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() <= 0 || v.longValue() > max) {
      throw error(pointer, pointer.substring(pointer.lastIndexOf('/') + 1) + " must be a positive integer of at most "
          + max + "; got " + v);
    }
    return Optional.of(v.longValue());
  }

  /** Why a glob is invalid, if it is (the JDK's syntax, which exclude matching uses). */
  public static Optional<String> checkGlob(String glob) {
    try {
      java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + glob);
      return Optional.empty();
    } catch (java.util.regex.PatternSyntaxException e) {
      return Optional.of(e.getDescription());
    } catch (IllegalArgumentException e) {
      return Optional.of(String.valueOf(e.getMessage()));
    }
  }

  /**
   * A file the config names must lie inside the repository, also after resolving symbolic links: a pull
   * request's config must not make the tool read other files of the machine it runs on. (Command-line options
   * are the runner's own choice and may point anywhere.)
   */
  private void requireInside(Config.Builder b, String pointer, String value) {
    if (b.repositoryRoot == null) {
      return;
    }
    Path root = b.repositoryRoot.toAbsolutePath().normalize();
    Path target = root.resolve(value).normalize();
    boolean inside = target.startsWith(root);
    if (inside) {
      try {
        Path realRoot = root.toRealPath();
        Path existing = target;
        while (existing != null && !Files.exists(existing, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          existing = existing.getParent();
        }
        inside = existing == null || existing.toRealPath().startsWith(realRoot);
      } catch (IOException e) {
        inside = false;
      }
    }
    if (!inside) {
      throw error(pointer, name(pointer.replaceAll("/\\d+$", "")) + " \"" + value + "\" is outside the repository;"
          + " files named in the config must lie inside it (give it on the command line to use another file)");
    }
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
