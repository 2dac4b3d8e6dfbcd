package io.ambientlint.core.explain;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.Resource;
import io.ambientlint.core.model.ResourceId;
import io.ambientlint.testing.TestGraphs;
import org.junit.jupiter.api.Test;

class PolicySectionTest {

  private static final MeshGraph GRAPH = TestGraphs.fromYaml("""
      apiVersion: v1
      kind: Namespace
      metadata: {name: shop, labels: {istio.io/dataplane-mode: ambient}}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: waypoint, namespace: shop}
      spec:
        gatewayClassName: istio-waypoint
        listeners: [{name: mesh, port: 15008, protocol: HBONE}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: cart, namespace: shop, labels: {istio.io/use-waypoint: waypoint}}
      spec: {selector: {app: cart}, ports: [{port: 80}]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: cart, namespace: shop}
      spec:
        template:
          metadata: {labels: {app: cart}}
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: get-only, namespace: shop}
      spec:
        targetRefs: [{kind: Service, group: '', name: cart}]
        rules: [{to: [{operation: {methods: [GET]}}]}]
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: l7-at-ztunnel, namespace: shop}
      spec:
        selector: {matchLabels: {app: cart}}
        rules:
        - to: [{operation: {methods: [GET]}}]
        - from: [{source: {namespaces: [shop]}}]
      """);

  private static String explain(String group, String kind, String name) {
    Resource r = GRAPH.resource(new ResourceId(group, kind, "shop", name)).orElseThrow();
    return ExplainSections.explain(GRAPH, r).toText();
  }

  @Test
  void serviceListsWaypointAndZtunnelPoliciesWithTheirEffectiveForm() {
    String text = explain("", "Service", "cart");
    assertThat(text).contains("enforced at waypoint shop/waypoint as written")
        .contains("AuthorizationPolicy shop/get-only ALLOW via targetRef Service shop/cart")
        .contains("ztunnel of Deployment shop/cart enforces:")
        .contains("AuthorizationPolicy shop/l7-at-ztunnel: ALLOW rule 0: dropped (matches nothing); "
            + "rule 1: from namespaces=[shop]");
  }

  @Test
  void workloadListsThePoliciesOfTheWaypointInFrontOfIt() {
    String text = explain("apps", "Deployment", "cart");
    assertThat(text).contains("at waypoint shop/waypoint (via Service shop/cart)")
        .contains("AuthorizationPolicy shop/get-only ALLOW")
        .contains("AuthorizationPolicy shop/l7-at-ztunnel: ALLOW rule 0: dropped");
  }

  @Test
  void waypointGatewayListsThePoliciesItApplies() {
    String text = ExplainSections.explain(GRAPH, GRAPH.gateway("shop", "waypoint").orElseThrow().resource()).toText();
    assertThat(text).contains("enforced by Gateway shop/waypoint as written")
        .contains("AuthorizationPolicy shop/get-only ALLOW via targetRef Service shop/cart");
  }

  @Test
  void policySaysWhereItIsEnforced() {
    assertThat(explain("security.istio.io", "AuthorizationPolicy", "l7-at-ztunnel"))
        .contains("enforced by ztunnel for Deployment shop/cart as: ALLOW rule 0: dropped");
    assertThat(explain("security.istio.io", "AuthorizationPolicy", "get-only"))
        .contains("applied by Gateway shop/waypoint (class istio-waypoint)");
  }
}
