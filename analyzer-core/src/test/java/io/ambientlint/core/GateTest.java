package io.ambientlint.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.baseline.Baseline;
import io.ambientlint.core.baseline.BaselineEntry;
import io.ambientlint.core.config.Config;
import io.ambientlint.core.config.FailOn;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.model.Service;
import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.rule.RuleRegistry;
import io.ambientlint.core.severity.Severity;
import io.ambientlint.testing.TestGraphs;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Caps shorten the report only: suppressions, baselines and the exit code see every finding. */
class GateTest {

  /** {@code count} findings on the one Service, "finding 0", "finding 1", ... */
  record CountingRule(int count) implements Rule {
    static final RuleMetadata META = RuleMetadata.builder("AL996", "test-count").severity(Severity.ERROR)
        .summary("s").description("d").help("h").tags("t").build();

    @Override
    public RuleMetadata metadata() {
      return META;
    }

    @Override
    public void check(MeshGraph graph, Findings findings) {
      for (Service s : graph.services()) {
        for (int i = 0; i < count; i++) {
          findings.report(META, s.node("/spec/ports/0/port"), "finding %d on %s", i, s.name());
        }
      }
    }
  }

  private static final String YAML =
      "apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: x}\nspec: {ports: [{port: 80}]}\n";

  private static AnalysisResult analyze(int count, Config config) {
    return new Analyzer(config, new RuleRegistry(List.of(new CountingRule(count))), Path.of("."))
        .analyze(TestGraphs.fromYaml(YAML, config));
  }

  @Test
  void acceptedFindingsAtTheCapDoNotHideNewOnes() {
    Config config = Config.builder().maxFindingsPerRule(3).build();
    // Yesterday's run: 3 findings, all accepted into the baseline.
    Baseline accepted = Baseline.of(analyze(3, config));
    // Today two more: the cap (3) is full of accepted findings.
    AnalysisResult today = accepted.apply(analyze(5, config), "baseline.json").listed(config.maxFindingsPerRule());

    assertThat(today.outcome(FailOn.ERROR)).isEqualTo(Outcome.FINDINGS);
    assertThat(today.count(Severity.ERROR)).isEqualTo(2);
    assertThat(today.suppressedCount()).isEqualTo(3);
    // The list is shortened to 3, the counted (new) findings first.
    assertThat(today.findings()).hasSize(3);
    assertThat(today.activeFindings()).extracting(Finding::message).containsExactly("finding 3 on s", "finding 4 on s");
    assertThat(today.notificationsOf(Diagnostic.Kind.TRUNCATED)).singleElement()
        .satisfies(d -> assertThat(d.message()).startsWith("rule AL996 reported 5 findings (2 counted); only 3 are listed"));
    assertThat(today.comparison().orElseThrow().introduced()).hasSize(2);
  }

  @Test
  void aShortenedListCannotBeComparedAgain() {
    Config config = Config.builder().maxFindingsPerRule(1).build();
    AnalysisResult listed = analyze(2, config).listed(1);
    assertThat(listed.isShortened()).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Baseline(List.<BaselineEntry>of()).apply(listed, "b"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void findingsPastTheMemoryLimitMakeTheRunIncomplete() {
    Config config = Config.builder().maxFindingsKept(4).build();
    AnalysisResult result = analyze(5, config);
    assertThat(result.findings()).hasSize(4);
    assertThat(result.notificationsOf(Diagnostic.Kind.LIMIT)).singleElement().satisfies(d ->
        assertThat(d.message()).startsWith("rule AL996 reported 5 findings; only the first 4 were kept (limits.maxFindingsKept)"));
    // Even when nothing would fail: what was not kept could not be judged.
    assertThat(result.outcome(FailOn.NONE)).isEqualTo(Outcome.INPUT_INCOMPLETE);
  }

  @Test
  void longTextCopiedIntoMessagesIsBounded() {
    Findings findings = new Findings();
    String name = "n".repeat(100_000);
    RuleMetadata meta = CountingRule.META;
    MeshGraph graph = TestGraphs.fromYaml(YAML);
    Service s = graph.services().get(0);
    findings.report(meta, s.node("/spec"), "service %s and %s", name, name);
    findings.report(meta, s.node("/spec"), name);
    List<Finding> list = findings.toList();
    assertThat(list.get(0).message()).hasSizeLessThan(2 * Findings.MAX_ARGUMENT_CHARS + 20).contains("n\u2026 and n");
    assertThat(list.get(1).message()).hasSize(Findings.MAX_MESSAGE_CHARS).endsWith("\u2026");
    assertThat(Optional.of(list.get(0).fingerprint())).isNotEmpty();
  }
}
