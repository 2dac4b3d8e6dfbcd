package io.ambientlint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.Analyzer;
import io.ambientlint.core.config.Config;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.Service;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.rule.RuleRegistry;
import io.ambientlint.core.severity.Severity;
import io.ambientlint.testing.TestGraphs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReporterTest {

  /** Reports each Service's name with a message that needs escaping in a table cell. */
  static final class NameRule implements Rule {
    static final RuleMetadata META = RuleMetadata.builder("AL997", "test-name")
        .severity(Severity.ERROR).summary("s").description("d").help("h").build();

    @Override
    public RuleMetadata metadata() {
      return META;
    }

    @Override
    public void check(MeshGraph graph, Findings findings) {
      for (Service s : graph.services()) {
        findings.report(META, s.resource().nameNode(), "%s: a|b <script>\nsecond line", s.displayName());
      }
    }
  }

  private static AnalysisResult analyze(String yaml, Rule... rules) {
    return new Analyzer(Config.DEFAULTS, new RuleRegistry(List.of(rules)), Path.of(".")).analyze(TestGraphs.fromYaml(yaml));
  }

  private static String markdown(AnalysisResult result, String linkBase) throws IOException {
    StringWriter out = new StringWriter();
    new MarkdownReporter(linkBase).write(result, out);
    return out.toString();
  }

  private static final String TWO_SERVICES = """
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

  @Test
  void countsBySeverityAndOneEscapedRowPerActiveFinding() throws IOException {
    String md = markdown(analyze(TWO_SERVICES, new NameRule(), new ReportersTest.PortRule()), "");
    assertThat(md).contains("**2 errors**, 1 warning, 0 notes in 1 file (2 resources), 1 suppressed");
    assertThat(md).contains("| Severity | Rule | Location | Message |");
    assertThat(md).contains("| **error** | [AL997](https://github.com/ambient-lint/ambient-lint/blob/main/docs/rules/AL997.md) test-name"
        + " | `<stdin>:3` | Service x/b: a\\|b &lt;script&gt;\\\\nsecond line |");
    assertThat(md).contains("| warning | [AL999]").contains("port of Service x/b");
    assertThat(md).doesNotContain("port of Service x/a"); // suppressed
    assertThat(md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Severity") && !l.startsWith("| ---")).count())
        .isEqualTo(3);
  }

  @Test
  void fileLinksPointAtTheLineUnderTheLinkBase(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("m"));
    Files.writeString(dir.resolve("m/a b.yaml"), "apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: x}\n");
    AnalysisResult result = new Analyzer(Config.DEFAULTS, new RuleRegistry(List.of(new NameRule())), dir)
        .analyze(List.of("m"), InputStream.nullInputStream());
    assertThat(markdown(result, "https://github.com/o/r/blob/abc"))
        .contains("| [`m/a b.yaml:3`](https://github.com/o/r/blob/abc/m/a%20b.yaml#L3) |");
    assertThat(markdown(result, "")).contains("| [`m/a b.yaml:3`](m/a%20b.yaml#L3) |");
  }

  @Test
  void noFindingsSaysSo() throws IOException {
    String md = markdown(analyze(TWO_SERVICES), "");
    assertThat(md).contains("0 errors, 0 warnings, 0 notes").contains("No findings.").doesNotContain("| Severity");
  }

  private static final String WAYPOINT_MESH = """
      apiVersion: v1
      kind: Namespace
      metadata: {name: books, labels: {istio.io/dataplane-mode: ambient}}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: waypoint, namespace: books}
      spec:
        gatewayClassName: istio-waypoint
        listeners: [{name: mesh, port: 15008, protocol: HBONE}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: reviews, namespace: books, labels: {istio.io/use-waypoint: waypoint}}
      spec: {ports: [{port: 9080}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: ratings, namespace: books, labels: {istio.io/use-waypoint: gone}}
      spec: {ports: [{port: 9080}]}
      ---
      apiVersion: v1
      kind: Namespace
      metadata: {name: shop, labels: {istio.io/dataplane-mode: ambient, istio.io/use-waypoint: waypoint}}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: waypoint, namespace: shop}
      spec:
        gatewayClassName: istio-waypoint
        listeners: [{name: mesh, port: 15008, protocol: HBONE}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: cart, namespace: shop}
      spec: {ports: [{port: 8080}]}
      """;

  /** Reports the Services of namespace books only. */
  static final class BooksRule implements Rule {
    @Override
    public RuleMetadata metadata() {
      return NameRule.META;
    }

    @Override
    public void check(MeshGraph graph, Findings findings) {
      for (Service s : graph.servicesIn("books")) {
        findings.report(NameRule.META, s.resource().nameNode(), "%s", s.displayName());
      }
    }
  }

  @Test
  void aMermaidGraphShowsTheWaypointsTheFindingsInvolveAndNothingElse() throws IOException {
    String md = markdown(analyze(WAYPOINT_MESH, new BooksRule()), "");
    assertThat(md).contains("""

        ### Waypoints involved

        ```mermaid
        flowchart LR
          subgraph c0 ["namespace books (ambient)"]
            n0["missing Gateway gone"]
            n1{{"waypoint waypoint (istio-waypoint)"}}
            n2["Service ratings"]
            n3["Service reviews"]
          end
          n2 -.->|"use-waypoint=gone (own label): Gateway not found"| n0
          n3 -->|"use-waypoint=waypoint (own label)"| n1
          linkStyle 0 stroke:#d00,color:#d00
        """);
    String graph = md.substring(md.indexOf("```mermaid"));
    assertThat(graph).as("the shop waypoint is in no finding").doesNotContain("shop").doesNotContain("cart");
    assertThat(graph).endsWith("```\n").doesNotContain("The graph is cut");
  }

  @Test
  void noGraphWhenNoFindingInvolvesAWaypoint() throws IOException {
    assertThat(markdown(analyze(TWO_SERVICES, new NameRule()), "")).doesNotContain("Waypoints involved").doesNotContain("```");
  }

  @Test
  void aGraphTooLargeIsCutAndSaysSo() throws IOException {
    StringBuilder yaml = new StringBuilder(WAYPOINT_MESH);
    for (int i = 0; i < MarkdownReporter.MAX_DIAGRAM_NODES + 5; i++) {
      yaml.append("---\napiVersion: v1\nkind: Service\nmetadata: {name: s").append(i)
          .append(", namespace: books, labels: {istio.io/use-waypoint: waypoint}}\nspec: {ports: [{port: 80}]}\n");
    }
    String md = markdown(analyze(yaml.toString(), new BooksRule()), "");
    String graph = md.substring(md.indexOf("```mermaid"), md.lastIndexOf("```"));
    assertThat(graph.lines().filter(l -> l.matches(" +n\\d+[\\[({].*"))).hasSize(MarkdownReporter.MAX_DIAGRAM_NODES);
    // 2 waypoints (one missing) and 67 Services bound to them; 60 drawn.
    assertThat(md).contains("The graph is cut: it leaves out 9 objects next to them; `ambient-lint graph` draws the whole mesh.");
  }

  @Test
  void aSummaryOverGithubsOneMebibyteLimitIsCutAndSaysWhatItLeftOut() throws IOException {
    int services = 600;
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < services; i++) {
      // 2,000 escape characters: cut in the message, and shown escaped, six times as long.
      yaml.append("---\napiVersion: v1\nkind: Service\nmetadata: {name: \"s").append(i).append("\\e".repeat(2_000))
          .append("\", namespace: x}\nspec: {ports: [{port: 80}]}\n");
    }
    String md = markdown(analyze(yaml.toString(), new NameRule()), "");
    assertThat(MarkdownReporter.utf8Length(md)).isLessThanOrEqualTo(1024 * 1024);
    assertThat(md.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isEqualTo(MarkdownReporter.utf8Length(md));
    long rows = md.lines().filter(l -> l.startsWith("| **error**")).count();
    assertThat(rows).isBetween(50L, services - 1L);
    assertThat(md).contains("\n" + (services - rows) + " more findings are not listed here; the SARIF and JSON reports have them all.\n")
        .endsWith("\nThe summary is cut here to stay within GitHub's 1 MiB limit for a job summary; the SARIF and JSON reports have everything.\n");
    // The name is already cut where the message is built (Findings bounds each argument); the row shows the cut.
    assertThat(md.lines().filter(l -> l.startsWith("| **error**"))).as("long names cut")
        .allMatch(l -> l.contains("\\u001B\u2026"));
  }
}
