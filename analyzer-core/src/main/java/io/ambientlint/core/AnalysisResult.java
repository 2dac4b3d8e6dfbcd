package io.ambientlint.core;

import io.ambientlint.core.config.FailOn;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.rule.Severity;
import java.util.List;

/**
 * The outcome of one analysis: the graph, findings in output order (path, line, column, rule), and the tool
 * notifications (files skipped or unreadable, rules that failed).
 */
public record AnalysisResult(MeshGraph graph, List<RuleMetadata> rules, List<Finding> findings,
    List<Diagnostic> notifications) {

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

  public List<Finding> activeFindings() {
    return findings.stream().filter(f -> !f.isSuppressed()).toList();
  }

  public long count(Severity severity) {
    return findings.stream().filter(f -> !f.isSuppressed() && f.severity() == severity).count();
  }

  public long suppressedCount() {
    return findings.stream().filter(Finding::isSuppressed).count();
  }

  public long failingCount(FailOn failOn) {
    return findings.stream().filter(f -> !f.isSuppressed() && failOn.fails(f.severity())).count();
  }

  public List<Diagnostic> notificationsOf(Diagnostic.Kind kind) {
    return notifications.stream().filter(d -> d.kind() == kind).toList();
  }

  /** DESIGN §5: 4 a rule failed, 3 input unreadable, 1 findings at or above the threshold, else 0. */
  public int exitCode(FailOn failOn) {
    if (!notificationsOf(Diagnostic.Kind.RULE_FAILURE).isEmpty()) {
      return EXIT_INTERNAL_ERROR;
    }
    if (!notificationsOf(Diagnostic.Kind.UNREADABLE).isEmpty()) {
      return EXIT_UNREADABLE_INPUT;
    }
    return failingCount(failOn) > 0 ? EXIT_FINDINGS : EXIT_OK;
  }
}
