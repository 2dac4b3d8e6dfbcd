package io.ambientlint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.Analyzer;
import io.ambientlint.core.Outcome;
import io.ambientlint.core.config.Config;
import io.ambientlint.core.config.FailOn;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.model.Service;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.rule.RuleRegistry;
import io.ambientlint.core.severity.Severity;
import io.ambientlint.testing.SarifSchema;
import io.ambientlint.testing.TestGraphs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** GitHub's limits on uploaded SARIF, and the per-rule findings limit, hold whatever the rules report. */
class SarifLimitsTest {

  /** Reports {@code count} findings on the one Service, each with {@code related} related locations. */
  record FloodRule(RuleMetadata meta, int count, int related, IntFunction<String> message) implements Rule {
    static RuleMetadata meta(int tags) {
      String[] names = new String[tags];
      for (int i = 0; i < tags; i++) {
        names[i] = "tag" + i;
      }
      return RuleMetadata.builder("AL997", "test-flood").severity(Severity.WARNING).summary("s").description("d")
          .help("h").tags(names).build();
    }

    FloodRule(int count, int related, IntFunction<String> message) {
      this(meta(1), count, related, message);
    }

    @Override
    public RuleMetadata metadata() {
      return meta;
    }

    @Override
    public void check(MeshGraph graph, Findings findings) {
      for (Service s : graph.services()) {
        for (int i = 0; i < count; i++) {
          Findings.Draft d = findings.report(meta, s.node("/spec/ports/0/port"), message.apply(i));
          for (int r = 0; r < related; r++) {
            d.related(s.node("/metadata/name"), "related " + r);
          }
        }
      }
    }
  }

  private static final String YAML = "apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: x}\nspec: {ports: [{port: 80}]}\n";

  private static AnalysisResult analyze(Rule rule, Config config) {
    return new Analyzer(config, new RuleRegistry(List.of(rule)), Path.of(".")).analyze(TestGraphs.fromYaml(YAML, config));
  }

  private static JsonNode sarif(AnalysisResult result) throws IOException {
    StringWriter out = new StringWriter();
    new SarifReporter().write(result, out);
    return new ObjectMapper().readTree(out.toString());
  }

  private static List<String> notifications(JsonNode sarif) {
    return sarif.at("/runs/0/invocations/0/toolExecutionNotifications").findValuesAsText("text");
  }

  @Test
  void atMost25000ResultsPerRunWithANotification() throws IOException {
    Config config = Config.builder().maxFindingsPerRule(30_000).build();
    JsonNode sarif = sarif(analyze(new FloodRule(25_003, 0, i -> "finding " + i), config));
    assertThat(sarif.at("/runs/0/results").size()).isEqualTo(SarifReporter.GITHUB_MAX_RESULTS);
    assertThat(notifications(sarif)).anySatisfy(n -> assertThat(n).startsWith("25003 findings; only the first 25000"));
  }

  @Test
  void atMost1000RelatedLocationsPerResult() throws IOException {
    String text = render(analyze(new FloodRule(1, 1_500, i -> "finding"), Config.DEFAULTS));
    JsonNode result = new ObjectMapper().readTree(text).at("/runs/0/results/0");
    assertThat(result.path("relatedLocations").size()).isEqualTo(SarifReporter.GITHUB_MAX_RELATED_LOCATIONS);
    assertThat(SarifSchema.violations(text)).isEmpty();
  }

  @Test
  void compressedSizeStaysWithinTheLimitByLeavingResultsOut() throws IOException {
    Random random = new Random(11);
    // Random text hardly compresses: 400 findings of 1,500 characters are ~450 kB gzipped.
    String[] messages = new String[400];
    for (int i = 0; i < messages.length; i++) {
      StringBuilder m = new StringBuilder();
      random.ints(1_500, 'a', 'z' + 1).forEach(c -> m.append((char) c));
      messages[i] = m.toString();
    }
    AnalysisResult result = analyze(new FloodRule(messages.length, 0, i -> messages[i]), Config.DEFAULTS);
    long limit = 100_000;
    String text = new SarifReporter().render(result, limit);
    assertThat(gzipSize(text)).isLessThanOrEqualTo(limit);
    JsonNode sarif = new ObjectMapper().readTree(text);
    int kept = sarif.at("/runs/0/results").size();
    assertThat(kept).isBetween(1, messages.length - 1);
    assertThat(notifications(sarif)).anySatisfy(n -> assertThat(n).startsWith("400 findings; only the first " + kept));
    assertThat(SarifSchema.violations(text)).isEmpty();
    // Under the real 10 MB limit all of them fit.
    assertThat(new ObjectMapper().readTree(render(result)).at("/runs/0/results").size()).isEqualTo(messages.length);
  }

  @Test
  void longMessagesAndTooManyTagsAreCut() throws IOException {
    Rule rule = new FloodRule(FloodRule.meta(25), 1, 0, i -> "x".repeat(10_000));
    JsonNode sarif = new ObjectMapper().readTree(render(analyze(rule, Config.DEFAULTS)));
    assertThat(sarif.at("/runs/0/results/0/message/text").asText()).hasSize(SarifReporter.MAX_MESSAGE_CHARS).endsWith("\u2026");
    assertThat(sarif.at("/runs/0/tool/driver/rules/0/properties/tags").size()).isEqualTo(SarifReporter.GITHUB_MAX_TAGS_PER_RULE);
  }

  @Test
  void findingsPerRuleAreCutWithANoteThatDoesNotChangeTheExitCode() throws IOException {
    Config config = Config.builder().maxFindingsPerRule(3).build();
    AnalysisResult result = analyze(new FloodRule(5, 0, i -> "finding " + i), config).listed(config.maxFindingsPerRule());
    assertThat(result.findings()).extracting(f -> f.message()).containsExactly("finding 0", "finding 1", "finding 2");
    assertThat(result.count(Severity.WARNING)).isEqualTo(5);
    assertThat(result.notificationsOf(Diagnostic.Kind.TRUNCATED)).singleElement().satisfies(d -> {
      assertThat(d.level()).isEqualTo(Severity.NOTE);
      assertThat(d.message()).isEqualTo("rule AL997 reported 5 findings (5 counted); only 3 are listed, counted ones"
          + " first (limits.maxFindingsPerRule); the counts and the exit code include all of them");
    });
    assertThat(result.outcome(FailOn.NONE)).isEqualTo(Outcome.PASSED);
    assertThat(result.outcome(FailOn.WARNING)).isEqualTo(Outcome.FINDINGS);
    assertThat(SarifSchema.violations(render(result))).isEmpty();
  }

  private static String render(AnalysisResult result) throws IOException {
    StringWriter out = new StringWriter();
    new SarifReporter().write(result, out);
    return out.toString();
  }

  private static long gzipSize(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.size();
  }
}
