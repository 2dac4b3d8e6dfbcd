package io.ambientlint.core.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.load.SourcePosition;
import io.ambientlint.core.model.Location;
import io.ambientlint.core.model.ResourceId;
import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.rule.RelatedLocation;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;
import io.ambientlint.testing.TestGraphs;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FindingsDiagramTest {

  private static final String MESH = """
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
      spec: {selector: {app: reviews}, ports: [{port: 9080}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: ratings, namespace: books, labels: {istio.io/use-waypoint: gone}}
      spec: {selector: {app: ratings}, ports: [{port: 9080}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: plain, namespace: books}
      spec: {selector: {app: plain}, ports: [{port: 9080}]}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: reviews, namespace: books}
      spec:
        parentRefs: [{group: "", kind: Service, name: reviews, port: 9080}]
        rules: [{backendRefs: [{name: reviews, port: 9080}]}]
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: reviews, namespace: books}
      spec:
        hosts: [reviews]
        http: [{route: [{destination: {host: reviews}}]}]
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: on-waypoint, namespace: shop}
      spec:
        targetRefs: [{kind: Gateway, group: gateway.networking.k8s.io, name: waypoint}]
        action: DENY
        rules: [{to: [{operation: {methods: [DELETE]}}]}]
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
      spec: {selector: {app: cart}, ports: [{port: 8080}]}
      """;

  private static final MeshGraph GRAPH = TestGraphs.fromYaml(MESH);
  private static final RuleMetadata RULE = RuleMetadata.builder("AL998", "test").severity(Severity.ERROR)
      .summary("s").description("d").help("h").build();

  private static Finding about(String group, String kind, String namespace, String name, RelatedLocation... related) {
    return new Finding(RULE, Severity.ERROR, "m", new Location("<stdin>", new SourcePosition(1, 1, 1, 1)),
        Optional.of(new ResourceId(group, kind, namespace, name)), "", List.of(related), "f", Optional.empty());
  }

  private static Set<String> involved(Finding... findings) {
    return FindingsDiagram.of(GRAPH, List.of(findings), 100).diagram().nodes().stream()
        .filter(n -> n.kind() == Diagram.NodeKind.WAYPOINT || n.kind() == Diagram.NodeKind.OTHER)
        .map(Diagram.Node::id).collect(Collectors.toSet());
  }

  @Test
  void eachKindOfObjectLeadsToItsWaypoint() {
    assertThat(involved(about("", "Service", "books", "reviews"))).containsExactly("gw:books/waypoint");
    assertThat(involved(about("", "Service", "books", "ratings"))).as("a label naming a missing Gateway")
        .containsExactly("gw:books/gone");
    assertThat(involved(about("gateway.networking.k8s.io", "HTTPRoute", "books", "reviews")))
        .as("a route whose Service parent is bound").containsExactly("gw:books/waypoint");
    assertThat(involved(about("networking.istio.io", "VirtualService", "books", "reviews")))
        .as("a mesh VirtualService for a bound Service").containsExactly("gw:books/waypoint");
    assertThat(involved(about("security.istio.io", "AuthorizationPolicy", "shop", "on-waypoint")))
        .as("a policy targeting a waypoint").containsExactly("gw:shop/waypoint");
    assertThat(involved(about("", "Service", "shop", "cart"))).as("bound through its namespace's label")
        .containsExactly("gw:shop/waypoint");
    assertThat(involved(about("", "Namespace", "", "shop"))).as("the namespace carrying the label")
        .containsExactly("gw:shop/waypoint");
    assertThat(involved(about("gateway.networking.k8s.io", "Gateway", "books", "waypoint")))
        .containsExactly("gw:books/waypoint");
  }

  @Test
  void aRelatedLocationAtAWaypointInvolvesIt() {
    Location waypoint = GRAPH.gateway("shop", "waypoint").orElseThrow().resource().nameNode().location();
    assertThat(involved(about("", "Service", "books", "plain", new RelatedLocation(waypoint, "the waypoint"))))
        .containsExactly("gw:shop/waypoint");
  }

  @Test
  void findingsAwayFromWaypointsGiveNoDiagram() {
    FindingsDiagram.Focus focus = FindingsDiagram.of(GRAPH, List.of(about("", "Service", "books", "plain"),
        about("", "Service", "books", "absent")), 100);
    assertThat(focus.isEmpty()).isTrue();
    assertThat(focus.isCut()).isFalse();
  }

  @Test
  void keepsTheWaypointsNeighboursAndTheirNamespacesOnly() {
    Diagram d = FindingsDiagram.of(GRAPH, List.of(about("", "Service", "books", "reviews")), 100).diagram();
    assertThat(d.nodes()).extracting(Diagram.Node::id)
        .containsExactly("gw:books/waypoint", "svc:books/reviews");
    assertThat(d.edges()).singleElement().satisfies(e -> {
      assertThat(e.from()).isEqualTo("svc:books/reviews");
      assertThat(e.label()).isEqualTo("use-waypoint=waypoint (own label)");
    });
    assertThat(d.clusters()).extracting(Diagram.Cluster::label).containsExactly("namespace books (ambient)");
  }

  @Test
  void aLargeMeshIsCutAtMaxNodesFailedBindingsFirst() {
    StringBuilder yaml = new StringBuilder(MESH);
    IntStream.range(0, 30).forEach(i -> yaml.append("""
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: s%02d, namespace: shop}
        spec: {ports: [{port: 80}]}
        """.formatted(i)));
    yaml.append("""
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: z-denied, namespace: shop, labels: {istio.io/use-waypoint: waypoint, istio.io/use-waypoint-namespace: books}}
        spec: {ports: [{port: 80}]}
        """);
    MeshGraph graph = TestGraphs.fromYaml(yaml.toString());
    FindingsDiagram.Focus focus = FindingsDiagram.of(graph, List.of(about("", "Namespace", "", "shop"),
        about("", "Service", "shop", "z-denied")), 10);
    assertThat(focus.diagram().nodes()).hasSize(10);
    assertThat(focus.waypoints()).isEqualTo(2);
    // books/waypoint comes first and keeps its failed binding from shop/z-denied ahead of reviews.
    assertThat(focus.diagram().nodes()).extracting(Diagram.Node::id)
        .contains("gw:books/waypoint", "svc:shop/z-denied", "svc:books/reviews", "gw:shop/waypoint");
    assertThat(focus.shownWaypoints()).isEqualTo(2);
    // Wanted: 2 waypoints, reviews and z-denied at books/waypoint, cart, s00-s29 and the AuthorizationPolicy
    // on-waypoint (its targetRef) at shop/waypoint; 10 kept.
    assertThat(focus.omittedNodes()).isEqualTo(2 + 2 + 32 - 10);
    assertThat(focus.isCut()).isTrue();
  }
}
