package io.ambientlint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.Analyzer;
import io.ambientlint.core.config.Config;
import io.ambientlint.core.rule.RuleRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GithubAnnotationsReporterTest {

  @Test
  void escapesDataAndPropertiesAsTheActionsToolkitDoes() {
    assertThat(GithubAnnotationsReporter.escapeData("100% sure\r\nnext: a,b")).isEqualTo("100%25 sure%0D%0Anext: a,b");
    assertThat(GithubAnnotationsReporter.escapeProperty("AL1 x: a,b%\n")).isEqualTo("AL1 x%3A a%2Cb%25%0A");
  }

  @Test
  void oneCommandPerActiveFindingWithFileLineAndColumn(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("m,1"));
    Files.writeString(dir.resolve("m,1/a.yaml"), "apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: x}\n"
        + "spec: {ports: [{port: 80}]}\n");
    AnalysisResult result = new Analyzer(Config.DEFAULTS,
        new RuleRegistry(List.of(new ReportersTest.PortRule(), new MarkdownReporterTest.NameRule())), dir)
        .analyze(List.of("m,1"), InputStream.nullInputStream());
    StringWriter out = new StringWriter();
    new GithubAnnotationsReporter().write(result, out);
    assertThat(out.toString()).isEqualTo(
        "::error file=m%2C1/a.yaml,line=3,endLine=3,col=18,endColumn=19,title=AL997 test-name"
            + "::Service x/s: a|b <script>%0Asecond line\n"
        + "::warning file=m%2C1/a.yaml,line=4,endLine=4,col=23,endColumn=25,title=AL999 test-port::port of Service x/s\n");
  }
}
