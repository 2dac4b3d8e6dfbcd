package io.ambientlint.core.baseline;

import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.Analyzer;
import io.ambientlint.core.config.ConfigException;
import io.ambientlint.core.load.GitRevisionSource;
import io.ambientlint.core.rule.Finding;
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

  /** Compares two results' unsuppressed findings; the returned result is {@code head}, compared. */
  public static AnalysisResult compare(AnalysisResult head, AnalysisResult base, String revision) {
    List<Finding> now = head.findings().stream().filter(f -> !f.isSuppressed()).toList();
    List<Finding> before = base.findings().stream().filter(f -> !f.isSuppressed()).toList();
    FingerprintMatch<Finding> match = FingerprintMatch.of(now, before, Finding::fingerprint);
    return head.withComparison(head.findings(), new Comparison(revision, match.unmatched(), match.matched(),
        match.leftOver().stream().map(FixedFinding::of).toList()));
  }
}
