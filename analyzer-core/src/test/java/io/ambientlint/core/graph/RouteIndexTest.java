package io.ambientlint.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.graph.ParentAttachment.Outcome;
import io.ambientlint.core.graph.ParentAttachment.Scope;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.model.Listener;
import io.ambientlint.core.model.Route;
import io.ambientlint.core.model.RouteKind;
import io.ambientlint.core.model.Service;
import io.ambientlint.testing.TestGraphs;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteIndexTest {

  private static final String MESH = """
      apiVersion: v1
      kind: Namespace
      metadata: {name: books, labels: {istio.io/dataplane-mode: ambient, istio.io/use-waypoint: waypoint}}
      ---
      apiVersion: v1
      kind: Namespace
      metadata: {name: shop, labels: {istio.io/dataplane-mode: ambient}}
      ---
      apiVersion: v1
      kind: Namespace
      metadata: {name: infra, labels: {team: infra}}
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
      spec: {selector: {app: reviews}, ports: [{name: http, port: 9080}, {name: grpc, port: 9090}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: cart, namespace: shop}
      spec: {selector: {app: cart}, ports: [{name: http, port: 8080}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: legacy, namespace: books, labels: {istio.io/use-waypoint: none}}
      spec: {selector: {app: legacy}, ports: [{port: 80}]}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: ingress, namespace: infra}
      spec:
        gatewayClassName: istio
        listeners:
        - {name: http, port: 80, protocol: HTTP, hostname: "*.example.com", allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {kubernetes.io/metadata.name: books}}}}}
        - {name: tcp, port: 9000, protocol: TCP, allowedRoutes: {namespaces: {from: All}}}
      """;

  private static MeshGraph graph(String routes) {
    return TestGraphs.fromYaml(MESH + "---\n" + routes);
  }

  private static ParentAttachment only(MeshGraph g) {
    assertThat(g.parentAttachments()).hasSize(1);
    return g.parentAttachments().get(0);
  }

  @Test
  void serviceParentBoundToWaypointIsAcceptedOnAllPorts() {
    MeshGraph g = graph("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: books}
        spec:
          parentRefs: [{group: "", kind: Service, name: reviews, sectionName: http}]
        """);
    ParentAttachment a = only(g);
    assertThat(a.outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(a.ports()).containsExactly(9080, 9090); // sectionName is ignored on Service parents
    assertThat(a.scope()).isEqualTo(Scope.SERVICE_NAMESPACE);
    assertThat(a.appliesAtWaypoint()).isTrue();
    Service reviews = g.service("books", "reviews").orElseThrow();
    assertThat(g.routesAttachedTo(reviews)).containsExactly(a);
  }

  @Test
  void serviceParentPortNarrowsAndUnknownPortMatchesNothing() {
    MeshGraph g = graph("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: books}
        spec:
          parentRefs:
          - {group: "", kind: Service, name: reviews, port: 9090}
          - {group: "", kind: Service, name: reviews, port: 7000}
        """);
    List<ParentAttachment> a = g.parentAttachments();
    assertThat(a.get(0).ports()).containsExactly(9090);
    assertThat(a.get(0).isAccepted()).isTrue();
    assertThat(a.get(1).outcome()).isEqualTo(Outcome.PORT_NOT_ON_SERVICE);
    assertThat(a.get(1).ports()).isEmpty();
  }

  @Test
  void ambientServiceWithoutWaypointLabelRejectsTheRoute() {
    MeshGraph g = graph("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: shop}
        spec:
          parentRefs: [{group: "", kind: Service, name: cart}, {group: "", kind: Service, name: legacy, namespace: books}]
        """);
    // legacy opts out with use-waypoint: none, but its namespace has the label: referenceAllowed
    // (pilot/pkg/config/kube/gateway/conversion.go) then reports no MissingUseWaypointLabel
    assertThat(g.parentAttachments()).extracting(ParentAttachment::outcome)
        .containsExactly(Outcome.MISSING_USE_WAYPOINT_LABEL, Outcome.ACCEPTED);
    assertThat(g.parentAttachments().get(1).binding().orElseThrow().status()).isEqualTo(WaypointBinding.Status.OPTED_OUT);
    assertThat(g.parentAttachments().get(1).appliesAtWaypoint()).isFalse();
  }

  @Test
  void serviceParentWithoutGroupIsAGatewayApiKindNobodyImplements() {
    ParentAttachment a = only(graph("""
        apiVersion: gateway.networking.k8s.io/v1beta1
        kind: HTTPRoute
        metadata: {name: r, namespace: books}
        spec:
          parentRefs: [{kind: Service, name: reviews}]
        """));
    assertThat(a.outcome()).isEqualTo(Outcome.UNSUPPORTED_KIND);
    assertThat(a.reason()).contains("group: \"\"");
  }

  @Test
  void consumerRouteInThirdNamespaceDoesNotApplyAtTheWaypoint() {
    ParentAttachment a = only(graph("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: shop}
        spec:
          parentRefs: [{group: "", kind: Service, name: reviews, namespace: books}]
        """));
    assertThat(a.isAccepted()).isTrue();
    assertThat(a.scope()).isEqualTo(Scope.CONSUMER);
    assertThat(a.appliesAtWaypoint()).isFalse();
  }

  @Test
  void higherRouteKindWinsOnASharedServicePort() {
    MeshGraph g = graph("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: web, namespace: books}
        spec:
          parentRefs: [{group: "", kind: Service, name: reviews}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: GRPCRoute
        metadata: {name: rpc, namespace: books}
        spec:
          parentRefs: [{group: "", kind: Service, name: reviews, port: 9090}]
        ---
        apiVersion: gateway.networking.k8s.io/v1alpha2
        kind: TCPRoute
        metadata: {name: raw, namespace: books}
        spec:
          parentRefs: [{group: "", kind: Service, name: reviews, port: 9090}]
        """);
    List<ParentAttachment> onReviews = g.routesAttachedTo(g.service("books", "reviews").orElseThrow());
    assertThat(onReviews).extracting(a -> a.route().kind()).containsExactly(RouteKind.GRPC, RouteKind.HTTP, RouteKind.TCP);
    ParentAttachment http = onReviews.get(1);
    assertThat(http.outcome()).isEqualTo(Outcome.ACCEPTED); // still wins 9080
    assertThat(http.conflicts()).extracting(ParentAttachment.PortConflict::port).containsExactly(9090);
    assertThat(http.conflicts().get(0).winner().name()).isEqualTo("rpc");
    assertThat(onReviews.get(2).outcome()).isEqualTo(Outcome.CONFLICTED);
    assertThat(onReviews.get(0).conflicts()).isEmpty();
  }

  @Test
  void routesOfAnotherNamespaceDoNotCompeteWithTheProducerRoutes() {
    MeshGraph g = graph("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: GRPCRoute
        metadata: {name: rpc, namespace: books}
        spec:
          parentRefs: [{group: "", kind: Service, name: reviews}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: consumer, namespace: shop}
        spec:
          parentRefs: [{group: "", kind: Service, name: reviews, namespace: books}]
        ---
        apiVersion: gateway.networking.k8s.io/v1alpha2
        kind: TCPRoute
        metadata: {name: consumer-raw, namespace: shop}
        spec:
          parentRefs: [{group: "", kind: Service, name: reviews, namespace: books, port: 9080}]
        """);
    assertThat(g.parentAttachments()).extracting(a -> a.route().name() + "=" + a.outcome() + a.conflicts().size())
        .containsExactly("rpc=ACCEPTED0", "consumer=ACCEPTED0", "consumer-raw=CONFLICTED1");
  }

  @Test
  void gatewayParentMatchesListenersBySectionPortNamespaceKindAndHostname() {
    MeshGraph g = graph("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: ok, namespace: books}
        spec:
          parentRefs: [{name: ingress, namespace: infra}]
          hostnames: [reviews.example.com]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: no-section, namespace: books}
        spec:
          parentRefs: [{name: ingress, namespace: infra, sectionName: https}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: wrong-ns, namespace: shop}
        spec:
          parentRefs: [{name: ingress, namespace: infra, port: 80}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: wrong-kind, namespace: books}
        spec:
          parentRefs: [{name: ingress, namespace: infra, sectionName: tcp}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: wrong-host, namespace: books}
        spec:
          parentRefs: [{name: ingress, namespace: infra}]
          hostnames: [example.com, reviews.example.org]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: missing, namespace: books}
        spec:
          parentRefs: [{name: nope}]
        """);
    assertThat(g.parentAttachments()).extracting(a -> a.route().name() + "=" + a.outcome()).containsExactly(
        "ok=ACCEPTED", "no-section=NO_MATCHING_PARENT", "wrong-ns=NOT_ALLOWED_BY_LISTENERS",
        "wrong-kind=NOT_ALLOWED_BY_LISTENERS", "wrong-host=NO_MATCHING_LISTENER_HOSTNAME", "missing=NOT_FOUND");
    Gateway ingress = g.gateway("infra", "ingress").orElseThrow();
    assertThat(g.routesAttachedTo(ingress)).extracting(a -> a.route().namespacedName()).containsExactly(
        "books/no-section", "books/ok", "books/wrong-host", "books/wrong-kind", "shop/wrong-ns");
    ParentAttachment ok = g.routesAttachedTo(ingress).get(1);
    assertThat(ok.listeners()).extracting(Listener::name).containsExactly("http");
  }

  @Test
  void listenerKindsDefaultFromProtocolAndNarrowToTheListedKinds() {
    Gateway gw = TestGraphs.fromYaml("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: g, namespace: a}
        spec:
          gatewayClassName: istio
          listeners:
          - {name: h, port: 80, protocol: HTTP}
          - {name: t, port: 443, protocol: TLS, tls: {mode: Passthrough}}
          - {name: k, port: 81, protocol: HTTP, allowedRoutes: {kinds: [{kind: GRPCRoute}, {kind: TCPRoute}]}}
          - {name: w, port: 15008, protocol: HBONE}
        """).gateways().get(0);
    assertThat(RouteIndex.allowedKinds(gw, gw.listeners().get(0))).containsExactlyInAnyOrder(RouteKind.HTTP, RouteKind.GRPC);
    assertThat(RouteIndex.allowedKinds(gw, gw.listeners().get(1))).containsExactly(RouteKind.TLS);
    assertThat(RouteIndex.allowedKinds(gw, gw.listeners().get(2))).containsExactly(RouteKind.GRPC);
    assertThat(RouteIndex.allowedKinds(gw, gw.listeners().get(3))).hasSize(5);
  }

  @Test
  void hostnameIntersectionFollowsWildcardRules() {
    assertThat(Hostnames.intersect("*.example.com", "a.b.example.com")).isTrue();
    assertThat(Hostnames.intersect("*.example.com", "example.com")).isFalse();
    assertThat(Hostnames.intersect("foo.example.com", "*.example.com")).isTrue();
    assertThat(Hostnames.intersect("*.example.com", "*.foo.example.com")).isTrue();
    assertThat(Hostnames.intersect("*.example.com", "*.example.org")).isFalse();
    assertThat(Hostnames.intersect("Foo.Example.com", "foo.example.com")).isTrue();
    assertThat(Hostnames.intersect(null, List.of("x"))).isTrue();
    assertThat(Hostnames.intersect("x", List.of())).isTrue();
  }

  @Test
  void backendRefsResolveWithDefaultsPortsKindsAndReferenceGrants() {
    MeshGraph g = graph("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: books}
        spec:
          parentRefs: [{name: ingress, namespace: infra}]
          rules:
          - backendRefs:
            - {name: reviews, port: 9080, weight: 90}
            - {name: reviews}
            - {name: reviews, port: 1}
            - {name: gone, port: 80}
            - {name: cart, namespace: shop, port: 8080}
            - {group: example.com, kind: Bucket, name: b}
            - {name: cart, namespace: infra, port: 8080}
        ---
        apiVersion: gateway.networking.k8s.io/v1beta1
        kind: ReferenceGrant
        metadata: {name: allow-books, namespace: infra}
        spec:
          from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: books}]
          to: [{group: "", kind: Service}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: cart, namespace: infra}
        spec: {ports: [{port: 8080}]}
        """);
    Route r = g.routes().get(0);
    assertThat(g.backendResolutions(r)).extracting(BackendResolution::outcome).containsExactly(
        BackendResolution.Outcome.RESOLVED, BackendResolution.Outcome.PORT_REQUIRED,
        BackendResolution.Outcome.PORT_NOT_FOUND, BackendResolution.Outcome.NOT_FOUND,
        BackendResolution.Outcome.REF_NOT_PERMITTED, BackendResolution.Outcome.INVALID_KIND,
        BackendResolution.Outcome.RESOLVED);
    assertThat(g.backendResolutions(r).get(0).backendRef().weight()).isEqualTo(90);
    assertThat(g.backendResolutions(r).get(6).grant()).isPresent();
  }

  @Test
  void meshRoutesNeedNoReferenceGrantForCrossNamespaceBackends() {
    MeshGraph g = graph("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: books}
        spec:
          parentRefs: [{group: "", kind: Service, name: reviews}]
          rules: [{backendRefs: [{name: cart, namespace: shop, port: 8080}]}]
        """);
    assertThat(g.backendResolutions().get(0).outcome()).isEqualTo(BackendResolution.Outcome.RESOLVED);
  }

  @Test
  void serviceEntryAndHostnameParentsResolveToTheServiceEntry() {
    MeshGraph g = graph("""
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: payments, namespace: books}
        spec: {hosts: [payments.example.com], ports: [{number: 443, name: tls, protocol: TLS}]}
        ---
        apiVersion: gateway.networking.k8s.io/v1alpha2
        kind: TLSRoute
        metadata: {name: r, namespace: books}
        spec:
          parentRefs:
          - {group: networking.istio.io, kind: ServiceEntry, name: payments}
          - {group: networking.istio.io, kind: Hostname, name: payments.example.com}
          - {group: networking.istio.io, kind: Hostname, name: nowhere.example.com}
        """);
    assertThat(g.parentAttachments()).extracting(ParentAttachment::outcome)
        .containsExactly(Outcome.ACCEPTED, Outcome.ACCEPTED, Outcome.NOT_FOUND);
    assertThat(g.routesAttachedTo(g.serviceEntry("books", "payments").orElseThrow())).hasSize(2)
        .allSatisfy(a -> assertThat(a.ports()).containsExactly(443));
  }

  @Test
  void externalParentsAreNotCheckedAndSidecarServicesNeedNoWaypoint() {
    MeshGraph g = TestGraphs.fromYaml(MESH + """
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: legacy, labels: {istio-injection: enabled}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: old, namespace: legacy}
        spec: {ports: [{port: 80}]}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: legacy}
        spec:
          parentRefs: [{group: "", kind: Service, name: old}, {name: shared, namespace: infra}]
        """, io.ambientlint.core.config.Config.builder()
        .addExternal(new io.ambientlint.core.config.ExternalObject("", "Gateway", "infra", "shared")).build());
    assertThat(g.parentAttachments()).extracting(ParentAttachment::outcome).containsExactly(Outcome.ACCEPTED, Outcome.EXTERNAL);
    assertThat(g.parentAttachments().get(0).appliesAtWaypoint()).isFalse();
    assertThat(g.parentAttachments().get(0).reason()).startsWith("applied by the clients' sidecars");
  }

  @Test
  void anIstioWaypointGatewayParentTakesNoRouteAtAll() {
    MeshGraph g = graph("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: own, namespace: books}
        spec:
          parentRefs: [{name: waypoint}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: foreign, namespace: shop}
        spec:
          parentRefs: [{name: waypoint, namespace: books}]
        """);
    assertThat(g.parentAttachments()).extracting(a -> a.route().name() + "=" + a.outcome())
        .containsExactly("own=NOT_ALLOWED_BY_LISTENERS", "foreign=NOT_ALLOWED_BY_LISTENERS");
    // GenerateGatewaySupportedKinds (pilot/pkg/config/kube/gatewaycommon) gives HBONE no route kind
    assertThat(g.parentAttachments().get(0).reason()).contains("supports no route kind");
  }

  @Test
  void badlyTypedFieldsReadAsAbsentAndNeverThrow() {
    MeshGraph g = graph("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: books}
        spec:
          parentRefs: [{group: "", kind: Service, name: reviews, port: "x"}, 7, {name: [1]}]
          hostnames: 3
          rules: [{backendRefs: {a: b}}, 5]
        """);
    assertThat(g.parentAttachments()).hasSize(3);
    assertThat(g.parentAttachments().get(0).isAccepted()).isTrue();
  }
}
