package io.ambientlint.core.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.testing.TestGraphs;
import org.junit.jupiter.api.Test;

class WaypointDiagramTest {

  private static final MeshGraph GRAPH = TestGraphs.fromYaml("""
      apiVersion: v1
      kind: Namespace
      metadata: {name: books, labels: {istio.io/dataplane-mode: ambient, istio.io/use-waypoint: waypoint}}
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
      metadata: {name: reviews, namespace: books}
      spec: {selector: {app: reviews}, ports: [{port: 9080}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: ratings, namespace: books, labels: {istio.io/use-waypoint: gone}}
      spec: {selector: {app: ratings}, ports: [{port: 9080}]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: reviews-v1, namespace: books}
      spec:
        template:
          metadata: {labels: {app: reviews}}
      """);

  @Test
  void mermaidHasNamespaceSubgraphsSafeIdsLabelledBindingsAndRedFailedEdges() {
    String mermaid = new MermaidRenderer().render(DiagramContributors.build(GRAPH));
    assertThat(mermaid).isEqualTo("""
        flowchart LR
          subgraph c0 ["namespace books (ambient)"]
            n0["missing Gateway gone"]
            n1{{"waypoint waypoint (istio-waypoint)"}}
            n2["Service ratings"]
            n3["Service reviews"]
            n4("Deployment reviews-v1 (ambient)")
          end
          n2 -.->|"use-waypoint=gone (own label): Gateway not found"| n0
          n3 -->|"use-waypoint=waypoint (Namespace label)"| n1
          n3 -.->|"selects"| n4
          linkStyle 0 stroke:#d00,color:#d00
          classDef waypoint fill:#fde9c8,stroke:#b86e00
          classDef missing fill:#fdd,stroke:#d00,stroke-dasharray:4 3
          class n0 missing
          class n1 waypoint
        """);
  }

  @Test
  void dotDrawsClustersAndFailedEdgesDashedRed() {
    String dot = new DotRenderer().render(DiagramContributors.build(GRAPH));
    assertThat(dot).startsWith("digraph mesh {\n  rankdir=LR;\n")
        .contains("  subgraph cluster_0 {\n    label=\"namespace books (ambient)\";\n")
        .contains("\"svc:books/ratings\" -> \"gw:books/gone\" [label=\"use-waypoint=gone (own label): Gateway not found\", "
            + "style=dashed, color=red, fontcolor=red];")
        .contains("\"svc:books/reviews\" -> \"gw:books/waypoint\" [label=\"use-waypoint=waypoint (Namespace label)\"];")
        .endsWith("}\n");
  }

  @Test
  void jsonListsNodesWithSourcesAndEdgesWithStyles() throws Exception {
    JsonNode json = new ObjectMapper().readTree(new JsonRenderer().render(DiagramContributors.build(GRAPH)));
    assertThat(json.path("clusters").get(0).path("id").asText()).isEqualTo("ns:books");
    JsonNode waypoint = json.path("nodes").get(1);
    assertThat(waypoint.path("id").asText()).isEqualTo("gw:books/waypoint");
    assertThat(waypoint.path("kind").asText()).isEqualTo("waypoint");
    assertThat(waypoint.path("source").asText()).isEqualTo("<stdin>:7:18");
    assertThat(json.path("edges").get(0).path("style").asText()).isEqualTo("failed");
  }

  @Test
  void labelsCannotBreakMermaidOrDotSyntax() {
    DiagramBuilder b = new DiagramBuilder();
    b.node(new Diagram.Node("x:\"a\"", "class \"q\" | <b> #1 `c` [d]", Diagram.NodeKind.WAYPOINT,
        java.util.Optional.empty(), java.util.Optional.empty()));
    b.node(new Diagram.Node("end", "end", Diagram.NodeKind.SERVICE, java.util.Optional.empty(), java.util.Optional.empty()));
    b.edge("end", "x:\"a\"", "a|b \"c\"", Diagram.EdgeStyle.FAILED);
    Diagram d = b.build();
    String mermaid = new MermaidRenderer().render(d);
    assertThat(mermaid).contains("n1{{\"class #quot;q#quot; #124; #lt;b#gt; #35;1 #96;c#96; [d]\"}}")
        .contains("n0[\"end\"]")
        .contains("n0 -.->|\"a#124;b #quot;c#quot;\"| n1");
    assertThat(new DotRenderer().render(d)).contains("\"x:\\\"a\\\"\" [label=\"class \\\"q\\\" | <b> #1 `c` [d]\"");
  }

  @Test
  void mermaidLabelsCarryNoDirectiveAndAreCutWhenLong() {
    DiagramBuilder b = new DiagramBuilder();
    b.cluster("ns:%%{init}%%", "namespace %%{init: {\"securityLevel\": \"loose\"}}%%");
    b.node(new Diagram.Node("a", "%%{init: {\"theme\": \"dark\"}}%%\n%% comment\nclick a href \"https://evil.example\"",
        Diagram.NodeKind.SERVICE, java.util.Optional.of("ns:%%{init}%%"), java.util.Optional.empty()));
    b.node(new Diagram.Node("b", "w".repeat(5_000), Diagram.NodeKind.SERVICE, java.util.Optional.empty(), java.util.Optional.empty()));
    b.edge("a", "b", "%%{init}%% \"] --> b", Diagram.EdgeStyle.NORMAL);
    String mermaid = new MermaidRenderer().render(b.build());
    assertThat(mermaid).doesNotContain("%%").doesNotContain("{init").doesNotContain("\nclick");
    assertThat(mermaid.lines()).allMatch(l -> l.chars().filter(c -> c == '"').count() % 2 == 0);
    assertThat(mermaid).contains("subgraph c0 [\"namespace #37;#37;#123;init: #123;#quot;securityLevel#quot;: #quot;loose#quot;#125;#125;#37;#37;\"]")
        .contains("n0[\"#37;#37;#123;init: #123;#quot;theme#quot;: #quot;dark#quot;#125;#125;#37;#37;#92;n#37;#37; comment#92;nclick a href #quot;https://evil.example#quot;\"]")
        .contains("n1[\"" + "w".repeat(MermaidRenderer.MAX_LABEL_CHARS - 1) + "\u2026\"]")
        .contains("n0 -->|\"#37;#37;#123;init#125;#37;#37; #quot;] --#gt; b\"| n1");
  }
}
