package io.ambientlint.core.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.testing.TestGraphs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiagramCutTest {

  /** Two namespaces: shop's Service uses the waypoint in mesh; books is on its own. */
  private static final Diagram MESH = DiagramContributors.build(TestGraphs.fromYaml("""
      apiVersion: v1
      kind: Namespace
      metadata: {name: shop, labels: {istio.io/dataplane-mode: ambient}}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: waypoint, namespace: mesh}
      spec:
        gatewayClassName: istio-waypoint
        listeners: [{name: mesh, port: 15008, protocol: HBONE}]
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: cart
        namespace: shop
        labels: {istio.io/use-waypoint: waypoint, istio.io/use-waypoint-namespace: mesh}
      spec: {selector: {app: cart}, ports: [{port: 80}]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: cart, namespace: shop}
      spec: {template: {metadata: {labels: {app: cart}}}}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: reviews, namespace: books}
      spec: {selector: {app: reviews}, ports: [{port: 9080}]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: reviews-v1, namespace: books}
      spec: {template: {metadata: {labels: {app: reviews}}}}
      """));

  private static List<String> ids(Diagram d) {
    return d.nodes().stream().map(Diagram.Node::id).toList();
  }

  @Test
  void aNamespaceKeepsItsNodesAndWhatTheyConnectTo() {
    Diagram shop = DiagramCut.namespace(MESH, "shop");
    assertThat(ids(shop)).containsExactlyInAnyOrder("svc:shop/cart", "wl:Deployment/shop/cart", "gw:mesh/waypoint");
    assertThat(shop.clusters()).extracting(Diagram.Cluster::id).containsExactlyInAnyOrder("ns:shop", "ns:mesh");
    assertThat(shop.edges()).hasSize(2);
    assertThat(DiagramCut.namespace(MESH, "nowhere").nodes()).isEmpty();
  }

  @Test
  void focusKeepsWhatIsWithinTwoEdgesOfTheObject() {
    Optional<String> cart = DiagramCut.nodeOf(MESH, "deployment", "shop", "cart");
    assertThat(cart).contains("wl:Deployment/shop/cart");
    assertThat(ids(DiagramCut.around(MESH, cart.get(), 2)))
        .containsExactlyInAnyOrder("wl:Deployment/shop/cart", "svc:shop/cart", "gw:mesh/waypoint");
    assertThat(ids(DiagramCut.around(MESH, cart.get(), 1))).containsExactlyInAnyOrder("wl:Deployment/shop/cart", "svc:shop/cart");
    assertThat(DiagramCut.nodeOf(MESH, "Service", "books", "reviews")).contains("svc:books/reviews");
    assertThat(DiagramCut.nodeOf(MESH, "Gateway", "mesh", "waypoint")).contains("gw:mesh/waypoint");
    assertThat(DiagramCut.nodeOf(MESH, "Service", "books", "ratings")).isEmpty();
    assertThat(DiagramCut.nodeOf(MESH, "Service", "shop", "reviews")).isEmpty();
  }

  /** {@code clusters} namespaces of {@code perCluster} services, each pointing at the next one. */
  private static Diagram large(int clusters, int perCluster, String labelPadding) {
    DiagramBuilder b = new DiagramBuilder();
    List<String> ids = new ArrayList<>();
    for (int c = 0; c < clusters; c++) {
      for (int i = 0; i < perCluster; i++) {
        String id = String.format("svc:ns%02d/s%04d", c, i);
        b.node(new Diagram.Node(id, "Service s" + i + labelPadding, Diagram.NodeKind.SERVICE,
            Optional.of(DiagramIds.cluster(String.format("ns%02d", c))), Optional.empty()));
        ids.add(id);
      }
    }
    for (int i = 0; i + 1 < ids.size(); i++) {
      b.edge(ids.get(i), ids.get(i + 1), "calls", Diagram.EdgeStyle.NORMAL);
    }
    return b.build();
  }

  @Test
  void mermaidOverItsEdgeLimitIsCutWithALineSayingWhatWasLeftOut() {
    Diagram whole = large(10, 100, "");
    MermaidRenderer.Limited limited = new MermaidRenderer().renderWithinLimits(whole);
    assertThat(limited.cut().isCut()).isTrue();
    Diagram kept = limited.cut().diagram();
    assertThat(kept.edges()).hasSizeLessThanOrEqualTo(MermaidRenderer.MAX_EDGES);
    // a chain: the largest prefix that fits has exactly MAX_EDGES edges
    assertThat(kept.edges()).hasSize(MermaidRenderer.MAX_EDGES);
    assertThat(kept.nodes().size() + limited.cut().omittedNodes()).isEqualTo(whole.nodes().size());
    assertThat(kept.edges().size() + limited.cut().omittedEdges()).isEqualTo(whole.edges().size());
    assertThat(limited.text()).contains("499 nodes and 499 edges left out").contains("--namespace").contains("--focus");
    assertThat(limited.text().length()).isLessThanOrEqualTo(MermaidRenderer.MAX_TEXT_CHARS);
    assertThat(limited.text().lines().filter(l -> l.contains("-->")).count()).isEqualTo(MermaidRenderer.MAX_EDGES);
  }

  @Test
  void mermaidOverItsTextLimitIsCutToFit() {
    Diagram whole = large(4, 100, " " + "x".repeat(200));
    MermaidRenderer.Limited limited = new MermaidRenderer().renderWithinLimits(whole);
    assertThat(limited.cut().isCut()).isTrue();
    assertThat(limited.text().length()).isLessThanOrEqualTo(MermaidRenderer.MAX_TEXT_CHARS);
    assertThat(limited.cut().diagram().nodes()).hasSizeGreaterThan(150);
  }

  @Test
  void aDiagramWithinTheLimitsIsDrawnWhole() {
    MermaidRenderer.Limited limited = new MermaidRenderer().renderWithinLimits(MESH);
    assertThat(limited.cut().isCut()).isFalse();
    assertThat(limited.text()).isEqualTo(new MermaidRenderer().render(MESH)).doesNotContain("left out");
  }
}
