package io.ambientlint.core.report;

import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.rule.RelatedLocation;
import io.ambientlint.core.severity.Severity;
import io.ambientlint.core.text.Escape;
import io.ambientlint.core.text.Phrases;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiler-style text: {@code path:line:col: error AL305 message [ztunnel-l7-fail-safe]}, related places
 * indented below, then tool notifications and a summary line. Colours only when asked (on a terminal).
 */
public final class TextReporter implements Reporter {

  private final boolean colour;
  private final boolean verbose;

  public TextReporter(boolean colour) {
    this(colour, false);
  }

  /** {@code verbose}: also list the files that are not Kubernetes manifests, one line each. */
  public TextReporter(boolean colour, boolean verbose) {
    this.colour = colour;
    this.verbose = verbose;
  }

  @Override
  public void write(AnalysisResult result, Writer out) throws IOException {
    // Names, file names and messages come from the analyzed repository: each is escaped for a terminal and a
    // CI log (Escape.terminal), and so is each assembled line.
    for (Finding f : result.activeFindings()) {
      line(out, Escape.terminal(f.location().toString()) + ": " + paint(f.severity()) + " " + f.ruleId() + " "
          + Escape.terminal(f.message()) + " [" + f.rule().name() + "]" + Escape.terminal(unitsSuffix(f)));
      for (RelatedLocation r : f.related()) {
        line(out, "    " + Escape.terminal(r.location().toString()) + ": " + Escape.terminal(r.message()));
      }
    }
    for (Diagnostic d : result.notifications()) {
      if (d.kind() == Diagnostic.Kind.SKIPPED || d.kind() == Diagnostic.Kind.NOT_KUBERNETES && !verbose) {
        continue; // counted in the summary; listed in SARIF and JSON
      }
      String where = d.path().isEmpty() ? "ambient-lint" : Escape.terminal(d.path() + ":" + d.position());
      line(out, where + ": " + paint(d.level()) + ": " + Escape.terminal(d.message()));
    }
    line(out, Escape.terminal(summary(result) + notManifests(result, verbose)));
    out.flush();
  }

  private static void line(Writer out, String escapedLine) throws IOException {
    out.write(Escape.terminalLine(escapedLine));
    out.write('\n');
  }

  /** {@code  (units: prod, staging)} when the finding was found in deployment units. */
  static String unitsSuffix(Finding f) {
    return f.units().isEmpty() ? "" : " (" + Phrases.plural(f.units().size(), "unit") + ": " + String.join(", ", f.units()) + ")";
  }

  /**
   * {@code ambient-lint: 2 errors, 1 warning, 0 notes in 3 files (12 resources); ...}; after a comparison the
   * counts are of introduced findings, followed by {@code introduced N, fixed M, unchanged K (compared with REF)}.
   */
  public static String summary(AnalysisResult result) {
    List<String> parts = new ArrayList<>();
    parts.add(Phrases.count(result.count(Severity.ERROR), "error") + ", " + Phrases.count(result.count(Severity.WARNING), "warning")
        + ", " + Phrases.count(result.count(Severity.NOTE), "note") + " in " + Phrases.count(result.fileCount(), "file")
        + " (" + Phrases.count(result.resourceCount(), "resource") + ")");
    if (result.suppressedCount() > 0) {
      parts.add(result.suppressedCount() + " suppressed");
    }
    result.comparison().ifPresent(c -> parts.add(c.summary() + " (compared with " + c.against() + ")"));
    List<Diagnostic> skipped = result.notificationsOf(Diagnostic.Kind.SKIPPED);
    if (!skipped.isEmpty()) {
      long templates = skipped.stream().filter(d -> d.message().contains("Helm") || d.message().contains("template")).count();
      long kustomize = skipped.stream().filter(d -> d.message().startsWith("Kustomize")).count();
      long other = skipped.size() - templates - kustomize;
      List<String> kinds = new ArrayList<>();
      if (templates > 0) {
        kinds.add(templates + " Helm/template");
      }
      if (kustomize > 0) {
        kinds.add(kustomize + " Kustomize");
      }
      if (other > 0) {
        kinds.add(other + " other");
      }
      parts.add("skipped " + Phrases.count(skipped.size(), "file") + " (" + String.join(", ", kinds) + ")");
    }
    int unreadable = result.notificationsOf(Diagnostic.Kind.UNREADABLE).size();
    if (unreadable > 0) {
      parts.add(Phrases.count(unreadable, "input") + " could not be read");
    }
    int limited = result.notificationsOf(Diagnostic.Kind.LIMIT).size();
    if (limited > 0) {
      parts.add(Phrases.count(limited, "input") + " over a limit, partly not analyzed");
    }
    return "ambient-lint: " + String.join("; ", parts);
  }

  /**
   * {@code ; 3 files were not Kubernetes manifests (--verbose lists them)}, or nothing: CI configs and
   * package.json beside the manifests are normal, so they are counted, not warned about one by one.
   */
  public static String notManifests(AnalysisResult result, boolean listed) {
    long files = result.notificationsOf(Diagnostic.Kind.NOT_KUBERNETES).stream().map(Diagnostic::path).distinct().count();
    if (files == 0) {
      return "";
    }
    return "; " + Phrases.count(files, "file") + " "
        + Phrases.plural(files, "was not a Kubernetes manifest", "were not Kubernetes manifests")
        + (listed ? "" : " (--verbose lists them)");
  }


  private String paint(Severity s) {
    if (!colour) {
      return s.label();
    }
    String code = switch (s) {
      case ERROR -> "\u001b[1;31m";
      case WARNING -> "\u001b[1;33m";
      case NOTE -> "\u001b[1;36m";
    };
    return code + s.label() + "\u001b[0m";
  }
}
