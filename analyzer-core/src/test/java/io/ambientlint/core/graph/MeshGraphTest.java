package io.ambientlint.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.model.ResourceId;
import io.ambientlint.core.model.Service;
import io.ambientlint.core.model.Workload;
import io.ambientlint.testing.TestGraphs;
import org.junit.jupiter.api.Test;

class MeshGraphTest {

  private static final String BASE = """
      apiVersion: v1
      kind: Namespace
      metadata: {name: books, labels: {istio.io/dataplane-mode: ambient, istio.io/use-waypoint: waypoint}}
      ---
      apiVersion: v1
      kind: Namespace
      metadata: {name: legacy, labels: {istio-injection: enabled, istio.io/dataplane-mode: ambient}}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: waypoint, namespace: books}
      spec:
        gatewayClassName: istio-waypoint
        listeners: [{name: mesh, port: 15008, protocol: HBONE}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: reviews, namespace: books}
      spec:
        template:
          metadata: {labels: {app: reviews}}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: opted-out, namespace: books}
      spec:
        template:
          metadata: {labels: {app: x, istio.io/dataplane-mode: none}}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: p, namespace: legacy, labels: {app: p}}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: reviews, namespace: books}
      spec: {selector: {app: reviews}, ports: [{name: http, port: 9080}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: own, namespace: books, labels: {istio.io/use-waypoint: missing}}
      spec: {selector: {app: reviews}}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: out, namespace: books, labels: {istio.io/use-waypoint: none}}
      """;

  private final MeshGraph graph = TestGraphs.fromYaml(BASE);

  private Workload workload(String kind, String ns, String name) {
    String group = kind.equals("Pod") ? "" : "apps";
    return graph.workload(new ResourceId(group, kind, ns, name)).orElseThrow();
  }

  private Service service(String name) {
    return graph.service("books", name).orElseThrow();
  }

  @Test
  void enrolment() {
    assertThat(graph.enrolment(workload("Deployment", "books", "reviews")).mode()).isEqualTo(Enrolment.Mode.AMBIENT);
    assertThat(graph.enrolment(workload("Deployment", "books", "opted-out")).mode()).isEqualTo(Enrolment.Mode.NONE);
    Enrolment legacy = graph.enrolment(workload("Pod", "legacy", "p"));
    assertThat(legacy.mode()).isEqualTo(Enrolment.Mode.SIDECAR);
    assertThat(legacy.decidedBy()).isPresent();
  }

  @Test
  void selectorsIndexWorkloadsBothWays() {
    assertThat(graph.workloadsSelectedBy(service("reviews"))).extracting(w -> w.name()).containsExactly("reviews");
    assertThat(graph.servicesSelecting(workload("Deployment", "books", "reviews"))).extracting(Service::name)
        .containsExactly("reviews", "own");
  }

  @Test
  void serviceInheritsTheNamespaceWaypoint() {
    WaypointBinding b = graph.waypointForService(service("reviews"));
    assertThat(b.status()).isEqualTo(WaypointBinding.Status.BOUND);
    assertThat(b.source()).isEqualTo(WaypointBinding.LabelSource.NAMESPACE);
    assertThat(b.waypoint()).hasValueSatisfying(g -> assertThat(g.name()).isEqualTo("waypoint"));
  }

  @Test
  void objectLabelWinsWithoutFallback() {
    WaypointBinding b = graph.waypointForService(service("own"));
    assertThat(b.status()).isEqualTo(WaypointBinding.Status.MISSING);
    assertThat(b.source()).isEqualTo(WaypointBinding.LabelSource.OBJECT);
    assertThat(b.label().orElseThrow().location().position().line()).isEqualTo(41);
    assertThat(graph.waypointForService(service("out")).status()).isEqualTo(WaypointBinding.Status.OPTED_OUT);
  }

  @Test
  void workloadsDoNotInheritAServiceOnlyWaypoint() {
    WaypointBinding b = graph.waypointForWorkload(workload("Deployment", "books", "reviews"));
    assertThat(b.status()).isEqualTo(WaypointBinding.Status.NOT_APPLICABLE);
    assertThat(b.isFailed()).isFalse();
  }

  @Test
  void waypointClassAndListener() {
    var gw = graph.gateway("books", "waypoint").orElseThrow();
    assertThat(graph.isWaypoint(gw)).isTrue();
    assertThat(graph.boundListener(gw)).hasValueSatisfying(l -> assertThat(l.port()).isEqualTo(15008));
    assertThat(graph.admits(gw, "books").allowed()).isTrue();
    assertThat(graph.admits(gw, "legacy").allowed()).isFalse();
  }

  @Test
  void anObjectDefinedTwiceIsSelectedOnce() {
    String twice = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: cart, namespace: shop}
        spec: {template: {metadata: {labels: {app: cart}}}}
        """;
    MeshGraph g = TestGraphs.fromYaml(twice + "---\n" + twice + """
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: cart, namespace: shop}
        spec: {selector: {app: cart}}
        """);
    assertThat(g.workloads()).hasSize(2); // both definitions stay visible (AL903 reports them)
    Service cart = g.service("shop", "cart").orElseThrow();
    assertThat(g.workloadsSelectedBy(cart)).singleElement().isSameAs(g.workloads().get(0));
    assertThat(g.workloadsIn("shop")).singleElement().isSameAs(g.workloads().get(0));
  }
}
