package io.ambientlint.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.config.Config;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.model.Kind;
import io.ambientlint.core.model.Location;
import io.ambientlint.core.model.ResourceId;
import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.rule.RuleRegistry;
import io.ambientlint.core.severity.Severity;
import io.ambientlint.testing.TestGraphs;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** File-level findings inside an object's document are attributed to that object. */
class FileLevelFindingTest {

  /** Reports repeated keys at file level, as AL905 does. */
  static final class RepeatedKeyRule implements Rule {
    static final RuleMetadata META = RuleMetadata.builder("AL996", "test-repeated-key")
        .severity(Severity.ERROR).summary("s").description("d").help("h").build();

    @Override
    public RuleMetadata metadata() {
      return META;
    }

    @Override
    public void check(MeshGraph graph, Findings findings) {
      for (Diagnostic d : graph.loadDiagnostics()) {
        if (d.kind() == Diagnostic.Kind.DUPLICATE_KEY) {
          findings.reportInFile(META, new Location(d.path(), d.position()), d.message());
        }
      }
    }
  }

  private static List<Finding> findings(String yaml) {
    return new Analyzer(Config.DEFAULTS, new RuleRegistry(List.of(new RepeatedKeyRule())), Path.of("."))
        .analyze(TestGraphs.fromYaml(yaml)).findings();
  }

  @Test
  void aRepeatedKeyInsideAnObjectIsAboutThatObject() {
    List<Finding> found = findings("""
        apiVersion: v1
        kind: Service
        metadata: {name: a, namespace: x}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: b, namespace: x, labels: {app: 1, app: 2}}
        ---
        apiVersion: v1
        kind: List
        items:
        - {apiVersion: v1, kind: Service, metadata: {name: c, namespace: x}}
        - {apiVersion: v1, kind: Service, metadata: {name: d, namespace: x, labels: {k: 1, k: 2}}}
        """);
    assertThat(found).extracting(Finding::subject).containsExactly(
        Optional.of(new ResourceId(Kind.SERVICE, "x", "b")), Optional.of(new ResourceId(Kind.SERVICE, "x", "d")));
    assertThat(found.get(0).location().position().line()).isEqualTo(7);
  }

  @Test
  void outsideAnyObjectItStaysAboutTheFile() {
    List<Finding> found = findings("""
        apiVersion: v1
        kind: List
        kind: List
        items:
        - {apiVersion: v1, kind: Service, metadata: {name: c, namespace: x}}
        ---
        not: [an, object]
        not: again
        """);
    assertThat(found).hasSize(2).allMatch(f -> f.subject().isEmpty());
  }

  @Test
  void theObjectsIgnoreAnnotationAppliesToIt() {
    List<Finding> found = findings("""
        apiVersion: v1
        kind: Service
        metadata:
          name: b
          namespace: x
          annotations: {ambient-lint.io/ignore: AL996}
          labels: {app: 1, app: 2}
        """);
    assertThat(found).hasSize(1).allMatch(Finding::isSuppressed);
  }
}
