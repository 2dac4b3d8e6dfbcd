package io.ambientlint.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.severity.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.HashSet;
import java.util.Set;

/**
 * GitLab Code Quality JSON ({@code artifacts:reports:codequality}): an array of issues with description,
 * check_name, fingerprint, severity and location (path relative to the repository root, lines.begin). Only
 * findings that count are listed (not suppressed, not unchanged since a baseline), plus the files that could not
 * be analyzed, so the merge request widget shows what the gate fails on.
 */
public final class GitlabCodeQualityReporter implements Reporter {

  private final SourceRoot sourceRoot;

  public GitlabCodeQualityReporter(SourceRoot sourceRoot) {
    this.sourceRoot = sourceRoot;
  }

  /** GitLab's scale is info, minor, major, critical, blocker; errors rank above warnings in the widget. */
  static String severity(Severity s) {
    return switch (s) {
      case ERROR -> "major";
      case WARNING -> "minor";
      case NOTE -> "info";
    };
  }

  @Override
  public void write(AnalysisResult result, Writer out) throws IOException {
    ArrayNode issues = JsonReporter.MAPPER.createArrayNode();
    // GitLab keeps one issue per fingerprint: a repeated one would hide the others.
    Set<String> fingerprints = new HashSet<>();
    for (Finding f : result.activeFindings()) {
      ObjectNode issue = issues.addObject();
      issue.put("description", f.message());
      issue.put("check_name", f.ruleId());
      issue.put("fingerprint", unique(fingerprints, f.fingerprint()));
      issue.put("severity", severity(f.severity()));
      location(issue, f.location().path(), f.location().position().line());
      issue.put("type", "issue");
      issue.putArray("categories").add(f.rule().tags().contains("security") ? "Security" : "Bug Risk");
    }
    for (Diagnostic d : result.notifications()) {
      if (!d.kind().isInputLoss() || d.path().isEmpty()) {
        continue;
      }
      ObjectNode issue = issues.addObject();
      issue.put("description", "Not analyzed: " + d.message());
      issue.put("check_name", "ambient-lint/" + d.kind().id());
      issue.put("fingerprint", unique(fingerprints, Findings.fingerprint(d.kind().id(), d.path(), "", d.message())));
      issue.put("severity", "major");
      location(issue, d.path(), d.position().line());
      issue.put("type", "issue");
      issue.putArray("categories").add("Bug Risk");
    }
    JsonReporter.MAPPER.writeValue(out, issues);
    out.write("\n");
    out.flush();
  }

  private void location(ObjectNode issue, String path, int line) {
    ObjectNode location = issue.putObject("location");
    location.put("path", sourceRoot.relative(path));
    location.putObject("lines").put("begin", Math.max(1, line));
  }

  private static String unique(Set<String> seen, String fingerprint) {
    String candidate = fingerprint;
    for (int n = 2; !seen.add(candidate); n++) {
      candidate = fingerprint + "-" + n;
    }
    return candidate;
  }
}
