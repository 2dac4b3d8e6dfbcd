package io.ambientlint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.Analyzer;
import io.ambientlint.core.Outcome;
import io.ambientlint.core.config.Config;
import io.ambientlint.core.config.FailOn;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.Service;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.rule.RuleRegistry;
import io.ambientlint.core.severity.Severity;
import io.ambientlint.testing.SarifSchema;
import io.ambientlint.testing.TestGraphs;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportersTest {

  /** A rule that reports every Service's first port, with a related location. */
  static final class PortRule implements Rule {
    static final RuleMetadata META = RuleMetadata.builder("AL999", "test-port")
        .severity(Severity.WARNING).summary("s").description("d").help("h").tags("test").securitySeverity(7.5).build();

    @Override
    public RuleMetadata metadata() {
      return META;
    }

    @Override
    public void check(MeshGraph graph, Findings findings) {
      for (Service s : graph.services()) {
        findings.report(META, s.node("/spec/ports/0/port"), "port of %s", s.displayName()).related(s.resource().nameNode(), "the Service");
      }
    }
  }

  /** A rule that always throws: the others must still run. */
  static final class BrokenRule implements Rule {
    static final RuleMetadata META = RuleMetadata.builder("AL998", "test-broken")
        .severity(Severity.ERROR).summary("s").description("d").help("h").build();

    @Override
    public RuleMetadata metadata() {
      return META;
    }

    @Override
    public void check(MeshGraph graph, Findings findings) {
      throw new IllegalStateException("boom");
    }
  }

  private static final String YAML = """
      apiVersion: v1
      kind: Service
      metadata: {name: b, namespace: x}
      spec: {ports: [{port: 80}]}
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: a
        namespace: x
        annotations: {ambient-lint.io/ignore: "AL999: accepted for now"}
      spec:
        ports:
        - port: 81
      """;

  private static AnalysisResult analyze(Rule... rules) {
    return new Analyzer(Config.DEFAULTS, new RuleRegistry(List.of(rules)), Path.of(".")).analyze(TestGraphs.fromYaml(YAML));
  }

  private static String render(Reporter reporter, AnalysisResult result) throws IOException {
    StringWriter out = new StringWriter();
    reporter.write(result, out);
    return out.toString();
  }

  @Test
  void textIsCompilerStyleAndSuppressedFindingsDoNotCount() throws IOException {
    AnalysisResult result = analyze(new PortRule());
    String text = render(new TextReporter(false), result);
    assertThat(text).startsWith("<stdin>:4:23: warning AL999 port of Service x/b [test-port]\n    <stdin>:3:18: the Service\n");
    assertThat(text).doesNotContain("Service x/a");
    assertThat(text).contains("0 errors, 1 warning, 0 notes").contains("1 suppressed");
    assertThat(result.outcome(FailOn.WARNING)).isEqualTo(Outcome.FINDINGS);
    assertThat(result.outcome(FailOn.ERROR)).isEqualTo(Outcome.PASSED);
  }

  @Test
  void sarifValidatesAndCarriesRulesFingerprintsAndSuppressions() throws IOException {
    String sarif = render(new SarifReporter(), analyze(new PortRule(), new BrokenRule()));
    assertThat(SarifSchema.violations(sarif)).isEmpty();
    assertThat(sarif).contains("\"ruleIndex\" : 1").contains("ambientLintFingerprint/v1").contains("\"security-severity\" : \"7.5\"")
        .contains("\"kind\" : \"inSource\"").contains("accepted for now").contains("%SRCROOT%")
        .contains("\"executionSuccessful\" : false").contains("rule AL998 (test-broken) failed");
  }

  @Test
  void aFailingRuleIsANotificationAndExitCode4() {
    AnalysisResult result = analyze(new PortRule(), new BrokenRule());
    assertThat(result.findings()).hasSize(2);
    assertThat(result.outcome(FailOn.NONE)).isEqualTo(Outcome.INTERNAL_ERROR);
  }

  @Test
  void jsonListsFindingsWithSuppression() throws IOException {
    String json = render(new JsonReporter(), analyze(new PortRule()));
    assertThat(json).contains("\"warnings\" : 1").contains("\"suppressed\" : 1").contains("\"pointer\" : \"/spec/ports/0/port\"")
        .contains("\"object\" : \"core/Service/x/a\"");
  }

  @Test
  void fingerprintsIgnoreLinesButNotObjects() {
    String a = Findings.fingerprint("AL1", "core/Service/x/a", "/spec", "Service x/a at f.yaml:3:4 is wrong");
    String moved = Findings.fingerprint("AL1", "core/Service/x/a", "/spec", "Service x/a at g.yaml:30:4   is wrong");
    String other = Findings.fingerprint("AL1", "core/Service/x/b", "/spec", "Service x/a at f.yaml:3:4 is wrong");
    assertThat(a).isEqualTo(moved).isNotEqualTo(other);
  }
}
