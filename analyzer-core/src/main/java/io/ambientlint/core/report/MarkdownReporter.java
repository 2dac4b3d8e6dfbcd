package io.ambientlint.core.report;

import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.Comparison;
import io.ambientlint.core.FixedFinding;
import io.ambientlint.core.ToolInfo;
import io.ambientlint.core.diagram.FindingsDiagram;
import io.ambientlint.core.diagram.MermaidRenderer;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.model.Location;
import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.severity.Severity;
import io.ambientlint.core.text.Escape;
import io.ambientlint.core.text.Phrases;
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

  /** Past this many rows the table says how many it left out. */
  public static final int MAX_ROWS = 500;

  /**
   * GitHub refuses a job summary over 1 MiB ({@code $GITHUB_STEP_SUMMARY}); the summary stays under this many
   * UTF-8 bytes, with a line saying what it left out.
   */
  public static final int MAX_BYTES = 1024 * 1024 - 4 * 1024;

  /** Longest message or name shown, in code points; longer ones are cut with an ellipsis. */
  static final int MAX_FIELD_CHARS = 2_000;

  /** Beyond a few dozen nodes a Mermaid flowchart is unreadable (and GitHub refuses very large ones). */
  public static final int MAX_DIAGRAM_NODES = 60;

  private final String linkBase;
  private final int maxBytes;

  /** @param linkBase prefix of file links (ends with {@code /}), or empty for links relative to the repository */
  public MarkdownReporter(String linkBase) {
    this(linkBase, MAX_BYTES);
  }

  MarkdownReporter(String linkBase, int maxBytes) {
    this.linkBase = linkBase == null || linkBase.isEmpty() || linkBase.endsWith("/") ? nullToEmpty(linkBase) : linkBase + "/";
    this.maxBytes = maxBytes;
  }

  public MarkdownReporter() {
    this("");
  }

  /**
   * The summary as it is written: counts its UTF-8 bytes, and keeps room at the end for the line that says what
   * did not fit.
   */
  private static final class Budget {
    /** Room kept for the closing lines (the cut notice and the notes on rows left out). */
    static final int RESERVE = 2 * 1024;
    private final StringBuilder text = new StringBuilder();
    private final int limit;
    private long bytes;
    boolean cut;

    Budget(int limit) {
      this.limit = limit;
    }

    void append(String s) {
      text.append(s);
      bytes += utf8Length(s);
    }

    /** Appends {@code s} if it fits before the reserve; otherwise marks the summary cut. */
    boolean tryAppend(String s) {
      if (cut || bytes + utf8Length(s) > limit - RESERVE) {
        cut = true;
        return false;
      }
      append(s);
      return true;
    }
  }

  @Override
  public void write(AnalysisResult result, Writer out) throws IOException {
    // Names, file names, messages and baseline fields come from the pull request: names and file names are
    // code spans, prose is escaped (Escape.markdownText), nothing is passed through as Markdown or HTML.
    Budget md = new Budget(maxBytes);
    md.append("## " + ToolInfo.NAME + "\n\n");
    md.append(counts(result) + "\n\n");
    if (result.comparison().isPresent()) {
      Comparison c = result.comparison().get();
      md.append(c.summary() + " (compared with " + text(c.against()) + ")\n\n");
    }
    List<Finding> findings = result.activeFindings();
    int rows = 0;
    if (findings.isEmpty()) {
      md.append("No findings.\n");
    } else {
      md.append("| Severity | Rule | Location | Message |\n");
      md.append("| --- | --- | --- | --- |\n");
      for (Finding f : findings.subList(0, Math.min(findings.size(), MAX_ROWS))) {
        if (!md.tryAppend("| " + severity(f.severity()) + " | [" + f.ruleId() + "](" + ToolInfo.ruleDocUri(f.ruleId())
            + ") " + text(f.rule().name()) + " | " + link(f.location()) + " | " + text(f.message()) + " |\n")) {
          break;
        }
        rows++;
      }
      if (rows < findings.size()) {
        md.append("\n" + (findings.size() - rows) + " more findings are not listed here; the SARIF and JSON reports have them all.\n");
      }
      if (!md.cut) {
        writeWaypointGraph(result, findings, md);
      }
    }
    List<FixedFinding> fixed = result.comparison().map(Comparison::fixed).orElse(List.of());
    if (!fixed.isEmpty() && md.tryAppend("\n### Fixed\n\n")) {
      int listed = 0;
      for (FixedFinding f : fixed.subList(0, Math.min(fixed.size(), MAX_ROWS))) {
        String where = f.object().orElse(f.location().map(Location::path).orElse(""));
        if (!md.tryAppend("- [" + f.ruleId() + "](" + ToolInfo.ruleDocUri(f.ruleId()) + ") " + code(where) + ": "
            + text(f.message()) + "\n")) {
          break;
        }
        listed++;
      }
      if (listed < fixed.size()) {
        md.append("\n" + (fixed.size() - listed) + " more fixed findings are not listed here; the JSON report has them all.\n");
      }
    }
    // Foreign files (CI configs, package.json) are one count, not a line each: a job summary is read by people.
    List<Diagnostic> notifications = result.notifications().stream()
        .filter(d -> d.kind() != Diagnostic.Kind.NOT_KUBERNETES).toList();
    String notManifests = TextReporter.notManifests(result, true);
    if (!notManifests.isEmpty()) {
      md.tryAppend("\n" + notManifests.substring(2, 3).toUpperCase(java.util.Locale.ROOT) + notManifests.substring(3)
          + "; the JSON and SARIF reports list them.\n");
    }
    int notified = 0;
    if (!notifications.isEmpty() && md.tryAppend("\n### Notifications\n\n")) {
      for (Diagnostic d : notifications) {
        String where = d.path().isEmpty() ? ToolInfo.NAME : link(new Location(d.path(), d.position()));
        if (!md.tryAppend("- " + where + ": " + d.level().label() + ": "
            + text(d.message()) + "\n")) {
          break;
        }
        notified++;
      }
    }
    if (md.cut) {
      md.append("\nThe summary is cut here to stay within GitHub's 1 MiB limit for a job summary"
          + (notified < notifications.size() ? "; it leaves out " + Phrases.count(notifications.size() - notified, "notification") : "")
          + "; the SARIF and JSON reports have everything.\n");
    }
    out.write(md.text.toString());
    out.flush();
  }

  /**
   * The waypoints the findings involve and what is bound to them, as a Mermaid flowchart GitHub renders; cut
   * at {@link #MAX_DIAGRAM_NODES} nodes with a line that says so. Nothing when no finding involves a waypoint,
   * or when the graph does not fit in the summary.
   */
  private static void writeWaypointGraph(AnalysisResult result, List<Finding> findings, Budget md) {
    FindingsDiagram.Focus focus = FindingsDiagram.of(result.graph(), findings, MAX_DIAGRAM_NODES);
    if (focus.isEmpty()) {
      return;
    }
    StringBuilder section = new StringBuilder("\n### Waypoints involved\n\n");
    section.append("```mermaid\n").append(new MermaidRenderer().render(focus.diagram())).append("```\n");
    if (focus.isCut()) {
      List<String> left = new ArrayList<>();
      if (focus.shownWaypoints() < focus.waypoints()) {
        left.add("shows " + focus.shownWaypoints() + " of the " + focus.waypoints() + " waypoints involved");
      }
      if (focus.omittedNodes() > 0) {
        left.add("leaves out " + Phrases.count(focus.omittedNodes(), "object") + " next to them");
      }
      if (focus.omittedEdges() > 0) {
        left.add("leaves out " + Phrases.count(focus.omittedEdges(), "edge"));
      }
      section.append("\nThe graph is cut: it ").append(String.join(" and ", left)).append("; `").append(ToolInfo.NAME)
          .append(" graph` draws the whole mesh.\n");
    }
    md.tryAppend(section.toString());
  }

  /** {@code **2 errors**, 1 warning, 0 notes in 3 files (12 resources), 1 suppressed}. */
  static String counts(AnalysisResult result) {
    long errors = result.count(Severity.ERROR);
    String errorText = Phrases.count(errors, "error");
    return (errors > 0 ? "**" + errorText + "**" : errorText) + ", "
        + Phrases.count(result.count(Severity.WARNING), "warning") + ", "
        + Phrases.count(result.count(Severity.NOTE), "note") + " in "
        + Phrases.count(result.fileCount(), "file") + " ("
        + Phrases.count(result.resourceCount(), "resource") + ")"
        + (result.suppressedCount() > 0 ? ", " + result.suppressedCount() + " suppressed" : "");
  }

  private static String severity(Severity s) {
    return switch (s) {
      case ERROR -> "**error**";
      case WARNING -> "warning";
      case NOTE -> "note";
    };
  }

  /** {@code [`path:3`](BASE/path#L3)}: the file name a code span, the target percent-encoded (RFC 3986). */
  private String link(Location l) {
    String text = code(l.path() + ":" + l.position().line());
    if (l.path().startsWith("<")) {
      return text; // standard input has no file to link to
    }
    return "[" + text + "](" + linkBase + urlPath(l.path()) + "#L" + l.position().line() + ")";
  }

  /** A link target for a repository-relative path: every byte but unreserved characters and slashes encoded. */
  static String urlPath(String path) {
    return UriPaths.relativeReference(path);
  }

  /** A name or file name: a code span, cut at {@link #MAX_FIELD_CHARS}. */
  static String code(String name) {
    return Escape.markdownCode(cut(name));
  }

  /** Prose (a message) in a table cell or a list item: escaped, cut at {@link #MAX_FIELD_CHARS}. */
  static String text(String prose) {
    return Escape.markdownText(cut(prose));
  }

  private static String cut(String s) {
    if (s.length() <= MAX_FIELD_CHARS || s.codePointCount(0, s.length()) <= MAX_FIELD_CHARS) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, MAX_FIELD_CHARS - 1)) + "\u2026";
  }

  /** Bytes of {@code s} in UTF-8 (a lone surrogate counts as the three bytes of U+FFFD). */
  static long utf8Length(String s) {
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
