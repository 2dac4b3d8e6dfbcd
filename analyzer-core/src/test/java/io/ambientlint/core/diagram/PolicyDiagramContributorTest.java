package io.ambientlint.core.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.testing.TestGraphs;
import org.junit.jupiter.api.Test;

class PolicyDiagramContributorTest {

  @Test
  void policiesPointAtTheWaypointOrTheWorkloadsThatApplyThem() {
    MeshGraph graph = TestGraphs.fromYaml("""
        apiVersion: v1
        kind: Namespace
        metadata: {name: books, labels: {istio.io/dataplane-mode: ambient}}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: waypoint, namespace: books}
        spec: {gatewayClassName: istio-waypoint, listeners: [{name: mesh, port: 15008, protocol: HBONE}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: reviews, namespace: books, labels: {istio.io/use-waypoint: waypoint}}
        spec: {selector: {app: reviews}, ports: [{port: 9080}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: ratings, namespace: books}
        spec: {selector: {app: ratings}, ports: [{port: 9080}]}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: reviews-v1, namespace: books}
        spec: {template: {metadata: {labels: {app: reviews}}}}
        ---
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: reviews-get, namespace: books}
        spec:
          targetRefs: [{kind: Service, group: "", name: reviews}, {kind: Service, group: "", name: ratings}]
          rules: [{to: [{operation: {methods: [GET]}}]}]
        ---
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: deny-legacy, namespace: books}
        spec:
          action: DENY
          selector: {matchLabels: {app: reviews}}
          rules: [{from: [{source: {namespaces: [legacy]}}]}]
        ---
        apiVersion: security.istio.io/v1
        kind: RequestAuthentication
        metadata: {name: jwt, namespace: books}
        spec:
          selector: {matchLabels: {app: reviews}}
        ---
        apiVersion: telemetry.istio.io/v1
        kind: Telemetry
        metadata: {name: logs, namespace: books}
        spec:
          targetRefs: [{kind: Gateway, group: gateway.networking.k8s.io, name: waypoint}]
        """);
    Diagram d = DiagramContributors.build(graph);

    assertThat(d.nodes()).filteredOn(n -> n.kind() == Diagram.NodeKind.POLICY).extracting(Diagram.Node::id, Diagram.Node::label)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("policy:AuthorizationPolicy/books/reviews-get", "AuthorizationPolicy reviews-get (ALLOW)"),
            org.assertj.core.groups.Tuple.tuple("policy:AuthorizationPolicy/books/deny-legacy", "AuthorizationPolicy deny-legacy (DENY)"),
            org.assertj.core.groups.Tuple.tuple("policy:RequestAuthentication/books/jwt", "RequestAuthentication jwt"),
            org.assertj.core.groups.Tuple.tuple("policy:Telemetry/books/logs", "Telemetry logs"));
    assertThat(d.edges()).contains(
        new Diagram.Edge("policy:AuthorizationPolicy/books/reviews-get", "gw:books/waypoint",
            "targetRef Service reviews (at the waypoint)", Diagram.EdgeStyle.NORMAL),
        new Diagram.Edge("policy:AuthorizationPolicy/books/reviews-get", "svc:books/ratings",
            "targetRef Service ratings: no waypoint: no effect", Diagram.EdgeStyle.FAILED),
        new Diagram.Edge("policy:AuthorizationPolicy/books/deny-legacy", "wl:Deployment/books/reviews-v1",
            "selector: ztunnel", Diagram.EdgeStyle.NORMAL),
        new Diagram.Edge("policy:RequestAuthentication/books/jwt", "wl:Deployment/books/reviews-v1",
            "selector: no proxy, no effect", Diagram.EdgeStyle.DASHED),
        new Diagram.Edge("policy:Telemetry/books/logs", "gw:books/waypoint",
            "targetRef Gateway waypoint (at the waypoint)", Diagram.EdgeStyle.NORMAL));
    assertThat(d.edges()).noneMatch(e -> e.from().equals("policy:RequestAuthentication/books/jwt")
        && e.label().contains("ztunnel"));
  }
}
