package io.ambientlint.core.report;

import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.ToolInfo;
import io.ambientlint.core.baseline.Comparison;
import io.ambientlint.core.baseline.FixedFinding;
import io.ambientlint.core.diagram.FindingsDiagram;
import io.ambientlint.core.diagram.MermaidRenderer;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.model.Location;
import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.rule.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * A Markdown summary for pull requests and CI job summaries ({@code $GITHUB_STEP_SUMMARY}): counts by
 * severity, one table row per finding with a link to its file and line, then the tool notifications. After a
 * comparison with a baseline or a Git revision: the line {@code introduced N, fixed M, unchanged K}, the
 * table of introduced findings only, and the fixed ones. When findings involve waypoints, a Mermaid graph of
 * those waypoints and what is bound to them follows the table.
 *
 * <p>Links are relative to the analyzed repository unless a link base is given (for a job summary, the
 * commit's blob URL, {@code https://github.com/OWNER/REPO/blob/SHA/}), so they open the exact line.
 */
public final class MarkdownReporter implements Reporter {

  /** GitHub caps a job summary at 1 MiB; past this many rows the table says how many it left out. */
  public static final int MAX_ROWS = 500;

  /** Beyond a few dozen nodes a Mermaid flowchart is unreadable (and GitHub refuses very large ones). */
  public static final int MAX_DIAGRAM_NODES = 60;

  private final String linkBase;

  /** @param linkBase prefix of file links (ends with {@code /}), or empty for links relative to the repository */
  public MarkdownReporter(String linkBase) {
    this.linkBase = linkBase == null || linkBase.isEmpty() || linkBase.endsWith("/") ? nullToEmpty(linkBase) : linkBase + "/";
  }

  public MarkdownReporter() {
    this("");
  }

  @Override
  public void write(AnalysisResult result, Writer out) throws IOException {
    out.write("## " + ToolInfo.NAME + "\n\n");
    out.write(counts(result) + "\n\n");
    if (result.comparison().isPresent()) {
      Comparison c = result.comparison().get();
      out.write(c.summary() + " (compared with " + inline(c.against()) + ")\n\n");
    }
    List<Finding> findings = result.activeFindings();
    if (findings.isEmpty()) {
      out.write("No findings.\n");
    } else {
      out.write("| Severity | Rule | Location | Message |\n");
      out.write("| --- | --- | --- | --- |\n");
      for (Finding f : findings.subList(0, Math.min(findings.size(), MAX_ROWS))) {
        out.write("| " + severity(f.severity()) + " | [" + f.ruleId() + "](" + ToolInfo.ruleDocUri(f.ruleId()) + ") "
            + cell(f.rule().name()) + " | " + link(f.location()) + " | " + cell(f.message()) + " |\n");
      }
      if (findings.size() > MAX_ROWS) {
        out.write("\n" + (findings.size() - MAX_ROWS) + " more findings are not listed here; the SARIF and JSON reports have them all.\n");
      }
      writeWaypointGraph(result, findings, out);
    }
    List<FixedFinding> fixed = result.comparison().map(Comparison::fixed).orElse(List.of());
    if (!fixed.isEmpty()) {
      out.write("\n### Fixed\n\n");
      for (FixedFinding f : fixed.subList(0, Math.min(fixed.size(), MAX_ROWS))) {
        String where = f.object().orElse(f.location().map(Location::path).orElse(""));
        out.write("- [" + f.ruleId() + "](" + ToolInfo.ruleDocUri(f.ruleId()) + ") `" + where.replace("`", "'") + "`: "
            + inline(f.message()) + "\n");
      }
      if (fixed.size() > MAX_ROWS) {
        out.write("\n" + (fixed.size() - MAX_ROWS) + " more fixed findings are not listed here; the JSON report has them all.\n");
      }
    }
    List<Diagnostic> notifications = result.notifications();
    if (!notifications.isEmpty()) {
      out.write("\n### Notifications\n\n");
      for (Diagnostic d : notifications) {
        String where = d.path().isEmpty() ? ToolInfo.NAME
            : link(new Location(d.path(), d.position()));
        out.write("- " + where + ": " + d.level().name().toLowerCase(java.util.Locale.ROOT) + ": " + inline(d.message()) + "\n");
      }
    }
    out.flush();
  }

  /**
   * The waypoints the findings involve and what is bound to them, as a Mermaid flowchart GitHub renders; cut
   * at {@link #MAX_DIAGRAM_NODES} nodes with a line that says so. Nothing when no finding involves a waypoint.
   */
  private static void writeWaypointGraph(AnalysisResult result, List<Finding> findings, Writer out) throws IOException {
    FindingsDiagram.Focus focus = FindingsDiagram.of(result.graph(), findings, MAX_DIAGRAM_NODES);
    if (focus.isEmpty()) {
      return;
    }
    out.write("\n### Waypoints involved\n\n");
    out.write("```mermaid\n" + new MermaidRenderer().render(focus.diagram()) + "```\n");
    if (focus.isCut()) {
      List<String> left = new ArrayList<>();
      if (focus.shownWaypoints() < focus.waypoints()) {
        left.add("shows " + focus.shownWaypoints() + " of the " + focus.waypoints() + " waypoints involved");
      }
      if (focus.omittedNodes() > 0) {
        left.add("leaves out " + TextReporter.plural(focus.omittedNodes(), "object") + " next to them");
      }
      if (focus.omittedEdges() > 0) {
        left.add("leaves out " + TextReporter.plural(focus.omittedEdges(), "edge"));
      }
      out.write("\nThe graph is cut: it " + String.join(" and ", left) + "; `" + ToolInfo.NAME
          + " graph` draws the whole mesh.\n");
    }
  }

  /** {@code **2 errors**, 1 warning, 0 notes in 3 files (12 resources), 1 suppressed}. */
  static String counts(AnalysisResult result) {
    long errors = result.count(Severity.ERROR);
    String errorText = TextReporter.plural(errors, "error");
    return (errors > 0 ? "**" + errorText + "**" : errorText) + ", "
        + TextReporter.plural(result.count(Severity.WARNING), "warning") + ", "
        + TextReporter.plural(result.count(Severity.NOTE), "note") + " in "
        + TextReporter.plural(result.fileCount(), "file") + " ("
        + TextReporter.plural(result.resourceCount(), "resource") + ")"
        + (result.suppressedCount() > 0 ? ", " + result.suppressedCount() + " suppressed" : "");
  }

  private static String severity(Severity s) {
    return switch (s) {
      case ERROR -> "**error**";
      case WARNING -> "warning";
      case NOTE -> "note";
    };
  }

  private String link(Location l) {
    String text = l.path() + ":" + l.position().line();
    if (l.path().startsWith("<")) {
      return "`" + text + "`"; // standard input has no file to link to
    }
    return "[" + cell(text) + "](" + linkBase + urlPath(l.path()) + "#L" + l.position().line() + ")";
  }

  /** Percent-encodes what would break a Markdown link target; keeps the slashes. */
  static String urlPath(String path) {
    StringBuilder b = new StringBuilder();
    for (char c : path.toCharArray()) {
      switch (c) {
        case ' ' -> b.append("%20");
        case '(' -> b.append("%28");
        case ')' -> b.append("%29");
        case '#' -> b.append("%23");
        case '%' -> b.append("%25");
        case '?' -> b.append("%3F");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Text inside a table cell: one line, pipes and HTML neutralised. */
  static String cell(String text) {
    return inline(text).replace("|", "\\|");
  }

  private static String inline(String text) {
    return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ')
        .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
