package io.ambientlint.core.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.Comparison;
import io.ambientlint.core.FixedFinding;
import io.ambientlint.core.ToolInfo;
import io.ambientlint.core.config.ConfigException;
import io.ambientlint.core.rule.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The findings a team has accepted, so that only new ones fail the build. Written by {@code --write-baseline}
 * as sorted, indented JSON (one field a line, no positions: the file changes only when findings do), read by
 * {@code --baseline} (or the config key {@code baseline}, or the Maven plugin's {@code baseline} parameter).
 * Findings matching an entry are reported as suppressed (SARIF {@code suppressions} of kind {@code external})
 * and do not count for {@code --fail-on}; entries nothing matches any more are listed as fixed.
 */
public final class Baseline {

  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** Standard two-space JSON with one array item a line and {@code "key": value}, so diffs stay small. */
  private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(
      Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"));

  private final List<BaselineEntry> entries;

  public Baseline(List<BaselineEntry> entries) {
    List<BaselineEntry> sorted = new ArrayList<>(entries);
    sorted.sort(BaselineEntry.ORDER);
    this.entries = List.copyOf(sorted);
  }

  public List<BaselineEntry> entries() {
    return entries;
  }

  /** Every finding of the result that is not suppressed in the source (nor by an earlier baseline). */
  public static Baseline of(AnalysisResult result) {
    return new Baseline(result.findings().stream().filter(f -> !f.isSuppressed()).map(BaselineEntry::of).toList());
  }

  /** Reads a baseline file; a missing or malformed file is a configuration error naming {@code displayPath}. */
  public static Baseline read(Path file, String displayPath) {
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new ConfigException(displayPath + ": baseline file not found; create it with --write-baseline " + displayPath);
    } catch (JsonProcessingException e) {
      throw new ConfigException(displayPath + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
          + ": not a baseline file: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException(displayPath + ": cannot read baseline file: " + e.getMessage());
    }
    JsonNode list = root == null ? null : root.get("findings");
    if (list == null || !list.isArray()) {
      throw new ConfigException(displayPath + ": not a baseline file: no \"findings\" list");
    }
    int version = root.path("version").asInt(FORMAT_VERSION);
    if (version > FORMAT_VERSION) {
      throw new ConfigException(displayPath + ": baseline format version " + version + " is newer than this "
          + ToolInfo.NAME + " reads (" + FORMAT_VERSION + "); update " + ToolInfo.NAME);
    }
    List<BaselineEntry> entries = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode e = list.get(i);
      String fingerprint = e.path("fingerprint").asText("");
      if (fingerprint.isEmpty()) {
        throw new ConfigException(displayPath + ": baseline entry " + (i + 1) + " has no \"fingerprint\"");
      }
      entries.add(new BaselineEntry(fingerprint, e.path("rule").asText(""), text(e, "object"), text(e, "file"),
          e.path("pointer").asText(""), e.path("message").asText("")));
    }
    return new Baseline(entries);
  }

  private static Optional<String> text(JsonNode entry, String key) {
    JsonNode v = entry.get(key);
    return v != null && v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
  }

  public String toJson() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("tool", ToolInfo.NAME);
    root.put("version", FORMAT_VERSION);
    ArrayNode list = root.putArray("findings");
    for (BaselineEntry e : entries) {
      ObjectNode n = list.addObject();
      n.put("rule", e.rule());
      e.object().ifPresent(o -> n.put("object", o));
      e.file().ifPresent(f -> n.put("file", f));
      if (!e.pointer().isEmpty()) {
        n.put("pointer", e.pointer());
      }
      n.put("fingerprint", e.fingerprint());
      n.put("message", e.message());
    }
    try {
      return MAPPER.writer(PRINTER).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public void write(Path file) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.writeString(file, toJson(), StandardCharsets.UTF_8);
  }

  /**
   * Marks the findings this baseline accepts as suppressed (kind external) and compares: {@code introduced} are
   * the findings it does not hold, {@code unchanged} those it does, {@code fixed} its entries nothing matched.
   */
  public AnalysisResult apply(AnalysisResult result, String displayPath) {
    List<Finding> candidates = result.findings().stream().filter(f -> !f.isSuppressed()).toList();
    FingerprintMatch<BaselineEntry> match = FingerprintMatch.of(candidates, entries, BaselineEntry::fingerprint);
    Set<Finding> accepted = Collections.newSetFromMap(new IdentityHashMap<>());
    accepted.addAll(match.matched());
    Finding.Suppression suppression = new Finding.Suppression(Finding.Suppression.Kind.EXTERNAL,
        "accepted in baseline " + displayPath);
    List<Finding> marked = new ArrayList<>(result.findings().size());
    List<Finding> unchanged = new ArrayList<>();
    for (Finding f : result.findings()) {
      if (accepted.contains(f)) {
        Finding s = f.withSuppression(suppression);
        marked.add(s);
        unchanged.add(s);
      } else {
        marked.add(f);
      }
    }
    return result.withComparison(marked, new Comparison("baseline " + displayPath, match.unmatched(), unchanged,
        match.leftOver().stream().map(BaselineEntry::asFixed).toList()));
  }
}
