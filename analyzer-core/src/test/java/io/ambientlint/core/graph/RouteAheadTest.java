package io.ambientlint.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.model.MeshService;
import io.ambientlint.core.model.VirtualService;
import io.ambientlint.testing.TestGraphs;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteAheadTest {

  private static final String BASE = """
      apiVersion: v1
      kind: Namespace
      metadata: {name: books, labels: {istio.io/dataplane-mode: ambient, istio.io/use-waypoint: waypoint}}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: waypoint, namespace: books}
      spec: {gatewayClassName: istio-waypoint, listeners: [{name: mesh, port: 15008, protocol: HBONE}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: reviews, namespace: books}
      spec: {selector: {app: reviews}, ports: [{name: http, port: 9080}]}
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: reviews, namespace: books}
      spec: {hosts: [reviews], http: [{route: [{destination: {host: reviews}}]}]}
      ---
      """;

  private static List<RouteAhead> ahead(String routes) {
    MeshGraph graph = TestGraphs.fromYaml(BASE + routes);
    VirtualService vs = graph.virtualServices().get(0);
    MeshService reviews = graph.service("books", "reviews").orElseThrow();
    return graph.routesAheadOf(vs, reviews);
  }

  @Test
  void pathPrefixSlashIsCatchAll() {
    List<RouteAhead> r = ahead("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: books}
        spec:
          parentRefs: [{group: "", kind: Service, name: reviews}]
          rules:
          - matches: [{path: {type: PathPrefix, value: /api}}]
          - matches: [{path: {type: PathPrefix, value: /}}]
        """);
    assertThat(r).hasSize(1);
    assertThat(r.get(0).shadowsCompletely()).isTrue();
    assertThat(r.get(0).catchAllNode().pointer()).isEqualTo("/spec/rules/1");
    assertThat(r.get(0).byCreationTime()).isFalse();
  }

  @Test
  void narrowMatchesAreDescribed() {
    List<RouteAhead> r = ahead("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: books}
        spec:
          parentRefs: [{group: "", kind: Service, name: reviews}]
          rules:
          - matches: [{path: {type: Exact, value: /login}, method: POST}, {headers: [{name: x-user, value: a}]}]
        """);
    assertThat(r.get(0).shadowsCompletely()).isFalse();
    assertThat(r.get(0).matches()).containsExactly("path Exact /login and method POST", "header x-user");
  }

  @Test
  void consumerRoutesAndTcpRoutesAreNotAhead() {
    assertThat(ahead("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: frontend}
        spec:
          parentRefs: [{group: "", kind: Service, name: reviews, namespace: books}]
        ---
        apiVersion: gateway.networking.k8s.io/v1alpha2
        kind: TCPRoute
        metadata: {name: t, namespace: books}
        spec:
          parentRefs: [{group: "", kind: Service, name: reviews}]
        """)).isEmpty();
  }
}
