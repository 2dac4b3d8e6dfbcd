package io.ambientlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.Analyzer;
import io.ambientlint.core.config.Config;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.load.LoadLimits;
import io.ambientlint.core.report.JsonReporter;
import io.ambientlint.core.report.SarifReporter;
import io.ambientlint.core.report.TextReporter;
import io.ambientlint.core.rule.RuleRegistry;
import io.ambientlint.testing.SarifSchema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Fuzzes the whole pipeline: bytes on standard input -> load -> model -> graph -> every rule -> reports. No
 * exception may escape, neither the parser nor any rule may fail (both are reported and the run goes on, but on
 * any input they are bugs), and the SARIF must validate against the 2.1.0 schema. Regression inputs live in
 * {@code PipelineFuzzTestInputs/<method>/}.
 */
class PipelineFuzzTest {

  private static final RuleRegistry RULES = RuleRegistry.load();
  private static final Config CONFIG = Config.builder()
      .limits(new LoadLimits(64 * 1024, 10, 32, 50, 5_000))
      .build();

  @FuzzTest(maxDuration = "30s")
  void anyInputGivesValidSarifAndNoRuleFails(byte[] input) throws IOException {
    AnalysisResult result = new Analyzer(CONFIG, RULES, Path.of(""))
        .analyze(List.of("-"), new ByteArrayInputStream(input));
    assertThat(result.notificationsOf(Diagnostic.Kind.RULE_FAILURE)).isEmpty();
    // The loader turns a parser crash into an unreadable file; for the fuzzer it is still a crash.
    assertThat(result.notifications()).noneMatch(d -> d.message().contains("internal error"));
    StringWriter sarif = new StringWriter();
    new SarifReporter().write(result, sarif);
    assertThat(SarifSchema.violations(sarif.toString())).isEmpty();
    new TextReporter(false).write(result, new StringWriter());
    new JsonReporter().write(result, new StringWriter());
  }
}
