package io.ambientlint.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientlint.core.Analyzer;
import io.ambientlint.core.config.Config;
import io.ambientlint.testing.PortRule;
import io.ambientlint.testing.TestGraphs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fingerprints must survive edits that do not touch the finding, and change when the finding does. */
class FingerprintTest {

  private static List<String> fingerprints(String yaml) {
    return new Analyzer(Config.DEFAULTS, new RuleRegistry(List.of(new PortRule())), Path.of("."))
        .analyze(TestGraphs.fromYaml(yaml)).findings().stream().map(Finding::fingerprint).toList();
  }

  private static final String BASE = """
      apiVersion: v1
      kind: Service
      metadata: {name: reviews, namespace: books}
      spec:
        ports:
        - {name: http, port: 80}
      """;

  @Test
  void anotherListItemAboveTheNodeDoesNotChangeIt() {
    String inserted = """
        apiVersion: v1
        kind: Service
        metadata: {name: reviews, namespace: books}
        spec:
          ports:
          - {name: grpc, port: 9090}
          - {name: http, port: 80}
        """;
    assertThat(fingerprints(BASE)).hasSize(1).isEqualTo(fingerprints(inserted));
  }

  @Test
  void reformattingAndMovingWithinTheFileDoNotChangeIt() {
    String reformatted = """
        # the same Service, block style, comments, after another object
        apiVersion: v1
        kind: Namespace
        metadata: {name: books}
        ---
        kind: Service
        apiVersion: v1
        metadata:
          namespace: books
          name: reviews     # reordered keys
        spec:
          ports:
            - port: 80
              name: http
        """;
    assertThat(fingerprints(BASE)).isEqualTo(fingerprints(reformatted));
  }

  @Test
  void anotherObjectOrAnotherPortIsAnotherFingerprint() {
    String otherObject = BASE.replace("name: reviews", "name: ratings");
    String otherPort = BASE.replace("name: http", "name: web");
    assertThat(fingerprints(otherObject)).doesNotContainAnyElementsOf(fingerprints(BASE));
    assertThat(fingerprints(otherPort)).doesNotContainAnyElementsOf(fingerprints(BASE));
  }

  @Test
  void listItemsAreNamedByUniqueNameOrValueElsePosition() throws Exception {
    JsonNode root = new ObjectMapper().readTree("""
        {"spec": {"ports": [{"name": "a", "port": 1}, {"name": "b"}, {"port": 3}],
                  "hosts": ["x.com", "y.com", "y.com"],
                  "dup": [{"name": "same"}, {"name": "same"}]}}
        """);
    assertThat(LogicalPath.of(root, "/spec/ports/1/port")).isEqualTo("/spec/ports/[name=b]/port");
    assertThat(LogicalPath.of(root, "/spec/ports/2/port")).isEqualTo("/spec/ports/2/port");
    assertThat(LogicalPath.of(root, "/spec/hosts/0")).isEqualTo("/spec/hosts/[=x.com]");
    assertThat(LogicalPath.of(root, "/spec/hosts/2")).isEqualTo("/spec/hosts/2");
    assertThat(LogicalPath.of(root, "/spec/dup/1/name")).isEqualTo("/spec/dup/1/name");
    assertThat(LogicalPath.of(root, "/spec/ports/7/port")).isEqualTo("/spec/ports/7/port");
    assertThat(LogicalPath.of(root, "")).isEmpty();
  }

  @Test
  void theMessageKeyDropsPositionsFileNamesAndIndices() {
    assertThat(Findings.normalise("Service x/a is also defined at m/a.yaml:3:18;  see   rules[2]"))
        .isEqualTo(Findings.normalise("Service x/a is also defined at other/b.yml:40:1; see rules[0]"));
    assertThat(Findings.normalise("invalid YAML at line 3, column 4")).isEqualTo(Findings.normalise("invalid YAML at line 30, column 1"));
    assertThat(Findings.normalise("invalid YAML at LINE 3, Col 4")).isEqualTo("invalid yaml at line <n>, col <n>");
    assertThat(Findings.normalise("read from <stdin>:3:4")).isEqualTo("read from <loc>");
    assertThat(Findings.normalise("port 80")).isNotEqualTo(Findings.normalise("port 81"));
    assertThat(Findings.normalise("hosts[12] on lines")).isEqualTo("hosts[] on lines");
  }
}
