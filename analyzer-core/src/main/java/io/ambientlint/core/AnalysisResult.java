package io.ambientlint.core;

import io.ambientlint.core.baseline.Comparison;
import io.ambientlint.core.config.FailOn;
import io.ambientlint.core.gitops.AnalyzedDeployment;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.rule.Severity;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one analysis: the graph, findings in output order (path, line, column, rule), the tool
 * notifications (files skipped or unreadable, rules that failed), and, when the run compared against a
 * baseline file or a Git revision, which findings are new, unchanged or fixed. {@code graph} is the first
 * cluster's graph; {@code deployment} holds every cluster's.
 */
public record AnalysisResult(MeshGraph graph, List<RuleMetadata> rules, List<Finding> findings,
    List<Diagnostic> notifications, Optional<Comparison> comparison, AnalyzedDeployment deployment) {

  public static final int EXIT_OK = 0;
  public static final int EXIT_FINDINGS = 1;
  public static final int EXIT_USAGE = 2;
  public static final int EXIT_UNREADABLE_INPUT = 3;
  public static final int EXIT_INTERNAL_ERROR = 4;

  public AnalysisResult {
    rules = List.copyOf(rules);
    findings = List.copyOf(findings);
    notifications = List.copyOf(notifications);
  }

  public AnalysisResult(MeshGraph graph, List<RuleMetadata> rules, List<Finding> findings, List<Diagnostic> notifications) {
    this(graph, rules, findings, notifications, Optional.empty(), AnalyzedDeployment.single(graph));
  }

  public AnalysisResult(MeshGraph graph, List<RuleMetadata> rules, List<Finding> findings, List<Diagnostic> notifications,
      Optional<Comparison> comparison) {
    this(graph, rules, findings, notifications, comparison, AnalyzedDeployment.single(graph));
  }

  /** The same analysis with findings marked (suppressed by a baseline, say) and compared. */
  public AnalysisResult withComparison(List<Finding> markedFindings, Comparison c) {
    return new AnalysisResult(graph, rules, markedFindings, notifications, Optional.of(c), deployment);
  }

  /** Files read, whichever cluster they went to. */
  public int fileCount() {
    return deployment.fileCount();
  }

  /** Objects as applied: one applied to two clusters counts twice. */
  public int resourceCount() {
    return deployment.resourceCount();
  }

  /**
   * Whether a finding counts (is listed, counted, and can fail the run): not suppressed, and not already there
   * before when the run compared against a baseline or a Git revision.
   */
  public boolean isActive(Finding f) {
    return !f.isSuppressed() && comparison.map(c -> !c.isUnchanged(f)).orElse(true);
  }

  public List<Finding> activeFindings() {
    return findings.stream().filter(this::isActive).toList();
  }

  public long count(Severity severity) {
    return findings.stream().filter(f -> isActive(f) && f.severity() == severity).count();
  }

  public long suppressedCount() {
    return findings.stream().filter(Finding::isSuppressed).count();
  }

  public long failingCount(FailOn failOn) {
    return findings.stream().filter(f -> isActive(f) && failOn.fails(f.severity())).count();
  }

  public List<Diagnostic> notificationsOf(Diagnostic.Kind kind) {
    return notifications.stream().filter(d -> d.kind() == kind).toList();
  }

  /**
   * DESIGN §5: 4 a rule failed, 3 some input could not be read or was over a load limit, 1 findings at or above
   * the threshold, else 0.
   */
  public int exitCode(FailOn failOn) {
    if (!notificationsOf(Diagnostic.Kind.RULE_FAILURE).isEmpty()) {
      return EXIT_INTERNAL_ERROR;
    }
    if (notifications.stream().anyMatch(d -> d.kind().isInputLoss())) {
      return EXIT_UNREADABLE_INPUT;
    }
    return failingCount(failOn) > 0 ? EXIT_FINDINGS : EXIT_OK;
  }
}
