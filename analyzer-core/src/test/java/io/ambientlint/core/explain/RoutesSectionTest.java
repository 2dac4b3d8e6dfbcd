package io.ambientlint.core.explain;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.ResourceId;
import io.ambientlint.testing.TestGraphs;
import org.junit.jupiter.api.Test;

class RoutesSectionTest {

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
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: ingress, namespace: books}
      spec:
        gatewayClassName: istio
        listeners: [{name: web, port: 80, protocol: HTTP}, {name: raw, port: 9000, protocol: TCP}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: reviews, namespace: books}
      spec: {ports: [{name: http, port: 9080}, {name: admin, port: 9081}]}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: split, namespace: books}
      spec:
        parentRefs: [{group: "", kind: Service, name: reviews, port: 9080}, {name: ingress, sectionName: web}]
        rules:
        - backendRefs: [{name: reviews, port: 9080, weight: 3}, {name: reviews-v2, port: 9080, weight: 1}]
      ---
      apiVersion: gateway.networking.k8s.io/v1alpha2
      kind: TCPRoute
      metadata: {name: raw, namespace: books}
      spec:
        parentRefs: [{name: ingress, sectionName: web}]
      """);

  private static String explain(String kind, String group, String name) {
    return ExplainSections.explain(GRAPH, GRAPH.resource(new ResourceId(group, kind, "books", name)).orElseThrow()).toText();
  }

  @Test
  void serviceShowsRoutesPerPortWithOutcomeAndWeightedBackends() {
    String text = explain("Service", "", "reviews");
    assertThat(text).contains("Routes\n");
    int port9080 = text.indexOf("port 9080 (http)");
    int port9081 = text.indexOf("port 9081 (admin)");
    int route = text.indexOf("HTTPRoute books/split: Accepted, applied by waypoint books/waypoint");
    assertThat(port9080).isPositive();
    assertThat(route).isGreaterThan(port9080).isLessThan(port9081);
    assertThat(text).contains("-> reviews:9080 weight 3 (75%)");
    assertThat(text).contains("-> reviews-v2:9080 weight 1 (25%): BackendNotFound, Service books/reviews-v2 is not in the repository");
    assertThat(text.substring(port9081)).contains("no route: requests pass through unchanged");
  }

  @Test
  void gatewayShowsRoutesPerListenerAndTheRejectedOnes() {
    String text = explain("Gateway", "gateway.networking.k8s.io", "ingress");
    int web = text.indexOf("listener web 80/HTTP");
    int raw = text.indexOf("listener raw 9000/TCP");
    assertThat(text.indexOf("HTTPRoute books/split: Accepted")).isGreaterThan(web).isLessThan(raw);
    assertThat(text).contains("TCPRoute books/raw: NotAllowedByListeners");
  }

  @Test
  void routeShowsEachParentRefOutcome() {
    String text = explain("HTTPRoute", "gateway.networking.k8s.io", "split");
    assertThat(text).contains("Service books/reviews port 9080: Accepted").contains("Gateway books/ingress sectionName web: Accepted");
  }
}
