package io.ambientlint.core.baseline;

import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.Analyzer;
import io.ambientlint.core.Comparison;
import io.ambientlint.core.FixedFinding;
import io.ambientlint.core.config.ConfigException;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.load.GitRevisionSource;
import io.ambientlint.core.rule.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code --new-since GIT_REF}: analyzes the same paths as they are at a Git revision (read from the object
 * database, no checkout) and compares with the working tree's findings by fingerprint. A pull request's
 * check then lists what the change introduces, what it fixes and what was already there; only introduced
 * findings count for {@code --fail-on}. Unchanged findings stay unsuppressed (code scanning keeps its alerts),
 * marked SARIF {@code baselineState: unchanged}.
 */
public final class RevisionComparison {
  private RevisionComparison() {}

  /**
   * @param head the working tree's result (a baseline, if any, already applied)
   * @param baseline applied to the revision's findings too, so both sides are judged alike
   */
  public static AnalysisResult newSince(Analyzer analyzer, AnalysisResult head, List<String> paths, String revision,
      Optional<Baseline> baseline, String baselinePath) {
    AnalysisResult base;
    try {
      base = analyzer.analyzeRevision(paths, revision);
    } catch (GitRevisionSource.RevisionException e) {
      throw new ConfigException("--new-since " + revision + ": " + e.getMessage());
    }
    if (baseline.isPresent()) {
      base = baseline.get().apply(base, baselinePath);
    }
    return compare(head, base, revision);
  }

  /** How many files of an incomplete base the summary names; the rest are listed one by one. */
  private static final int NAMED_IN_SUMMARY = 10;

  /**
   * Compares two results' unsuppressed findings; the returned result is {@code head}, compared. A base that
   * could not be read completely (blobs missing from a partial clone, files over a limit) would make findings
   * look unchanged that are new: its problems are carried over and the run exits 3, never silently "unchanged".
   */
  public static AnalysisResult compare(AnalysisResult head, AnalysisResult base, String revision) {
    List<Diagnostic> lost = base.notifications().stream().filter(d -> d.kind().isInputLoss()).toList();
    AnalysisResult compared = compareComplete(head, base, lost.isEmpty() ? revision : revision + " (incomplete)");
    if (lost.isEmpty()) {
      return compared;
    }
    List<Diagnostic> notifications = new ArrayList<>(compared.notifications());
    for (Diagnostic d : lost) {
      notifications.add(new Diagnostic(d.kind(), d.path(), d.position(), "at " + revision + ": " + d.message()));
    }
    List<String> paths = lost.stream().map(Diagnostic::path).filter(p -> !p.isEmpty()).distinct().toList();
    boolean missingBlobs = lost.stream().anyMatch(d -> d.message().startsWith(GitRevisionSource.MISSING_BLOB));
    notifications.add(Diagnostic.ofFile(Diagnostic.Kind.UNREADABLE, "", "--new-since " + revision
        + ": the comparison is incomplete: " + lost.size() + " problem(s) reading the base revision"
        + (paths.isEmpty() ? "" : " (" + String.join(", ", paths.subList(0, Math.min(NAMED_IN_SUMMARY, paths.size())))
            + (paths.size() > NAMED_IN_SUMMARY ? ", and " + (paths.size() - NAMED_IN_SUMMARY) + " more" : "") + ")")
        + "; findings may look unchanged that are new"
        + (missingBlobs ? "; fetch the base revision's blobs (this is a partial clone: for actions/checkout, do not"
            + " use filter: blob:none)" : "")));
    return new AnalysisResult(compared.graph(), compared.rules(), compared.findings(), notifications,
        compared.comparison());
  }

  private static AnalysisResult compareComplete(AnalysisResult head, AnalysisResult base, String revision) {

    List<Finding> now = head.findings().stream().filter(f -> !f.isSuppressed()).toList();
    List<Finding> before = base.findings().stream().filter(f -> !f.isSuppressed()).toList();
    FingerprintMatch<Finding> match = FingerprintMatch.of(now, before, Finding::fingerprint);
    return head.withComparison(head.findings(), new Comparison(revision, match.unmatched(), match.matched(),
        match.leftOver().stream().map(FixedFinding::of).toList()));
  }
}
