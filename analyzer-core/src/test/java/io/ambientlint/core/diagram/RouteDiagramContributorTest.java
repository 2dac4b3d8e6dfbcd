package io.ambientlint.core.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.testing.TestGraphs;
import org.junit.jupiter.api.Test;

class RouteDiagramContributorTest {

  @Test
  void routesBecomeNodesWithParentAndBackendEdges() {
    MeshGraph graph = TestGraphs.fromYaml("""
        apiVersion: v1
        kind: Namespace
        metadata: {name: books, labels: {istio.io/dataplane-mode: ambient, istio.io/use-waypoint: waypoint}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop, labels: {istio.io/dataplane-mode: ambient}}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: waypoint, namespace: books}
        spec: {gatewayClassName: istio-waypoint, listeners: [{name: mesh, port: 15008, protocol: HBONE}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: reviews, namespace: books}
        spec: {ports: [{port: 9080}]}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: books}
        spec:
          parentRefs: [{group: "", kind: Service, name: reviews}, {name: ingress}]
          rules: [{backendRefs: [{name: reviews, port: 9080, weight: 5}, {name: gone, port: 80}]}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: consumer, namespace: shop}
        spec:
          parentRefs: [{group: "", kind: Service, name: reviews, namespace: books}]
        """);
    DiagramBuilder builder = new DiagramBuilder();
    new RouteDiagramContributor().contribute(graph, builder);
    Diagram d = builder.build();

    assertThat(d.nodes()).filteredOn(n -> n.kind() == Diagram.NodeKind.ROUTE)
        .extracting(Diagram.Node::id, Diagram.Node::cluster)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("route:HTTPRoute/books/r", java.util.Optional.of("ns:books")),
            org.assertj.core.groups.Tuple.tuple("route:HTTPRoute/shop/consumer", java.util.Optional.of("ns:shop")));
    assertThat(d.edges()).contains(
        new Diagram.Edge("route:HTTPRoute/books/r", "svc:books/reviews", "parent", Diagram.EdgeStyle.NORMAL),
        new Diagram.Edge("route:HTTPRoute/books/r", "gw:books/ingress", "parent: NotFound", Diagram.EdgeStyle.FAILED),
        new Diagram.Edge("route:HTTPRoute/books/r", "svc:books/reviews", "backend :9080 weight 5", Diagram.EdgeStyle.NORMAL),
        new Diagram.Edge("route:HTTPRoute/books/r", "backend:Service:books/gone", "backend :80 weight 1: BackendNotFound",
            Diagram.EdgeStyle.FAILED),
        new Diagram.Edge("route:HTTPRoute/shop/consumer", "svc:books/reviews",
            "parent (consumer route: ignored by the waypoint)", Diagram.EdgeStyle.DASHED));
    assertThat(d.nodes()).extracting(Diagram.Node::id).contains("svc:books/reviews", "gw:books/ingress");
    assertThat(DiagramContributors.ALL).hasAtLeastOneElementOfType(RouteDiagramContributor.class);
  }
}
