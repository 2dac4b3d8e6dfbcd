package io.ambientlint.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.Analyzer;
import io.ambientlint.core.Comparison;
import io.ambientlint.core.config.Config;
import io.ambientlint.core.config.FailOn;
import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.rule.RuleRegistry;
import io.ambientlint.testing.PortRule;
import io.ambientlint.testing.TestGitRepository;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionComparisonTest {

  @TempDir
  Path dir;

  private Analyzer analyzer() {
    return new Analyzer(Config.DEFAULTS, new RuleRegistry(List.of(new PortRule())), dir);
  }

  private static String service(String name, String ports) {
    return "apiVersion: v1\nkind: Service\nmetadata: {name: " + name + ", namespace: books}\nspec: {ports: " + ports + "}\n";
  }

  private static List<String> names(List<Finding> findings) {
    return findings.stream().map(f -> f.subject().orElseThrow().name()).toList();
  }

  @Test
  void comparesTheWorkingTreeWithARevision() throws Exception {
    try (TestGitRepository git = TestGitRepository.init(dir)) {
      git.write("m/a.yaml", service("kept", "[{name: http, port: 80}]") + "---\n" + service("fixed", "[{port: 80}]"))
          .commit("base");
      git.tag("base");
      git.write("m/a.yaml", service("fixed", "[{port: 8080}]"))
          .write("m/b.yaml", service("kept", "[{name: grpc, port: 90}, {name: http, port: 80}]")
              + "---\n" + service("added", "[{port: 80}]"))
          .commit("change");

      AnalysisResult head = analyzer().analyze(List.of("m"), new ByteArrayInputStream(new byte[0]));
      AnalysisResult compared = RevisionComparison.newSince(analyzer(), head, List.of("m"), "base", Optional.empty(), null);

      Comparison c = compared.comparison().orElseThrow();
      assertThat(c.against()).isEqualTo("base");
      assertThat(names(c.introduced())).containsExactly("added");
      assertThat(names(c.unchanged())).containsExactly("kept");
      assertThat(c.fixed()).extracting(f -> f.object().orElseThrow()).containsExactly("core/Service/books/fixed");
      assertThat(c.fixed().get(0).location().orElseThrow().path()).isEqualTo("m/a.yaml");
      assertThat(compared.findings()).isEqualTo(head.findings());
      assertThat(compared.findings()).noneMatch(Finding::isSuppressed);
      assertThat(compared.failingCount(FailOn.ERROR)).isEqualTo(1);
      assertThat(c.stateOf(c.unchanged().get(0))).contains(Comparison.State.UNCHANGED);
      assertThat(c.stateOf(c.introduced().get(0))).contains(Comparison.State.NEW);
    }
  }

  @Test
  void aBaselineAppliesToBothSides() throws Exception {
    try (TestGitRepository git = TestGitRepository.init(dir)) {
      git.write("m/a.yaml", service("old", "[{port: 80}]")).commit("base");
      git.write("m/b.yaml", service("new", "[{port: 80}]"));
      Baseline baseline = Baseline.of(analyzer().analyze(List.of("m"), new ByteArrayInputStream(new byte[0])));
      git.write("m/c.yaml", service("newer", "[{port: 80}]"));

      AnalysisResult head = baseline.apply(analyzer().analyze(List.of("m"), new ByteArrayInputStream(new byte[0])), "b.json");
      AnalysisResult compared = RevisionComparison.newSince(analyzer(), head, List.of("m"), "HEAD", Optional.of(baseline), "b.json");

      Comparison c = compared.comparison().orElseThrow();
      assertThat(names(c.introduced())).containsExactly("newer");
      assertThat(c.unchanged()).isEmpty();
      assertThat(c.fixed()).isEmpty();
      assertThat(compared.findings()).filteredOn(Finding::isSuppressed).extracting(f -> f.subject().orElseThrow().name())
          .containsExactlyInAnyOrder("old", "new");
    }
  }
}
