package io.ambientlint.core;

import io.ambientlint.core.config.FailOn;
import io.ambientlint.core.gitops.AnalyzedDeployment;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The outcome of one analysis: the graph, findings in output order (path, line, column, rule), the tool
 * notifications (files skipped or unreadable, rules that failed), and, when the run compared against a
 * baseline file or a Git revision, which findings are new, unchanged or fixed.
 *
 * <p>{@code totals} counts every finding of the analysis. After {@link #listed} has shortened the list for the
 * report, the counts and the outcome (exit code) still come from the totals: a cap never hides a finding from the gate.
 * {@code graph} is the first cluster's graph; {@code deployment} holds every cluster's.
 */
public record AnalysisResult(MeshGraph graph, List<RuleMetadata> rules, List<Finding> findings,
    List<Diagnostic> notifications, Optional<Comparison> comparison, Totals totals, AnalyzedDeployment deployment) {

  public AnalysisResult {
    rules = List.copyOf(rules);
    findings = List.copyOf(findings);
    notifications = List.copyOf(notifications);
  }

  public AnalysisResult(MeshGraph graph, List<RuleMetadata> rules, List<Finding> findings,
      List<Diagnostic> notifications, Optional<Comparison> comparison, AnalyzedDeployment deployment) {
    this(graph, rules, findings, notifications, comparison, Totals.of(findings, comparison), deployment);
  }

  public AnalysisResult(MeshGraph graph, List<RuleMetadata> rules, List<Finding> findings,
      List<Diagnostic> notifications, Optional<Comparison> comparison) {
    this(graph, rules, findings, notifications, comparison, AnalyzedDeployment.single(graph));
  }

  public AnalysisResult(MeshGraph graph, List<RuleMetadata> rules, List<Finding> findings, List<Diagnostic> notifications) {
    this(graph, rules, findings, notifications, Optional.empty());
  }

  /** Files read, whichever cluster they went to. */
  public int fileCount() {
    return deployment.fileCount();
  }

  /** Objects as applied: one applied to two clusters counts twice. */
  public int resourceCount() {
    return deployment.resourceCount();
  }

  /** Counts of all the findings of an analysis, whether listed or not. */
  public record Totals(long errors, long warnings, long notes, long suppressed, int findings) {

    static Totals of(List<Finding> findings, Optional<Comparison> comparison) {
      long[] active = new long[Severity.values().length];
      long suppressed = 0;
      for (Finding f : findings) {
        if (f.isSuppressed()) {
          suppressed++;
        } else if (comparison.map(c -> !c.isUnchanged(f)).orElse(true)) {
          active[f.severity().ordinal()]++;
        }
      }
      return new Totals(active[Severity.ERROR.ordinal()], active[Severity.WARNING.ordinal()],
          active[Severity.NOTE.ordinal()], suppressed, findings.size());
    }

    long active(Severity s) {
      return switch (s) {
        case ERROR -> errors;
        case WARNING -> warnings;
        case NOTE -> notes;
      };
    }
  }

  /** Whether {@link #listed} left findings out of {@link #findings}. */
  public boolean isShortened() {
    return totals.findings() != findings.size();
  }

  /** The same analysis with findings marked (suppressed by a baseline, say) and compared. */
  public AnalysisResult withComparison(List<Finding> markedFindings, Comparison c) {
    if (isShortened()) {
      // Comparing a shortened list would let the cap decide what is new: compare first, then shorten.
      throw new IllegalStateException("compare before shortening the list of findings");
    }
    return new AnalysisResult(graph, rules, markedFindings, notifications, Optional.of(c), deployment);
  }

  /**
   * The result as a report lists it: at most {@code maxPerRule} findings of each rule, those that count
   * (active) first, then suppressed or unchanged ones, each in output order; a note names each rule cut. Run
   * after suppressions, baseline and comparison: the counts and the outcome keep covering every finding.
   */
  public AnalysisResult listed(int maxPerRule) {
    Map<String, Integer> perRule = new HashMap<>();
    for (Finding f : findings) {
      perRule.merge(f.ruleId(), 1, Integer::sum);
    }
    if (perRule.values().stream().allMatch(n -> n <= maxPerRule)) {
      return this;
    }
    Set<Finding> kept = Collections.newSetFromMap(new IdentityHashMap<>());
    Map<String, Integer> keptPerRule = new HashMap<>();
    for (boolean activePass : new boolean[] {true, false}) {
      for (Finding f : findings) {
        if (isActive(f) == activePass && keptPerRule.getOrDefault(f.ruleId(), 0) < maxPerRule) {
          kept.add(f);
          keptPerRule.merge(f.ruleId(), 1, Integer::sum);
        }
      }
    }
    List<Finding> list = new ArrayList<>(kept.size());
    for (Finding f : findings) {
      if (kept.contains(f)) {
        list.add(f);
      }
    }
    List<Diagnostic> notes = new ArrayList<>(notifications);
    perRule.entrySet().stream().filter(e -> e.getValue() > maxPerRule).map(Map.Entry::getKey).sorted().forEach(id -> {
      long active = findings.stream().filter(f -> f.ruleId().equals(id) && isActive(f)).count();
      notes.add(Diagnostic.ofFile(Diagnostic.Kind.TRUNCATED, "", "rule " + id + " reported " + perRule.get(id)
          + " findings (" + active + " counted); only " + maxPerRule + " are listed, counted ones first"
          + " (limits.maxFindingsPerRule); the counts and the exit code include all of them"));
    });
    return new AnalysisResult(graph, rules, list, notes, comparison, totals, deployment);
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
    return totals.active(severity);
  }

  public long suppressedCount() {
    return totals.suppressed();
  }

  public long failingCount(FailOn failOn) {
    long n = 0;
    for (Severity s : Severity.values()) {
      if (failOn.fails(s)) {
        n += totals.active(s);
      }
    }
    return n;
  }

  public List<Diagnostic> notificationsOf(Diagnostic.Kind kind) {
    return notifications.stream().filter(d -> d.kind() == kind).toList();
  }

  /**
   * docs/architecture.md "Exit codes", first match wins: a rule failed; some input could not be read or was over
   * a load limit (or a comparison was incomplete); findings at or above the threshold; else passed.
   */
  public Outcome outcome(FailOn failOn) {
    if (!notificationsOf(Diagnostic.Kind.RULE_FAILURE).isEmpty()) {
      return Outcome.INTERNAL_ERROR;
    }
    if (notifications.stream().anyMatch(d -> d.kind().isInputLoss())) {
      return Outcome.INPUT_INCOMPLETE;
    }
    return failingCount(failOn) > 0 ? Outcome.FINDINGS : Outcome.PASSED;
  }
}
