package io.ambientlint.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.FixedFinding;
import io.ambientlint.core.ToolInfo;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.model.Location;
import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.rule.RelatedLocation;
import io.ambientlint.core.severity.Severity;
import io.ambientlint.core.text.Escape;
import java.io.IOException;
import java.io.Writer;

/**
 * Machine-readable output: summary, findings (suppressed ones flagged) and notifications; after a comparison
 * with a baseline or a Git revision, each finding's {@code baselineState} and the full lists {@code introduced},
 * {@code fixed} and {@code unchanged}.
 */
public final class JsonReporter implements Reporter {

  static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  @Override
  public void write(AnalysisResult result, Writer out) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("tool", ToolInfo.NAME);
    root.put("version", ToolInfo.VERSION);
    ObjectNode summary = root.putObject("summary");
    summary.put("errors", result.count(Severity.ERROR));
    summary.put("warnings", result.count(Severity.WARNING));
    summary.put("notes", result.count(Severity.NOTE));
    summary.put("suppressed", result.suppressedCount());
    summary.put("files", result.fileCount());
    summary.put("resources", result.resourceCount());
    result.comparison().ifPresent(c -> {
      summary.put("comparedWith", c.against());
      summary.put("introduced", c.introduced().size());
      summary.put("fixed", c.fixed().size());
      summary.put("unchanged", c.unchanged().size());
    });
    ArrayNode findings = root.putArray("findings");
    for (Finding f : result.findings()) {
      ObjectNode n = toJson(f);
      result.comparison().flatMap(c -> c.stateOf(f)).ifPresent(state -> n.put("baselineState", state.sarifName()));
      findings.add(n);
    }
    result.comparison().ifPresent(c -> {
      ArrayNode introduced = root.putArray("introduced");
      c.introduced().forEach(f -> introduced.add(toJson(f)));
      ArrayNode fixed = root.putArray("fixed");
      c.fixed().forEach(f -> fixed.add(toJson(f)));
      ArrayNode unchanged = root.putArray("unchanged");
      c.unchanged().forEach(f -> unchanged.add(toJson(f)));
    });
    ArrayNode notifications = root.putArray("notifications");
    for (Diagnostic d : result.notifications()) {
      ObjectNode n = notifications.addObject();
      n.put("kind", d.kind().id());
      n.put("level", d.level().label());
      n.put("path", d.path());
      n.put("line", d.position().line());
      n.put("column", d.position().column());
      n.put("message", d.message());
    }
    // Names may hold a lone surrogate ("\udc00" in the YAML), which no UTF-8 writer can encode.
    out.write(Escape.json(MAPPER.writeValueAsString(root)));
    out.write("\n");
    out.flush();
  }

  public static ObjectNode toJson(Finding f) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("ruleId", f.ruleId());
    n.put("rule", f.rule().name());
    n.put("severity", f.severity().label());
    n.put("message", f.message());
    putLocation(n, f.location());
    f.subject().ifPresent(s -> n.put("object", s.qualified()));
    if (!f.pointer().isEmpty()) {
      n.put("pointer", f.pointer());
    }
    ArrayNode related = n.putArray("related");
    for (RelatedLocation r : f.related()) {
      ObjectNode rel = related.addObject();
      putLocation(rel, r.location());
      rel.put("message", r.message());
    }
    n.put("fingerprint", f.fingerprint());
    if (!f.units().isEmpty()) {
      f.units().forEach(n.putArray("units")::add);
    }
    if (f.isAboutMissingObject()) {
      n.put("missingObject", f.missingObject());
    }
    f.suppression().ifPresent(s -> {
      ObjectNode sup = n.putObject("suppressed");
      sup.put("kind", s.kind() == Finding.Suppression.Kind.IN_SOURCE ? "inSource" : "external");
      sup.put("justification", s.justification());
    });
    return n;
  }

  /** A finding that is gone: where it was at the base revision, if known. */
  public static ObjectNode toJson(FixedFinding f) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("ruleId", f.ruleId());
    n.put("message", f.message());
    f.location().ifPresent(l -> putLocation(n, l));
    f.object().ifPresent(o -> n.put("object", o));
    if (!f.pointer().isEmpty()) {
      n.put("pointer", f.pointer());
    }
    n.put("fingerprint", f.fingerprint());
    return n;
  }

  private static void putLocation(ObjectNode n, Location l) {
    n.put("path", l.path());
    n.put("line", l.position().line());
    n.put("column", l.position().column());
    n.put("endLine", l.position().endLine());
    n.put("endColumn", l.position().endColumn());
  }
}
