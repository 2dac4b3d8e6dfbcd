package io.ambientlint.rules.waypoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.Analyzer;
import io.ambientlint.core.config.Config;
import io.ambientlint.core.diagram.DiagramContributors;
import io.ambientlint.core.diagram.MermaidRenderer;
import io.ambientlint.core.explain.ExplainSections;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.rule.RuleRegistry;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Istio's ambient Argo CD sample (from {@code ../shared/corpus}, skipped when absent): its two waypoints are
 * named by no label in the repository, and its Helm chart is skipped, not parsed.
 */
class AmbientArgoCorpusTest {

  private static Path sample() {
    String root = System.getProperty("ambientlint.projectRoot");
    Path project = root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
    return project.resolve("../shared/corpus/istio/samples").normalize();
  }

  @Test
  void bothWaypointsAreUnusedAndNothingCrashes() {
    Path samples = sample();
    assumeTrue(Files.isDirectory(samples.resolve("ambient-argo")), "corpus not present");
    AnalysisResult result = new Analyzer(Config.DEFAULTS, RuleRegistry.load(), samples)
        .analyze(List.of("ambient-argo"), new ByteArrayInputStream(new byte[0]));
    List<String> unused = result.findings().stream().filter(f -> f.ruleId().equals("AL111"))
        .map(f -> f.subject().orElseThrow().toString()).sorted().toList();
    assertThat(unused).containsExactly("Gateway/ambient/bookinfo-details", "Gateway/ambient/bookinfo-reviews");
    assertThat(result.findings()).extracting(Finding::ruleId).allMatch(id -> !id.startsWith("AL1") || id.equals("AL111"));
    assertThat(result.notificationsOf(Diagnostic.Kind.SKIPPED)).extracting(Diagnostic::path)
        .anyMatch(p -> p.startsWith("ambient-argo/tag-chart/templates/"));
    assertThat(result.notificationsOf(Diagnostic.Kind.RULE_FAILURE)).isEmpty();
    // explain and graph work on the same input.
    result.graph().waypoints().forEach(g -> assertThat(ExplainSections.explain(result.graph(), g.resource()).toText())
        .contains("used by nothing"));
    assertThat(new MermaidRenderer().render(DiagramContributors.build(result.graph())))
        .contains("waypoint bookinfo-details (istio-waypoint)");
  }
}
