package io.ambientlint.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.config.Config;
import io.ambientlint.core.config.ExternalObject;
import io.ambientlint.core.graph.WaypointBinding.LabelSource;
import io.ambientlint.core.graph.WaypointBinding.Status;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.model.Kind;
import io.ambientlint.core.model.ResourceId;
import io.ambientlint.core.model.Workload;
import io.ambientlint.testing.TestGraphs;
import org.junit.jupiter.api.Test;

/** Every branch of docs/architecture.md "use-waypoint" and "Which Gateways are waypoints". */
class WaypointResolverTest {

  private static final String WAYPOINT = """
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: %s, namespace: %s, labels: {%s}}
      spec:
        gatewayClassName: %s
        listeners:
        - name: mesh
          port: 15008
          protocol: HBONE
          %s
      ---
      """;

  private static String waypoint(String ns, String name, String labels, String allowedRoutes) {
    return WAYPOINT.formatted(name, ns, labels, "istio-waypoint", allowedRoutes);
  }

  private static String service(String ns, String name, String labels) {
    return """
        apiVersion: v1
        kind: Service
        metadata: {name: %s, namespace: %s, labels: {%s}}
        spec: {selector: {app: %s}, ports: [{port: 80}]}
        ---
        """.formatted(name, ns, labels, name);
  }

  private static String namespace(String name, String labels) {
    return """
        apiVersion: v1
        kind: Namespace
        metadata: {name: %s, labels: {%s}}
        ---
        """.formatted(name, labels);
  }

  private static String deployment(String ns, String name, String labels) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %s, namespace: %s}
        spec:
          template:
            metadata: {labels: {app: %s, %s}}
        ---
        """.formatted(name, ns, name, labels);
  }

  private static WaypointBinding serviceBinding(MeshGraph g, String ns, String name) {
    return g.waypointForService(g.service(ns, name).orElseThrow());
  }

  private static WaypointBinding workloadBinding(MeshGraph g, String ns, String name) {
    Workload w = g.workload(new ResourceId(Kind.DEPLOYMENT, ns, name)).orElseThrow();
    return g.waypointForWorkload(w);
  }

  @Test
  void crossNamespaceUseIsDeniedByDefaultAndAllowedByAllOrSelector() {
    MeshGraph g = TestGraphs.fromYaml(
        namespace("books", "team: books")
            + namespace("shop", "team: shop")
            + waypoint("infra", "same", "", "")
            + waypoint("infra", "all", "", "allowedRoutes: {namespaces: {from: All}}")
            + waypoint("infra", "selected", "", "allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {team: books}}}}")
            + waypoint("infra", "by-name", "", "allowedRoutes: {namespaces: {from: Selector, selector: {matchExpressions: "
                + "[{key: kubernetes.io/metadata.name, operator: In, values: [shop]}]}}}")
            + service("books", "denied", "istio.io/use-waypoint: same, istio.io/use-waypoint-namespace: infra")
            + service("books", "everyone", "istio.io/use-waypoint: all, istio.io/use-waypoint-namespace: infra")
            + service("books", "matching", "istio.io/use-waypoint: selected, istio.io/use-waypoint-namespace: infra")
            + service("shop", "not-matching", "istio.io/use-waypoint: selected, istio.io/use-waypoint-namespace: infra")
            + service("shop", "metadata-name", "istio.io/use-waypoint: by-name, istio.io/use-waypoint-namespace: infra")
            + service("infra", "local", "istio.io/use-waypoint: same"));
    WaypointBinding denied = serviceBinding(g, "books", "denied");
    assertThat(denied.status()).isEqualTo(Status.NAMESPACE_DENIED);
    assertThat(denied.reason()).contains("does not admit namespace books").contains("allows only its own namespace infra");
    assertThat(denied.isFailed()).isTrue();
    assertThat(serviceBinding(g, "books", "everyone").status()).isEqualTo(Status.BOUND);
    assertThat(serviceBinding(g, "books", "matching").status()).isEqualTo(Status.BOUND);
    assertThat(serviceBinding(g, "shop", "not-matching").status()).isEqualTo(Status.NAMESPACE_DENIED);
    assertThat(serviceBinding(g, "shop", "metadata-name").status()).isEqualTo(Status.BOUND);
    assertThat(serviceBinding(g, "infra", "local").status()).isEqualTo(Status.BOUND);
  }

  @Test
  void noneOptsOutOnlyWhenSpelledExactly() {
    MeshGraph g = TestGraphs.fromYaml(namespace("books", "istio.io/use-waypoint: waypoint")
        + waypoint("books", "waypoint", "", "")
        + service("books", "out", "istio.io/use-waypoint: none")
        + service("books", "capital", "istio.io/use-waypoint: None"));
    WaypointBinding out = serviceBinding(g, "books", "out");
    assertThat(out.status()).isEqualTo(Status.OPTED_OUT);
    assertThat(out.source()).isEqualTo(LabelSource.OBJECT);
    assertThat(out.isBound()).isFalse();
    // Istio compares with "none" exactly: "None" names a Gateway, which does not exist.
    assertThat(serviceBinding(g, "books", "capital").status()).isEqualTo(Status.MISSING);
    assertThat(g.optOutWaypointLabels()).hasSize(1);
  }

  @Test
  void namespaceLabelIsInheritedOnlyByObjectsWithoutTheirOwn() {
    MeshGraph g = TestGraphs.fromYaml(namespace("books", "istio.io/use-waypoint: waypoint")
        + waypoint("books", "waypoint", "", "")
        + service("books", "inherits", "")
        + service("books", "own-missing", "istio.io/use-waypoint: gone"));
    WaypointBinding inherits = serviceBinding(g, "books", "inherits");
    assertThat(inherits.status()).isEqualTo(Status.BOUND);
    assertThat(inherits.source()).isEqualTo(LabelSource.NAMESPACE);
    assertThat(inherits.label().orElseThrow().resource().kind()).isEqualTo("Namespace");
    // The object's own label wins outright: no fallback to the namespace's working waypoint.
    WaypointBinding own = serviceBinding(g, "books", "own-missing");
    assertThat(own.status()).isEqualTo(Status.MISSING);
    assertThat(own.source()).isEqualTo(LabelSource.OBJECT);
    assertThat(own.waypointDisplayName()).isEqualTo("books/gone");
  }

  @Test
  void workloadAndServiceWaypointFor() {
    MeshGraph g = TestGraphs.fromYaml(namespace("books", "istio.io/use-waypoint: svc-only")
        + waypoint("books", "svc-only", "", "")
        + waypoint("books", "wl-only", "istio.io/waypoint-for: workload", "")
        + waypoint("books", "both", "istio.io/waypoint-for: all", "")
        + service("books", "to-workload-waypoint", "istio.io/use-waypoint: wl-only")
        + service("books", "to-both", "istio.io/use-waypoint: both")
        + deployment("books", "inherits", "tier: x")
        + deployment("books", "own-service-waypoint", "istio.io/use-waypoint: svc-only")
        + deployment("books", "own-workload-waypoint", "istio.io/use-waypoint: wl-only"));
    assertThat(serviceBinding(g, "books", "to-workload-waypoint").status()).isEqualTo(Status.TRAFFIC_TYPE_NOT_COVERED);
    assertThat(serviceBinding(g, "books", "to-both").status()).isEqualTo(Status.BOUND);
    WaypointBinding inherited = workloadBinding(g, "books", "inherits");
    assertThat(inherited.status()).isEqualTo(Status.NOT_APPLICABLE);
    assertThat(inherited.isFailed()).isFalse();
    assertThat(workloadBinding(g, "books", "own-service-waypoint").status()).isEqualTo(Status.TRAFFIC_TYPE_NOT_COVERED);
    assertThat(workloadBinding(g, "books", "own-workload-waypoint").status()).isEqualTo(Status.BOUND);
    Gateway wl = g.gateway("books", "wl-only").orElseThrow();
    assertThat(g.waypointFor(wl).value()).isEqualTo("workload");
    assertThat(g.waypointFor(wl).decidedBy()).isPresent();
    assertThat(g.waypointFor(g.gateway("books", "svc-only").orElseThrow()).decidedBy()).isEmpty();
  }

  private static final String VENDOR = """
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: vendor, namespace: books}
      spec:
        gatewayClassName: acme-waypoint
        listeners: [{name: mesh, port: 15008, protocol: HBONE}]
      """;

  @Test
  void vendorClassDeclaredThreeWays() {
    Gateway plain = TestGraphs.fromYaml(VENDOR).gateway("books", "vendor").orElseThrow();
    assertThat(TestGraphs.fromYaml(VENDOR).isWaypoint(plain)).isFalse();

    MeshGraph fromConfigFile = TestGraphs.fromYaml(VENDOR, io.ambientlint.core.config.ConfigLoader.parse(
        "waypointClasses: [acme-waypoint]\n", ".ambient-lint.yaml", Config.builder()));
    assertThat(fromConfigFile.isWaypoint(fromConfigFile.gateway("books", "vendor").orElseThrow())).isTrue();

    // --waypoint-class adds to the same list on top of the file (AnalysisOptions).
    MeshGraph fromOption = TestGraphs.fromYaml(VENDOR, Config.builder().addWaypointClass("acme-waypoint").build());
    assertThat(fromOption.isWaypoint(fromOption.gateway("books", "vendor").orElseThrow())).isTrue();

    MeshGraph fromRepo = TestGraphs.fromYaml(VENDOR + """
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: GatewayClass
        metadata: {name: acme-waypoint, labels: {istio.io/waypoint-for: workload}}
        spec: {controllerName: acme.example/waypoint}
        """);
    Gateway vendor = fromRepo.gateway("books", "vendor").orElseThrow();
    assertThat(fromRepo.isWaypoint(vendor)).isTrue();
    assertThat(fromRepo.waypointFor(vendor).value()).isEqualTo("workload");
    assertThat(fromRepo.isThirdPartyClass(vendor)).isTrue();
    assertThat(fromRepo.waypointClassReason("acme-waypoint")).hasValueSatisfying(
        r -> assertThat(r).contains("GatewayClass acme-waypoint"));
  }

  @Test
  void anyGatewayNamedByALabelIsAWaypoint() {
    MeshGraph g = TestGraphs.fromYaml(WAYPOINT.formatted("sandwich", "books", "", "istio", "")
        + WAYPOINT.formatted("ingress", "books", "", "istio", "")
        + service("books", "reviews", "istio.io/use-waypoint: sandwich"));
    assertThat(g.isWaypoint(g.gateway("books", "sandwich").orElseThrow())).isTrue();
    assertThat(g.isWaypoint(g.gateway("books", "ingress").orElseThrow())).isFalse();
    assertThat(g.waypoints()).extracting(Gateway::name).containsExactly("sandwich");
  }

  @Test
  void inboundBindingChoosesTheListenerThatDecidesAllowedNamespaces() {
    MeshGraph g = TestGraphs.fromYaml("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: GatewayClass
        metadata: {name: kgateway-waypoint, annotations: {ambient.istio.io/waypoint-inbound-binding: PROXY/15088}}
        spec: {controllerName: kgateway.dev/kgateway}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: by-port, namespace: infra}
        spec:
          gatewayClassName: kgateway-waypoint
          listeners:
          - {name: mesh, port: 15008, protocol: HBONE}
          - {name: proxy, port: 15088, protocol: istio.io/PROXY, allowedRoutes: {namespaces: {from: All}}}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: by-protocol, namespace: infra, annotations: {ambient.istio.io/waypoint-inbound-binding: PROXY}}
        spec:
          gatewayClassName: kgateway-waypoint
          listeners:
          - {name: other, port: 9000, protocol: istio.io/PROXY}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: invalid, namespace: infra, annotations: {ambient.istio.io/waypoint-inbound-binding: "TCP/15088"}}
        spec:
          gatewayClassName: kgateway-waypoint
          listeners:
          - {name: mesh, port: 15008, protocol: HBONE}
          - {name: proxy, port: 15088, protocol: istio.io/PROXY}
        """);
    Gateway byPort = g.gateway("infra", "by-port").orElseThrow();
    assertThat(g.boundListener(byPort)).hasValueSatisfying(l -> assertThat(l.name()).isEqualTo("proxy"));
    assertThat(g.admits(byPort, "books").allowed()).isTrue();
    assertThat(g.boundListener(g.gateway("infra", "by-protocol").orElseThrow()))
        .hasValueSatisfying(l -> assertThat(l.name()).isEqualTo("other"));
    Gateway invalid = g.gateway("infra", "invalid").orElseThrow();
    assertThat(g.inboundBinding(invalid)).hasValueSatisfying(b -> assertThat(b.valid()).isFalse());
    assertThat(g.boundListener(invalid)).hasValueSatisfying(l -> assertThat(l.name()).isEqualTo("mesh"));
    assertThat(g.admits(invalid, "books").allowed()).isFalse();
  }

  @Test
  void notReadyWhenStatusHasNoUsableAddress() {
    MeshGraph g = TestGraphs.fromYaml(waypoint("books", "waypoint", "", "")
        + """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: pending, namespace: books}
        spec: {gatewayClassName: istio-waypoint, listeners: [{name: mesh, port: 15008, protocol: HBONE}]}
        status: {addresses: []}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: garbage, namespace: books}
        spec: {gatewayClassName: istio-waypoint, listeners: [{name: mesh, port: 15008, protocol: HBONE}]}
        status: {addresses: [{value: "not an address"}]}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: ready, namespace: books}
        spec: {gatewayClassName: istio-waypoint, listeners: [{name: mesh, port: 15008, protocol: HBONE}]}
        status: {addresses: [{value: 10.96.0.12}]}
        ---
        """ + service("books", "reviews", "istio.io/use-waypoint: pending"));
    assertThat(g.isReady(g.gateway("books", "waypoint").orElseThrow())).isTrue();
    assertThat(g.isReady(g.gateway("books", "pending").orElseThrow())).isFalse();
    assertThat(g.isReady(g.gateway("books", "garbage").orElseThrow())).isFalse();
    assertThat(g.isReady(g.gateway("books", "ready").orElseThrow())).isTrue();
    assertThat(serviceBinding(g, "books", "reviews").status()).isEqualTo(Status.NOT_READY);
  }

  @Test
  void externalWaypointIsBoundWithoutDetails() {
    Config config = Config.builder().addExternal(new ExternalObject("", "Gateway", "shared", "waypoint")).build();
    MeshGraph g = TestGraphs.fromYaml(namespace("books", "istio.io/use-waypoint: waypoint, istio.io/use-waypoint-namespace: shared")
        + service("books", "reviews", ""), config);
    WaypointBinding b = serviceBinding(g, "books", "reviews");
    assertThat(b.status()).isEqualTo(Status.BOUND_EXTERNAL);
    assertThat(b.isBound()).isTrue();
    assertThat(b.namespaceLabel()).isPresent();
  }

  @Test
  void namespaceVisibleServiceEntryCannotUseAForeignWaypointWithServiceEntryVisibility() {
    String yaml = waypoint("infra", "egress", "", "allowedRoutes: {namespaces: {from: All}}") + """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: api
          namespace: books
          labels: {istio.io/use-waypoint: egress, istio.io/use-waypoint-namespace: infra}
        spec: {hosts: [api.example.com], exportTo: ["."], ports: [{number: 443, name: tls, protocol: TLS}]}
        ---
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: public
          namespace: books
          labels: {istio.io/use-waypoint: egress, istio.io/use-waypoint-namespace: infra}
        spec: {hosts: [public.example.com], ports: [{number: 443, name: tls, protocol: TLS}]}
        """;
    MeshGraph plain = TestGraphs.fromYaml(yaml);
    assertThat(plain.waypointForService(plain.serviceEntry("books", "api").orElseThrow()).status()).isEqualTo(Status.BOUND);
    MeshGraph visible = TestGraphs.fromYaml(yaml, Config.builder().serviceEntryVisibility(true).build());
    assertThat(visible.waypointForService(visible.serviceEntry("books", "api").orElseThrow()).status())
        .isEqualTo(Status.SERVICE_ENTRY_VISIBILITY);
    assertThat(visible.waypointForService(visible.serviceEntry("books", "public").orElseThrow()).status())
        .isEqualTo(Status.BOUND);
  }

  @Test
  void usesAndBindingsAreIndexedByWaypoint() {
    MeshGraph g = TestGraphs.fromYaml(namespace("books", "istio.io/use-waypoint: waypoint")
        + waypoint("books", "waypoint", "", "")
        + waypoint("books", "canary", "", "")
        + service("books", "reviews", "istio.io/use-waypoint-canary: canary")
        + service("books", "ratings", "")
        + deployment("books", "details", "istio.io/use-waypoint-canary: canary"));
    Gateway waypoint = g.gateway("books", "waypoint").orElseThrow();
    assertThat(g.usesOf(waypoint)).singleElement().satisfies(u -> assertThat(u.isNamespaceLabel()).isTrue());
    assertThat(g.bindingsTo(waypoint)).extracting(u -> u.subject().name()).contains("reviews", "ratings", "details");
    // Canary labels count on Services, not on pod templates.
    Gateway canary = g.gateway("books", "canary").orElseThrow();
    assertThat(g.canaryUsesOf(canary)).singleElement().satisfies(u -> assertThat(u.holder().name()).isEqualTo("reviews"));
    assertThat(g.isWaypoint(canary)).isTrue();
  }

  @Test
  void ingressUseWaypointIsAGoBoolean() {
    MeshGraph g = TestGraphs.fromYaml(namespace("books", "istio.io/ingress-use-waypoint: \"true\"")
        + service("books", "inherits", "")
        + service("books", "yes", "istio.io/ingress-use-waypoint: \"yes\"")
        + service("books", "one", "istio.io/ingress-use-waypoint: \"1\""));
    assertThat(g.ingressUseWaypoint(g.service("books", "inherits").orElseThrow()).enabled()).isTrue();
    IngressUseWaypoint yes = g.ingressUseWaypoint(g.service("books", "yes").orElseThrow());
    assertThat(yes.enabled()).isFalse();
    assertThat(yes.valid()).isFalse();
    assertThat(g.ingressUseWaypoint(g.service("books", "one").orElseThrow()).enabled()).isTrue();
  }

  @Test
  void inboundBindingSyntax() {
    assertThat(InboundBinding.isValidValue("PROXY")).isTrue();
    assertThat(InboundBinding.isValidValue("PROXY/15088")).isTrue();
    assertThat(InboundBinding.isValidValue("NONE/15008")).isTrue();
    assertThat(InboundBinding.isValidValue("PROXY/")).isFalse();
    assertThat(InboundBinding.isValidValue("PROXY/70000")).isFalse();
    assertThat(InboundBinding.isValidValue("proxy")).isFalse();
    assertThat(InboundBinding.isValidValue("PROXY/1/2")).isFalse();
  }
}
