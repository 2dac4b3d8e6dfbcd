package io.ambientlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.Analyzer;
import io.ambientlint.core.Outcome;
import io.ambientlint.core.config.Config;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.model.Service;
import io.ambientlint.core.report.JsonReporter;
import io.ambientlint.core.report.SarifReporter;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.rule.RuleRegistry;
import io.ambientlint.core.severity.Severity;
import io.ambientlint.testing.SarifSchema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule that throws (a bug meeting an input nobody foresaw) costs only its own results: the real rule set
 * still reports exactly what it reports without it, the failure is a tool notification naming the rule, the
 * exit code is 4 and the SARIF stays valid.
 */
class RuleFailureIsolationTest {

  @TempDir
  Path dir;

  /** Reports on every Service, then fails: what it reported before failing is kept. */
  static final class HalfwayRule implements Rule {
    static final RuleMetadata META = RuleMetadata.builder("AL990", "test-halfway")
        .severity(Severity.WARNING).summary("s").description("d").help("h").build();

    @Override
    public RuleMetadata metadata() {
      return META;
    }

    @Override
    public void check(MeshGraph graph, Findings findings) {
      for (Service s : graph.services()) {
        findings.report(META, s.resource().nameNode(), "seen %s", s.displayName());
      }
      throw new ClassCastException("class com.fasterxml.jackson.databind.node.TextNode cannot be cast to ObjectNode");
    }
  }

  /** Recurses without end: a stack overflow is a rule failure too, not the end of the run. */
  static final class RecursingRule implements Rule {
    static final RuleMetadata META = RuleMetadata.builder("AL991", "test-recursing")
        .severity(Severity.ERROR).summary("s").description("d").help("h").build();

    @Override
    public RuleMetadata metadata() {
      return META;
    }

    @Override
    public void check(MeshGraph graph, Findings findings) {
      recurse(0);
    }

    private static int recurse(int depth) {
      return recurse(depth + 1) + 1;
    }
  }

  @Test
  void failingRulesAreNotificationsAndTheOtherRulesStillReport() throws IOException {
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo);
    for (String name : List.of("mesh.yaml", "routes.yaml")) {
      Files.copy(Path.of(getClass().getClassLoader().getResource("malformed/good/" + name).getPath()), repo.resolve(name));
    }
    RuleRegistry real = RuleRegistry.load();
    List<Rule> rules = new ArrayList<>(real.rules());
    rules.add(new HalfwayRule());
    rules.add(new RecursingRule());

    AnalysisResult alone = analyze(real);
    AnalysisResult mixed = analyze(new RuleRegistry(rules));

    assertThat(json(mixed, f -> !f.ruleId().startsWith("AL99"))).isNotEmpty().isEqualTo(json(alone, f -> true));
    assertThat(mixed.findings()).filteredOn(f -> f.ruleId().equals("AL990")).extracting(f -> f.message())
        .containsExactly("seen Service shop/cart", "seen Service shop/cart");
    assertThat(mixed.notificationsOf(Diagnostic.Kind.RULE_FAILURE)).extracting(Diagnostic::message).satisfiesExactlyInAnyOrder(
        m -> assertThat(m).startsWith("rule AL990 (test-halfway) failed and its results are incomplete: java.lang.ClassCastException"),
        m -> assertThat(m).startsWith("rule AL991 (test-recursing) failed and its results are incomplete: java.lang.StackOverflowError"));
    assertThat(mixed.outcome(Config.DEFAULTS.failOn())).isEqualTo(Outcome.INTERNAL_ERROR);

    StringWriter sarif = new StringWriter();
    new SarifReporter().write(mixed, sarif);
    assertThat(SarifSchema.violations(sarif.toString())).isEmpty();
    JsonNode invocation = new ObjectMapper().readTree(sarif.toString()).at("/runs/0/invocations/0");
    assertThat(invocation.path("executionSuccessful").asBoolean()).isFalse();
    assertThat(invocation.path("toolExecutionNotifications").findValuesAsText("text"))
        .anySatisfy(t -> assertThat(t).startsWith("rule AL991 (test-recursing) failed"));
  }

  private AnalysisResult analyze(RuleRegistry rules) {
    return new Analyzer(Config.DEFAULTS, rules, dir).analyze(List.of("repo"), new ByteArrayInputStream(new byte[0]));
  }

  private static List<JsonNode> json(AnalysisResult result, java.util.function.Predicate<io.ambientlint.core.rule.Finding> filter) {
    return result.findings().stream().filter(filter).map(f -> (JsonNode) JsonReporter.toJson(f)).toList();
  }
}
