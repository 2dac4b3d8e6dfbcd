package io.ambientlint.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.model.EnvoyFilter;
import io.ambientlint.testing.TestGraphs;
import org.junit.jupiter.api.Test;

class EnvoyFilterReachTest {

  private final MeshGraph graph = TestGraphs.fromYaml("""
      apiVersion: v1
      kind: Namespace
      metadata: {name: books, labels: {istio.io/dataplane-mode: ambient}}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: waypoint, namespace: books}
      spec: {gatewayClassName: istio-waypoint, listeners: [{name: mesh, port: 15008, protocol: HBONE}]}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: ingress, namespace: books}
      spec: {gatewayClassName: istio, listeners: [{name: http, port: 80, protocol: HTTP}]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: waypoint, namespace: books}
      spec: {template: {metadata: {labels: {gateway.networking.k8s.io/gateway-name: waypoint}}}}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: reviews, namespace: books}
      spec: {template: {metadata: {labels: {app: reviews}}}}
      ---
      apiVersion: networking.istio.io/v1alpha3
      kind: EnvoyFilter
      metadata: {name: by-ref, namespace: books}
      spec:
        targetRefs:
        - {group: gateway.networking.k8s.io, kind: Gateway, name: waypoint}
        - {group: gateway.networking.k8s.io, kind: Gateway, name: ingress}
        - {kind: Service, name: reviews}
      ---
      apiVersion: networking.istio.io/v1alpha3
      kind: EnvoyFilter
      metadata: {name: by-class, namespace: istio-system}
      spec: {targetRefs: [{group: gateway.networking.k8s.io, kind: GatewayClass, name: istio-waypoint}]}
      ---
      apiVersion: networking.istio.io/v1alpha3
      kind: EnvoyFilter
      metadata: {name: by-class-not-root, namespace: books}
      spec: {targetRefs: [{group: gateway.networking.k8s.io, kind: GatewayClass, name: istio-waypoint}]}
      ---
      apiVersion: networking.istio.io/v1alpha3
      kind: EnvoyFilter
      metadata: {name: whole-namespace, namespace: books}
      spec: {configPatches: []}
      """);

  private EnvoyFilter filter(String name) {
    return graph.envoyFilters().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void targetRefsReachWaypointsOtherGatewaysOrNothing() {
    EnvoyFilterReach reach = graph.envoyFilterReach(filter("by-ref"));
    assertThat(reach.targets()).hasSize(3);
    assertThat(reach.targets().get(0).waypoints()).extracting(g -> g.name()).containsExactly("waypoint");
    assertThat(reach.targets().get(1).otherGateways()).extracting(g -> g.name()).containsExactly("ingress");
    assertThat(reach.targets().get(2).ignoredBecause()).isPresent();
  }

  @Test
  void gatewayClassTargetsCountOnlyFromTheRootNamespace() {
    assertThat(graph.envoyFilterReach(filter("by-class")).targets().get(0).waypoints()).hasSize(1);
    assertThat(graph.envoyFilterReach(filter("by-class-not-root")).targets().get(0).ignoredBecause()).isPresent();
    var waypoint = graph.gateway("books", "waypoint").orElseThrow();
    assertThat(graph.envoyFiltersApplyingTo(waypoint)).extracting(t -> t.filter().name())
        .containsExactlyInAnyOrder("by-ref", "by-class");
  }

  @Test
  void withoutSelectorTheNamespaceIsSelectedButWaypointPodsAreSetApart() {
    EnvoyFilterReach reach = graph.envoyFilterReach(filter("whole-namespace"));
    assertThat(reach.selectedWorkloads()).extracting(w -> w.name()).containsExactly("reviews");
    assertThat(reach.selectedWaypoints()).extracting(g -> g.name()).containsExactly("waypoint");
    assertThat(reach.selectedGateways()).extracting(g -> g.name()).containsExactly("ingress");
  }
}
