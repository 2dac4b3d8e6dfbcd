package io.ambientlint.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.model.Kind;
import io.ambientlint.core.model.ResourceId;
import io.ambientlint.core.model.VirtualService;
import io.ambientlint.core.model.Workload;
import io.ambientlint.testing.TestGraphs;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The queries rules once answered themselves: sidecar injection (AL105), canary weights (AL110), VirtualService hosts. */
class RuleQueriesTest {

  @Test
  void sidecarInjectionIsAskedByThePodElseByItsNamespaceUnlessThePodRefuses() {
    MeshGraph graph = TestGraphs.fromYaml("""
        apiVersion: v1
        kind: Namespace
        metadata: {name: legacy, labels: {istio.io/rev: canary}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: plain}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: inherits, namespace: legacy}
        spec: {template: {metadata: {labels: {app: a}}}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: refuses, namespace: legacy}
        spec: {template: {metadata: {labels: {sidecar.istio.io/inject: "false"}}}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: annotated, namespace: plain}
        spec: {template: {metadata: {annotations: {sidecar.istio.io/inject: "true"}}}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: none, namespace: plain}
        spec: {template: {metadata: {labels: {app: b}}}}
        """);
    assertThat(injectionReason(graph, "legacy", "inherits")).contains("namespace label istio.io/rev=canary");
    assertThat(injectionReason(graph, "legacy", "refuses")).isEmpty();
    assertThat(injectionReason(graph, "plain", "annotated")).contains("sidecar.istio.io/inject=true on the pod");
    assertThat(graph.sidecarInjection(workload(graph, "plain", "annotated")).flatMap(Enrolment::decidedBy)
        .map(n -> n.pointer())).contains("/spec/template/metadata/annotations/sidecar.istio.io~1inject");
    assertThat(injectionReason(graph, "plain", "none")).isEmpty();
    assertThat(graph.sidecarInjection(graph.namespace("legacy"))).isPresent();
    assertThat(graph.sidecarInjection(graph.namespace("plain"))).isEmpty();
  }

  @Test
  void canaryWeightsAreWholeNumbersFromZeroToAHundredWithoutBlanks() {
    MeshGraph graph = TestGraphs.fromYaml("""
        apiVersion: v1
        kind: Service
        metadata: {name: ok, namespace: shop, annotations: {istio.io/use-waypoint-canary-weight: "100"}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: over, namespace: shop, annotations: {istio.io/use-waypoint-canary-weight: "101"}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: blank, namespace: shop, annotations: {istio.io/use-waypoint-canary-weight: " 5"}}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop, annotations: {istio.io/use-waypoint-canary-weight: half}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: pods, namespace: shop}
        spec: {template: {metadata: {annotations: {istio.io/use-waypoint-canary-weight: "7"}}}}
        """);
    Map<String, CanaryWeight> byHolder = graph.canaryWeights().stream()
        .collect(Collectors.toMap(w -> w.holder().displayName(), Function.identity()));
    // pods carry no canary settings Istio reads
    assertThat(byHolder).containsOnlyKeys("Service shop/ok", "Service shop/over", "Service shop/blank", "Namespace shop");
    assertThat(byHolder.get("Service shop/ok").weight()).hasValue(100);
    assertThat(byHolder.get("Service shop/over").isValid()).isFalse();
    assertThat(byHolder.get("Service shop/blank").isValid()).isFalse();
    assertThat(byHolder.get("Namespace shop").isValid()).isFalse();
    assertThat(byHolder.get("Namespace shop").node().pointer())
        .isEqualTo("/metadata/annotations/istio.io~1use-waypoint-canary-weight");
  }

  @Test
  void aVirtualServiceTargetsTheServicesItsHostsNameInItsNamespace() {
    MeshGraph graph = TestGraphs.fromYaml("""
        apiVersion: v1
        kind: Service
        metadata: {name: reviews, namespace: books}
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: reviews, namespace: books}
        spec:
          hosts: [reviews, reviews.books, ratings, reviews.books.svc.cluster.local]
          http: [{route: [{destination: {host: reviews}}]}]
        """);
    VirtualService vs = graph.virtualServices().get(0);
    assertThat(graph.servicesTargetedBy(vs)).extracting(t -> t.entry().host() + " -> " + t.service().displayName())
        .containsExactly("reviews -> Service books/reviews",
            "reviews.books.svc.cluster.local -> Service books/reviews");
    assertThat(graph.servicesTargetedBy(vs).get(1).node().pointer()).isEqualTo("/spec/hosts/3");
    assertThat(graph.intendedServiceFqdn("reviews.books")).contains("reviews.books.svc.cluster.local");
    assertThat(graph.serviceNamedByHost("ratings", "books"))
        .contains(new ResourceId(Kind.SERVICE, "books", "ratings"));
    assertThat(graph.serviceNamedByHost("example.com", "books")).isEmpty();
  }

  private static Optional<String> injectionReason(MeshGraph graph, String namespace, String name) {
    return graph.sidecarInjection(workload(graph, namespace, name)).map(Enrolment::reason);
  }

  private static Workload workload(MeshGraph graph, String namespace, String name) {
    return graph.workload(new ResourceId(Kind.DEPLOYMENT, namespace, name)).orElseThrow();
  }
}
