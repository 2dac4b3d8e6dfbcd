package io.ambientlint.core.explain;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.diagram.Diagram;
import io.ambientlint.core.diagram.DiagramContributors;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.ResourceId;
import io.ambientlint.testing.TestGraphs;
import org.junit.jupiter.api.Test;

/** explain and the diagram for VirtualServices, DestinationRules and EnvoyFilters. */
class ClassicTrafficSectionTest {

  private static final MeshGraph GRAPH = TestGraphs.fromYaml("""
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
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: reviews-v1, namespace: books}
      spec: {template: {metadata: {labels: {app: reviews, version: v1}}}}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: reviews, namespace: books}
      spec: {parentRefs: [{group: "", kind: Service, name: reviews}]}
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: reviews, namespace: books}
      spec: {hosts: [reviews], http: [{route: [{destination: {host: reviews, subset: v1}}]}]}
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: reviews-frontend, namespace: frontend}
      spec: {hosts: [reviews.books.svc.cluster.local], http: [{route: [{destination: {host: reviews.books}}]}]}
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: reviews, namespace: books}
      spec: {host: reviews, subsets: [{name: v1, labels: {version: v1}}, {name: v2, labels: {version: v2}}]}
      ---
      # literal host (only dot-free names are expanded): it configures nothing for books/reviews
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: literal, namespace: frontend}
      spec: {host: reviews.books, subsets: [{name: v3, labels: {version: v3}}]}
      ---
      apiVersion: networking.istio.io/v1alpha3
      kind: EnvoyFilter
      metadata: {name: lua, namespace: books}
      spec: {targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: waypoint}]}
      """);

  private static String explain(String kind, String group, String ns, String name) {
    return ExplainSections.explain(GRAPH, GRAPH.resource(new ResourceId(group, kind, ns, name)).orElseThrow()).toText();
  }

  @Test
  void serviceListsItsVirtualServicesAndDestinationRulesWithTheirEffect() {
    String text = explain("Service", "", "books", "reviews");
    assertThat(text).contains("VirtualService books/reviews (host reviews, exported to all namespaces)")
        .contains("applied at waypoint books/waypoint (Alpha)")
        .contains("shadowed completely by HTTPRoute books/reviews (AL401)")
        .contains("VirtualService frontend/reviews-frontend")
        .contains("not applied at waypoint books/waypoint: it is in neither the service's nor the waypoint's namespace")
        .contains("subset v1 (version=v1): 1 workload(s) of the host in the repository")
        .contains("subset v2 (version=v2): 0 workload(s) of the host in the repository");
  }

  @Test
  void aDestinationRuleWithAPartlyQualifiedHostIsNotShownAsApplying() {
    assertThat(explain("Service", "", "books", "reviews")).doesNotContain("frontend/literal").doesNotContain("v3");
    assertThat(explain("DestinationRule", "networking.istio.io", "frontend", "literal"))
        .contains("reviews.books -> reviews.books: no Service or ServiceEntry")
        .contains("the FQDN is reviews.books.svc.cluster.local");
  }

  @Test
  void virtualServiceAndGatewayExplainTheirSide() {
    assertThat(explain("VirtualService", "networking.istio.io", "frontend", "reviews-frontend"))
        .contains("reviews.books.svc.cluster.local -> reviews.books.svc.cluster.local: Service books/reviews");
    assertThat(explain("Gateway", "gateway.networking.k8s.io", "books", "waypoint"))
        .contains("EnvoyFilter books/lua patches it through targetRef Gateway waypoint (unsupported on waypoints: AL501)");
  }

  @Test
  void diagramLinksVirtualServicesDestinationRulesAndEnvoyFilters() {
    Diagram d = DiagramContributors.build(GRAPH);
    assertThat(d.edges()).contains(
        new Diagram.Edge("vs:books/reviews", "svc:books/reviews", "host (shadowed by a route)", Diagram.EdgeStyle.DASHED),
        new Diagram.Edge("dr:books/reviews", "svc:books/reviews", "host, 2 subset(s)", Diagram.EdgeStyle.NORMAL),
        new Diagram.Edge("ef:books/lua", "gw:books/waypoint", "patches (unsupported on waypoints)",
            Diagram.EdgeStyle.FAILED));
  }
}
