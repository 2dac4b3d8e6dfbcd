package io.ambientlint.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.Kind;
import io.ambientlint.core.model.KnownKinds;
import io.ambientlint.core.model.Resource;
import io.ambientlint.testing.TestGraphs;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SchemaRegistryTest {

  private static final String HTTPROUTE_CRD_V1_ONLY = """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: httproutes.gateway.networking.k8s.io}
      spec:
        group: gateway.networking.k8s.io
        names: {kind: HTTPRoute, plural: httproutes}
        scope: Namespaced
        versions:
        - name: v1
          served: true
          storage: true
          schema:
            openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
        - name: v1alpha2
          served: false
          storage: false
      """;

  @Test
  void bundledSchemasCoverEveryKindTheRulesRead() {
    SchemaRegistry registry = SchemaRegistry.of(BundledSchemas.all(), List.of());
    List<String> expected = List.of(
        KnownKinds.GATEWAY_API + "/Gateway", KnownKinds.GATEWAY_API + "/GatewayClass",
        KnownKinds.GATEWAY_API + "/HTTPRoute", KnownKinds.GATEWAY_API + "/GRPCRoute", KnownKinds.GATEWAY_API + "/TCPRoute",
        KnownKinds.GATEWAY_API + "/TLSRoute", KnownKinds.GATEWAY_API + "/UDPRoute", KnownKinds.GATEWAY_API + "/ReferenceGrant",
        KnownKinds.ISTIO_SECURITY + "/AuthorizationPolicy", KnownKinds.ISTIO_SECURITY + "/RequestAuthentication",
        KnownKinds.ISTIO_SECURITY + "/PeerAuthentication", KnownKinds.ISTIO_TELEMETRY + "/Telemetry",
        KnownKinds.ISTIO_EXTENSIONS + "/WasmPlugin", KnownKinds.ISTIO_NETWORKING + "/VirtualService",
        KnownKinds.ISTIO_NETWORKING + "/DestinationRule", KnownKinds.ISTIO_NETWORKING + "/ServiceEntry",
        KnownKinds.ISTIO_NETWORKING + "/Sidecar", KnownKinds.ISTIO_NETWORKING + "/EnvoyFilter",
        "/Namespace", "/Service", "/Pod", "apps/Deployment", "apps/StatefulSet", "apps/DaemonSet", "apps/ReplicaSet",
        "batch/Job", "batch/CronJob");
    for (String groupKind : expected) {
      String group = groupKind.substring(0, groupKind.indexOf('/'));
      String kind = groupKind.substring(groupKind.indexOf('/') + 1);
      KindSchemas k = registry.kind(group, kind).orElseThrow(() -> new AssertionError("no bundled schema for " + groupKind));
      String preferred = k.preferredVersion().orElseThrow();
      assertThat(registry.schema(group, kind, preferred)).as(groupKind).isPresent();
    }
  }

  @Test
  void schemasAreCompiledOncePerVersionAndSharedAcrossThreads() {
    SchemaRegistry registry = SchemaRegistry.of(BundledSchemas.all(), List.of());
    Set<CompiledSchema> seen = ConcurrentHashMap.newKeySet();
    IntStream.range(0, 64).parallel().forEach(i ->
        seen.add(registry.schema(KnownKinds.GATEWAY_API, "HTTPRoute", i % 2 == 0 ? "v1" : "v1beta1").orElseThrow()));
    assertThat(seen).hasSize(2);
    assertThat(registry.compiledCount()).isEqualTo(2);
    assertThat(registry.schema(KnownKinds.GATEWAY_API, "HTTPRoute", "v9")).isEmpty();
    assertThat(registry.schema("example.io", "Nothing", "v1")).isEmpty();
  }

  @Test
  void repositoryCrdsComeBeforeBundledSchemasAndTheGraphSharesTheRegistry() {
    MeshGraph graph = TestGraphs.fromYaml(HTTPROUTE_CRD_V1_ONLY + """
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: a}
        spec: {rules: [{futureField: 1}]}
        """);
    KindSchemas httpRoute = graph.schemas().kind(KnownKinds.GATEWAY_API, "HTTPRoute").orElseThrow();
    assertThat(httpRoute.source()).isEqualTo(SchemaSource.REPOSITORY);
    assertThat(httpRoute.servedVersions()).containsExactly("v1");
    assertThat(httpRoute.status("v1alpha2")).isEqualTo(KindSchemas.Status.NOT_SERVED);
    assertThat(httpRoute.status("v1beta1")).isEqualTo(KindSchemas.Status.UNKNOWN);
    Resource route = graph.model().ofKind(Kind.HTTP_ROUTE).get(0);
    assertThat(graph.schemas().validate(route)).isEmpty();
    // Kinds the repository has no CRD for still come from the bundled schemas.
    assertThat(graph.schemas().kind(KnownKinds.GATEWAY_API, "Gateway").map(KindSchemas::source))
        .contains(SchemaSource.BUNDLED);
  }

  @Test
  void versionsAreOrderedAsKubernetesOrdersThem() {
    List<String> versions = new java.util.ArrayList<>(List.of("v1alpha1", "v1beta1", "v1", "v2beta1", "v1alpha3", "v2", "v10"));
    versions.sort(ApiVersion::comparePriority);
    assertThat(versions).containsExactly("v10", "v2", "v1", "v2beta1", "v1beta1", "v1alpha3", "v1alpha1");
  }

  @Test
  void olderServedVersionsAreSupersededOnlyByAMoreStableOne() {
    KindSchemas vs = SchemaRegistry.of(BundledSchemas.all(), List.of()).kind(KnownKinds.ISTIO_NETWORKING, "VirtualService")
        .orElseThrow();
    assertThat(vs.status("v1")).isEqualTo(KindSchemas.Status.CURRENT);
    assertThat(vs.status("v1alpha3")).isEqualTo(KindSchemas.Status.SUPERSEDED);
    assertThat(vs.status("v1beta1")).isEqualTo(KindSchemas.Status.SUPERSEDED);
    KindSchemas envoyFilter = SchemaRegistry.of(BundledSchemas.all(), List.of())
        .kind(KnownKinds.ISTIO_NETWORKING, "EnvoyFilter").orElseThrow();
    assertThat(envoyFilter.status("v1alpha3")).isEqualTo(KindSchemas.Status.CURRENT);
    // Gateway API's L4 routes reached v1 only in the newest release: the bundled schema does not push it.
    KindSchemas tcpRoute = SchemaRegistry.of(BundledSchemas.all(), List.of()).kind(KnownKinds.GATEWAY_API, "TCPRoute")
        .orElseThrow();
    assertThat(tcpRoute.status("v1alpha2")).isEqualTo(KindSchemas.Status.CURRENT);
    assertThat(tcpRoute.status("v1")).isEqualTo(KindSchemas.Status.CURRENT);
    KindSchemas deprecated = new KindSchemas("example.io", "Thing", SchemaSource.CRD_OPTION, "x", java.util.Map.of(
        "v1", new ApiVersion("v1", true, true, Optional.of("use v2"), Optional.empty())));
    assertThat(deprecated.status("v1")).isEqualTo(KindSchemas.Status.DEPRECATED);
  }

  @Test
  void bundledDefinitionsAreInlinedWithLocalOverrides() {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var definitions = json.createObjectNode();
    definitions.putObject("Port").put("type", "integer").put("minimum", 1);
    var node = json.createObjectNode();
    node.putObject("port").put("$ref", "#/definitions/Port").put("minimum", 0);
    assertThat(BundledSchemas.expand(node, definitions, 0).toString())
        .isEqualTo("{\"port\":{\"type\":\"integer\",\"minimum\":0}}");
  }

  private static KindSchemas widgetCrd(String origin, String sizeType, String... served) {
    java.util.Map<String, ApiVersion> versions = new java.util.LinkedHashMap<>();
    for (String v : served) {
      com.fasterxml.jackson.databind.node.ObjectNode schema = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
      schema.put("type", "object").putObject("properties").putObject("size").put("type", sizeType);
      versions.put(v, new ApiVersion(v, true, false, java.util.Optional.empty(), java.util.Optional.of(schema)));
    }
    return new KindSchemas("example.io", "Widget", SchemaSource.REPOSITORY, origin, versions);
  }

  @Test
  void severalCrdsOfAKindPreferTheResourcesOwnUnitElseTheNewest() {
    KindSchemas stale = widgetCrd("test/widgets.yaml", "integer", "v1beta1");
    KindSchemas newest = widgetCrd("base/widgets.yaml", "integer", "v1", "v1beta1");
    KindSchemas other = widgetCrd("other/widgets.yaml", "integer", "v1alpha1");
    java.util.Map<String, List<String>> units = java.util.Map.of(
        "test/widgets.yaml", List.of("tests"), "test/w.yaml", List.of("tests"),
        "base/widgets.yaml", List.of("app"), "app/w.yaml", List.of("app"));
    SchemaRegistry registry = SchemaRegistry.of(List.of(stale, other, newest), List.of(),
        path -> units.getOrDefault(path, List.of()));
    KindSchemas primary = registry.kind("example.io", "Widget").orElseThrow();
    assertThat(primary.origin()).isEqualTo("base/widgets.yaml");
    assertThat(registry.kindFor(primary, "test/w.yaml").origin()).isEqualTo("test/widgets.yaml");
    assertThat(registry.kindFor(primary, "app/w.yaml").origin()).isEqualTo("base/widgets.yaml");
    assertThat(registry.kindFor(primary, "loose/w.yaml").origin()).isEqualTo("base/widgets.yaml");
    // Same schemas for the versions both serve: no conflict.
    assertThat(registry.diagnostics()).isEmpty();
  }

  @Test
  void copiesGivingOneServedVersionDifferentSchemasAreOneNotificationNamingBothFiles() {
    SchemaRegistry registry = SchemaRegistry.of(List.of(
        widgetCrd("a/widgets.yaml", "integer", "v1"), widgetCrd("b/widgets.yaml", "string", "v1"),
        widgetCrd("a/widgets.yaml", "integer", "v1")), List.of());
    assertThat(registry.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(io.ambientlint.core.load.Diagnostic.Kind.CRD_CONFLICT);
      assertThat(d.message()).contains("a/widgets.yaml", "b/widgets.yaml", "served version v1");
    });
    assertThat(registry.kinds()).filteredOn(k -> k.kind().equals("Widget")).singleElement()
        .satisfies(k -> assertThat(k.origin()).isEqualTo("a/widgets.yaml"));
  }
}
