package io.ambientlint.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.Analyzer;
import io.ambientlint.core.Comparison;
import io.ambientlint.core.FixedFinding;
import io.ambientlint.core.Outcome;
import io.ambientlint.core.config.Config;
import io.ambientlint.core.config.ConfigException;
import io.ambientlint.core.config.FailOn;
import io.ambientlint.core.report.JsonReporter;
import io.ambientlint.core.report.MarkdownReporter;
import io.ambientlint.core.report.SarifReporter;
import io.ambientlint.core.report.TextReporter;
import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.rule.RuleRegistry;
import io.ambientlint.testing.PortRule;
import io.ambientlint.testing.SarifSchema;
import io.ambientlint.testing.TestGraphs;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

  @TempDir
  Path dir;

  private static String service(String name, int... ports) {
    StringBuilder yaml = new StringBuilder("apiVersion: v1\nkind: Service\nmetadata: {name: " + name
        + ", namespace: books}\nspec:\n  ports:\n");
    for (int i = 0; i < ports.length; i++) {
      yaml.append("  - {name: p").append(i).append(", port: ").append(ports[i]).append("}\n");
    }
    return yaml.toString();
  }

  private static AnalysisResult analyze(String... documents) {
    return new Analyzer(Config.DEFAULTS, new RuleRegistry(List.of(new PortRule())), Path.of("."))
        .analyze(TestGraphs.fromYaml(String.join("---\n", documents)));
  }

  private static List<String> objects(List<Finding> findings) {
    return findings.stream().map(f -> f.subject().orElseThrow().name() + f.pointer()).toList();
  }

  @Test
  void theFileIsSortedIndentedAndFreeOfPositions() throws IOException {
    AnalysisResult result = analyze(service("zeta", 80), service("alpha", 80));
    Path file = dir.resolve("nested/baseline.json");

    Baseline.of(result).write(file);
    String text = Files.readString(file);

    assertThat(text).startsWith("{\n  \"tool\": \"ambient-lint\",\n  \"version\": 1,\n  \"findings\": [\n    {\n");
    assertThat(text.indexOf("core/Service/books/alpha")).isLessThan(text.indexOf("core/Service/books/zeta"));
    JsonNode entry = new ObjectMapper().readTree(text).get("findings").get(0);
    assertThat(entry.fieldNames()).toIterable().containsExactly("rule", "object", "pointer", "fingerprint", "message");
    assertThat(text).doesNotContain("line").doesNotContain("\"path\"");
    assertThat(Baseline.read(file, "b.json").entries()).isEqualTo(Baseline.of(result).entries());
    assertThat(Baseline.of(analyze(service("alpha", 80), service("zeta", 80))).toJson()).isEqualTo(text);
    assertThat(BaselineEntry.withoutPositions("also defined at m/a.yaml:3:18, and at <stdin>"))
        .isEqualTo("also defined at m/a.yaml, and at <stdin>");
  }

  @Test
  void acceptedFindingsAreSuppressedAndOnlyNewOnesFail() {
    Baseline baseline = Baseline.of(analyze(service("reviews", 80)));

    AnalysisResult result = baseline.apply(analyze(service("reviews", 80), service("ratings", 80)), "b.json");

    Comparison c = result.comparison().orElseThrow();
    assertThat(objects(c.introduced())).containsExactly("ratings/spec/ports/0/port");
    assertThat(objects(c.unchanged())).containsExactly("reviews/spec/ports/0/port");
    assertThat(c.fixed()).isEmpty();
    Finding accepted = c.unchanged().get(0);
    assertThat(accepted.suppression()).contains(new Finding.Suppression(Finding.Suppression.Kind.EXTERNAL, "accepted in baseline b.json"));
    assertThat(result.findings()).contains(accepted);
    assertThat(result.activeFindings()).isEqualTo(c.introduced());
    assertThat(result.failingCount(FailOn.ERROR)).isEqualTo(1);
    assertThat(baseline.apply(analyze(service("reviews", 80)), "b.json").outcome(FailOn.ERROR)).isEqualTo(Outcome.PASSED);
  }

  @Test
  void entriesNothingMatchesAreListedAsFixed() {
    Baseline baseline = Baseline.of(analyze(service("reviews", 80, 80), service("ratings", 80)));
    assertThat(baseline.entries()).hasSize(3);

    // ratings no longer exposes port 80; reviews' two findings differ by port name and both still match.
    AnalysisResult result = baseline.apply(analyze(service("reviews", 80, 80)), "b.json");

    Comparison c = result.comparison().orElseThrow();
    assertThat(c.fixed()).extracting(FixedFinding::object).containsExactly(Optional.of("core/Service/books/ratings"));
    assertThat(c.fixed().get(0).location()).isEmpty();
    assertThat(c.unchanged()).hasSize(2);
    assertThat(c.summary()).isEqualTo("introduced 0, fixed 1, unchanged 2");
  }

  @Test
  void equalFingerprintsMatchAsAMultiset() {
    Finding f = analyze(service("reviews", 80)).findings().get(0);
    BaselineEntry entry = BaselineEntry.of(f);
    FingerprintMatch<BaselineEntry> match = FingerprintMatch.of(List.of(f, f, f), List.of(entry, entry), BaselineEntry::fingerprint);
    assertThat(match.matched()).hasSize(2);
    assertThat(match.unmatched()).hasSize(1);
    assertThat(match.leftOver()).isEmpty();
  }

  @Test
  void findingsSuppressedInTheSourceAreNotBaselined() {
    String ignored = service("reviews", 80).replace("namespace: books}",
        "namespace: books, annotations: {ambient-lint.io/ignore: AL997}}");
    assertThat(Baseline.of(analyze(ignored, service("ratings", 80))).entries())
        .extracting(e -> e.object().orElseThrow()).containsExactly("core/Service/books/ratings");
  }

  @Test
  void reportersShowTheComparison() throws IOException {
    Baseline baseline = Baseline.of(analyze(service("reviews", 80), service("gone", 80)));
    AnalysisResult result = baseline.apply(analyze(service("reviews", 80), service("ratings", 80)), "b.json");

    StringWriter sarif = new StringWriter();
    new SarifReporter().write(result, sarif);
    assertThat(SarifSchema.violations(sarif.toString())).isEmpty();
    assertThat(sarif.toString()).contains("\"kind\" : \"external\"").contains("\"baselineState\" : \"unchanged\"")
        .contains("\"baselineState\" : \"new\"").doesNotContain("absent");

    StringWriter json = new StringWriter();
    new JsonReporter().write(result, json);
    JsonNode root = new ObjectMapper().readTree(json.toString());
    assertThat(root.path("introduced").findValuesAsText("object")).containsExactly("core/Service/books/ratings");
    assertThat(root.path("unchanged").findValuesAsText("object")).containsExactly("core/Service/books/reviews");
    assertThat(root.path("fixed").findValuesAsText("object")).containsExactly("core/Service/books/gone");
    assertThat(root.path("summary").path("introduced").asInt()).isEqualTo(1);

    StringWriter markdown = new StringWriter();
    new MarkdownReporter().write(result, markdown);
    assertThat(markdown.toString()).contains("introduced 1, fixed 1, unchanged 1 (compared with baseline b.json)")
        .contains("Service books/ratings exposes port 80").doesNotContain("books/reviews exposes")
        .contains("### Fixed").contains("`core/Service/books/gone`: Service books/gone exposes port 80");

    StringWriter text = new StringWriter();
    new TextReporter(false).write(result, text);
    assertThat(text.toString()).contains("Service books/ratings exposes port 80").doesNotContain("books/reviews exposes")
        .contains("1 error, 0 warnings, 0 notes").contains("introduced 1, fixed 1, unchanged 1 (compared with baseline b.json)");
  }

  @Test
  void aMissingOrMalformedFileIsAConfigError() throws IOException {
    assertThatThrownBy(() -> Baseline.read(dir.resolve("none.json"), "none.json"))
        .isInstanceOf(ConfigException.class).hasMessage("none.json: baseline file not found; create it with --write-baseline none.json");
    Files.writeString(dir.resolve("bad.json"), "{\n  \"findings\": [\n");
    assertThatThrownBy(() -> Baseline.read(dir.resolve("bad.json"), "bad.json"))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("bad.json:3:").hasMessageContaining("not a baseline file");
    Files.writeString(dir.resolve("other.json"), "{\"results\": []}");
    assertThatThrownBy(() -> Baseline.read(dir.resolve("other.json"), "other.json"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("no \"findings\" list");
    Files.writeString(dir.resolve("nofp.json"), "{\"findings\": [{\"rule\": \"AL1\"}]}");
    assertThatThrownBy(() -> Baseline.read(dir.resolve("nofp.json"), "nofp.json"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("entry 1 has no \"fingerprint\"");
  }
}
