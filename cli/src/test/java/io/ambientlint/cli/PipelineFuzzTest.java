package io.ambientlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.Analyzer;
import io.ambientlint.core.config.Config;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.load.LoadLimits;
import io.ambientlint.core.report.CheckstyleReporter;
import io.ambientlint.core.report.GitlabCodeQualityReporter;
import io.ambientlint.core.report.JsonReporter;
import io.ambientlint.core.report.JunitReporter;
import io.ambientlint.core.report.Reporter;
import io.ambientlint.core.report.SarifReporter;
import io.ambientlint.core.report.SourceRoot;
import io.ambientlint.core.report.TextReporter;
import io.ambientlint.core.rule.RuleRegistry;
import io.ambientlint.testing.SarifSchema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.xml.sax.SAXException;

/**
 * Fuzzes the whole pipeline: bytes on standard input -> load -> model -> graph -> every rule -> reports. No
 * exception may escape, neither the parser nor any rule may fail (both are reported and the run goes on, but on
 * any input they are bugs), the SARIF must validate against the 2.1.0 schema and the JUnit and checkstyle XML
 * must be well-formed. Regression inputs live in
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
    for (Reporter xml : List.of(new JunitReporter(SourceRoot.UNCHANGED), new CheckstyleReporter(SourceRoot.UNCHANGED))) {
      StringWriter out = new StringWriter();
      xml.write(result, out);
      assertWellFormedXml(out.toString());
    }
    StringWriter gitlab = new StringWriter();
    new GitlabCodeQualityReporter(SourceRoot.UNCHANGED).write(result, gitlab);
    assertThat(new ObjectMapper().readTree(gitlab.toString()).isArray()).isTrue();
  }

  private static void assertWellFormedXml(String xml) throws IOException {
    try {
      DocumentBuilderFactory.newInstance().newDocumentBuilder()
          .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (ParserConfigurationException | SAXException e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + xml, e);
    }
  }
}
