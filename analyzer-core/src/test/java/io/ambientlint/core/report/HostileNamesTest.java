package io.ambientlint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.Analyzer;
import io.ambientlint.core.config.Config;
import io.ambientlint.core.rule.RuleRegistry;
import io.ambientlint.core.text.Escape;
import io.ambientlint.testing.SarifSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every reporter, fed names, label values and file names a pull request can hold: workflow commands after a
 * newline, terminal escapes, bidirectional overrides, Markdown links and HTML, a Mermaid directive, a lone
 * surrogate. Each report must stay in its own syntax and be valid UTF-8.
 */
class HostileNamesTest {

  private static final Pattern RUNNER_COMMAND = Pattern.compile("^[\\s\\p{M}\\p{Cf}]*:|#[\\p{M}\\p{Cf}\\p{Cc}]*#[\\p{M}\\p{Cf}\\p{Cc}]*\\[");

  @TempDir
  static Path dir;

  static AnalysisResult result;

  @BeforeAll
  static void analyze() throws IOException {
    Files.writeString(dir.resolve("::error file=x::pwned.yaml"), """
        apiVersion: v1
        kind: Service
        metadata:
          name: "x\\n::error file=a.yaml::pwned\\e[2J\\u202E##[add-mask]k"
          namespace: books
          labels: {istio.io/use-waypoint: "%%{init: {\\"securityLevel\\": \\"loose\\"}}%%\\"] --> n9[\\"x"}
        spec: {ports: [{port: 80}]}
        """);
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/line\nbreak ##[group] [x](https:evil) <img src=x>.yaml"), """
        apiVersion: v1
        kind: Service
        metadata: {name: "s\\udc00 | <img src=x onerror=alert(1)> [l](https://evil.example)", namespace: books}
        spec: {ports: [{port: 80}]}
        """);
    result = new Analyzer(Config.DEFAULTS, new RuleRegistry(List.of(new ReportersTest.PortRule(),
        new MarkdownReporterTest.NameRule())), dir).analyze(List.of("."), InputStream.nullInputStream());
    assertThat(result.activeFindings()).hasSize(4);
  }

  private static String render(Reporter reporter) throws IOException {
    StringWriter out = new StringWriter();
    reporter.write(result, out);
    return out.toString();
  }

  /** The report as written to a file by the CLI and the Maven plugin, decoded strictly as UTF-8. */
  private static String writtenAsFile(Reporter reporter, String name) throws IOException {
    Path file = dir.resolve("reports").resolve(name);
    ReportFiles.write(file, out -> reporter.write(result, out));
    return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
  }

  @Test
  void textHasOneLinePerFindingRelatedPlaceAndSummaryAndNoCommand() throws IOException {
    String text = render(new TextReporter(false));
    List<String> lines = text.lines().toList();
    assertThat(lines).hasSize(4 + 2 + 1); // 4 findings, the 2 port findings' related places, the summary
    for (String line : lines) {
      assertThat(line).doesNotContainPattern(RUNNER_COMMAND);
      assertThat(line.codePoints().noneMatch(Escape::isControl)).as(line).isTrue();
    }
    assertThat(text).contains("\\u003A:error file=x::pwned.yaml:4:9: error AL997 Service books/x\\n::error file=a.yaml::pwned\\u001B[2J\\u202E\\u0023#[add-mask]k");
    assertThat(text).contains("sub/line\\nbreak \\u0023#[group]").contains("books/s\\uDC00 | <img");
  }

  @Test
  void annotationsAreOneCommandEachWithEscapedDataAndProperties() throws IOException {
    List<String> lines = render(new GithubAnnotationsReporter()).lines().toList();
    assertThat(lines).hasSize(4);
    for (String line : lines) {
      assertThat(line).matches("::(error|warning) file=[^,:]+,line=\\d+,endLine=\\d+,col=\\d+(,endColumn=\\d+)?,title=[^,:]+::.*");
      assertThat(line.codePoints().noneMatch(Escape::isControl)).as(line).isTrue();
    }
    assertThat(lines).anyMatch(l -> l.startsWith("::error file=%3A%3Aerror file=x%3A%3Apwned.yaml,line=4,"));
    assertThat(lines).anyMatch(l -> l.contains("file=sub/line%0Abreak ##[group] [x](https%3Aevil) <img src=x>.yaml,"));
  }

  @Test
  void jsonAndSarifAreValidUtf8WithTheLoneSurrogateReplaced() throws IOException {
    JsonNode json = new ObjectMapper().readTree(writtenAsFile(new JsonReporter(), "report.json"));
    assertThat(json.findValuesAsText("object")).contains("core/Service/books/s\uFFFD | <img src=x onerror=alert(1)> [l](https://evil.example)");
    String sarif = writtenAsFile(new SarifReporter(), "report.sarif");
    assertThat(SarifSchema.violations(sarif)).isEmpty();
    // The reporter itself replaces it, whatever writer it is given (standard output replaces it with '?').
    String unwritten = render(new SarifReporter());
    assertThat(unwritten).isEqualTo(Escape.json(unwritten)).contains("books/s\uFFFD | <img");
    assertThat(new ObjectMapper().readTree(sarif).findValuesAsText("uri"))
        .contains("%3A%3Aerror%20file%3Dx%3A%3Apwned.yaml",
            "sub/line%0Abreak%20%23%23%5Bgroup%5D%20%5Bx%5D%28https%3Aevil%29%20%3Cimg%20src%3Dx%3E.yaml");
  }

  @Test
  void markdownKeepsEveryNameInsideItsCellAndPassesNoHtmlLinkOrDirective() throws IOException {
    String md = writtenAsFile(new MarkdownReporter(), "summary.md");
    List<String> rows = md.lines().filter(l -> l.startsWith("| **error**") || l.startsWith("| warning")).toList();
    assertThat(rows).hasSize(4);
    for (String row : rows) {
      assertThat(row.split("(?<!\\\\)\\|", -1)).as(row).hasSize(6); // 4 cells between 5 unescaped pipes
      // Take out the code spans and the report's own links (rule docs, file): nothing else may link or be HTML.
      String prose = row.replaceAll("(`+)(?!`).*?(?<!`)\\1(?!`)", "CODE").replaceAll("\\[(AL\\d+|CODE)\\]\\([^)\\s]*\\)", "LINK");
      assertThat(prose).as(row).startsWith("| ").contains("LINK").doesNotContain("<").doesNotContainPattern("(?<!\\\\)[\\[\\]!`]");
    }
    assertThat(md).doesNotContain("\uDC00");
    String graph = md.substring(md.indexOf("```mermaid"), md.lastIndexOf("```"));
    assertThat(graph).doesNotContain("%%").doesNotContain("securityLevel\"");
    assertThat(graph.lines().filter(l -> l.contains("[\"") || l.contains("{{\"")))
        .allMatch(l -> l.matches("\\s+(n\\d+(\\[\"|\\{\\{\")[^\"]*(\"\\]|\"\\}\\})|subgraph c\\d+ \\[\"[^\"]*\"\\])"));
  }
}
