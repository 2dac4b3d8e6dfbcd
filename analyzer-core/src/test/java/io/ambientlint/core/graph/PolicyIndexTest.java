package io.ambientlint.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.model.AuthorizationPolicy;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.model.Kind;
import io.ambientlint.core.model.ResourceId;
import io.ambientlint.core.model.TargetablePolicy;
import io.ambientlint.core.model.Workload;
import io.ambientlint.testing.TestGraphs;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyIndexTest {

  private static final String MESH = """
      apiVersion: v1
      kind: Namespace
      metadata: {name: shop, labels: {istio.io/dataplane-mode: ambient}}
      ---
      apiVersion: v1
      kind: Namespace
      metadata: {name: legacy, labels: {istio-injection: enabled}}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: waypoint, namespace: shop}
      spec:
        gatewayClassName: istio-waypoint
        listeners: [{name: mesh, port: 15008, protocol: HBONE}]
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: ingress, namespace: shop}
      spec:
        gatewayClassName: istio
        listeners: [{name: http, port: 80, protocol: HTTP}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: cart, namespace: shop}
      spec:
        template:
          metadata: {labels: {app: cart}}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        template:
          metadata: {labels: {app: web}}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: old, namespace: legacy}
      spec:
        template:
          metadata: {labels: {app: cart}}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: cart, namespace: shop, labels: {istio.io/use-waypoint: waypoint}}
      spec: {selector: {app: cart}, ports: [{port: 80}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: shop}
      spec: {selector: {app: web}, ports: [{port: 80}]}
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: cart-selector, namespace: shop}
      spec:
        selector: {matchLabels: {app: cart}}
        rules: [{from: [{source: {namespaces: [shop]}}]}]
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: ns-wide, namespace: shop}
      spec: {action: DENY, rules: [{from: [{source: {namespaces: [evil]}}]}]}
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: mesh-wide, namespace: istio-system}
      spec: {}
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: root-selector, namespace: istio-system}
      spec: {selector: {matchLabels: {app: cart}}}
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: on-cart, namespace: shop}
      spec:
        targetRefs: [{kind: Service, group: '', name: cart}]
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: on-web, namespace: shop}
      spec:
        targetRefs: [{kind: Service, group: '', name: web}]
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: on-waypoint, namespace: shop}
      spec:
        targetRefs: [{kind: Gateway, group: gateway.networking.k8s.io, name: waypoint}]
      ---
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: all-waypoints, namespace: istio-system}
      spec:
        targetRefs: [{kind: GatewayClass, group: gateway.networking.k8s.io, name: istio-waypoint}]
      ---
      apiVersion: security.istio.io/v1
      kind: RequestAuthentication
      metadata: {name: jwt-on-waypoint-pods, namespace: shop}
      spec:
        selector: {matchLabels: {gateway.networking.k8s.io/gateway-name: waypoint}}
      ---
      apiVersion: security.istio.io/v1
      kind: RequestAuthentication
      metadata: {name: jwt-on-ingress-pods, namespace: shop}
      spec:
        selector: {matchLabels: {gateway.networking.k8s.io/gateway-name: ingress}}
      """;

  private final MeshGraph graph = TestGraphs.fromYaml(MESH);

  private Workload workload(String ns, String name) {
    return graph.workload(new ResourceId(Kind.DEPLOYMENT, ns, name)).orElseThrow();
  }

  private TargetablePolicy policy(String kind, String ns, String name) {
    return graph.policies().stream().filter(p -> p.resource().kind().equals(kind) && p.namespace().equals(ns)
        && p.name().equals(name)).findFirst().orElseThrow();
  }

  private static List<String> names(List<AuthorizationPolicy> policies) {
    return policies.stream().map(p -> p.name()).toList();
  }

  @Test
  void ztunnelPoliciesComeFromSelectorNamespaceRootSelectorAndMeshScopes() {
    assertThat(names(graph.ztunnelPoliciesFor(workload("shop", "cart"))))
        .containsExactlyInAnyOrder("mesh-wide", "ns-wide", "cart-selector", "root-selector");
    assertThat(names(graph.ztunnelPoliciesFor(workload("shop", "web")))).containsExactlyInAnyOrder("mesh-wide", "ns-wide");
    // Sidecar-injected: ztunnel does not enforce anything there.
    assertThat(graph.ztunnelPoliciesFor(workload("legacy", "old"))).isEmpty();
  }

  @Test
  void enforcementSplitsZtunnelAndSidecarWorkloads() {
    PolicyEnforcement root = graph.policyEnforcement(policy("AuthorizationPolicy", "istio-system", "root-selector"));
    assertThat(root.scope()).isEqualTo(PolicyEnforcement.Scope.SELECTOR);
    assertThat(root.ztunnelWorkloads()).extracting(Workload::name).containsExactly("cart");
    assertThat(root.proxyWorkloads()).extracting(Workload::name).containsExactly("old");
    assertThat(graph.policyEnforcement(policy("AuthorizationPolicy", "istio-system", "mesh-wide")).scope())
        .isEqualTo(PolicyEnforcement.Scope.MESH);
    assertThat(graph.policyEnforcement(policy("AuthorizationPolicy", "shop", "ns-wide")).scope())
        .isEqualTo(PolicyEnforcement.Scope.NAMESPACE);
  }

  @Test
  void serviceTargetsReachTheServicesWaypointOnlyWhenBound() {
    TargetResolution cart = graph.policyTargets(policy("AuthorizationPolicy", "shop", "on-cart")).get(0);
    assertThat(cart.status()).isEqualTo(TargetResolution.Status.ATTACHED);
    assertThat(cart.gateways()).extracting(Gateway::name).containsExactly("waypoint");
    TargetResolution web = graph.policyTargets(policy("AuthorizationPolicy", "shop", "on-web")).get(0);
    assertThat(web.status()).isEqualTo(TargetResolution.Status.NOT_BOUND);
    assertThat(web.gateways()).isEmpty();
    assertThat(graph.policiesTargeting(new ResourceId(Kind.SERVICE, "shop", "web"))).containsExactly(web);
  }

  @Test
  void waypointPoliciesOfAGatewayAndOfAService() {
    Gateway waypoint = graph.gateway("shop", "waypoint").orElseThrow();
    assertThat(graph.waypointPoliciesFor(waypoint)).extracting(t -> t.policy().name())
        .containsExactlyInAnyOrder("on-cart", "on-waypoint", "all-waypoints");
    assertThat(graph.waypointPoliciesFor(graph.service("shop", "cart").orElseThrow())).extracting(t -> t.policy().name())
        .containsExactlyInAnyOrder("on-cart", "on-waypoint", "all-waypoints");
    assertThat(graph.waypointPoliciesFor(graph.service("shop", "web").orElseThrow())).isEmpty();
    assertThat(graph.waypointPoliciesFor(graph.gateway("shop", "ingress").orElseThrow())).isEmpty();
  }

  @Test
  void selectorPoliciesOnGatewayPodsApplyOnlyToNonWaypointClasses() {
    Gateway waypoint = graph.gateway("shop", "waypoint").orElseThrow();
    assertThat(graph.selectorPoliciesIgnoredBy(waypoint)).extracting(TargetablePolicy::name)
        .containsExactly("jwt-on-waypoint-pods");
    PolicyEnforcement ingress = graph.policyEnforcement(policy("RequestAuthentication", "shop", "jwt-on-ingress-pods"));
    assertThat(ingress.gateways()).extracting(Gateway::name).containsExactly("ingress");
    assertThat(graph.waypointsMatchedBySelector(policy("RequestAuthentication", "shop", "jwt-on-ingress-pods"))).isEmpty();
    assertThat(ingress.notEnforcedReason()).isEmpty();
    assertThat(graph.policyEnforcement(policy("RequestAuthentication", "shop", "jwt-on-waypoint-pods")).notEnforcedReason())
        .hasValue("it selects the pods of waypoint shop/waypoint, and waypoints ignore policies without targetRefs");
    assertThat(graph.policyEnforcement(policy("AuthorizationPolicy", "shop", "on-web")).notEnforcedReason()).isPresent();
    assertThat(graph.policyEnforcement(policy("AuthorizationPolicy", "shop", "on-cart")).notEnforcedReason()).isEmpty();
  }

  @Test
  void gatewayClassTargetsOutsideTheRootNamespaceAreInvalid() {
    MeshGraph g = TestGraphs.fromYaml("""
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: p, namespace: shop}
        spec:
          targetRefs:
          - {kind: GatewayClass, group: gateway.networking.k8s.io, name: istio-waypoint}
          - {kind: Gateway, group: gateway.networking.k8s.io, name: gone}
          - {kind: Deployment, group: apps, name: cart}
          - {kind: Service, name: cart, namespace: other}
        """);
    assertThat(g.policyTargets(g.policies().get(0))).extracting(TargetResolution::status).containsExactly(
        TargetResolution.Status.INVALID, TargetResolution.Status.NOT_FOUND, TargetResolution.Status.INVALID,
        TargetResolution.Status.INVALID);
  }

  @Test
  void aPolicyDefinedTwiceIsIndexedOnce() {
    String policy = """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: p, namespace: shop}
        spec: {selector: {matchLabels: {app: cart}}}
        """;
    MeshGraph g = TestGraphs.fromYaml(policy + "---\n" + policy);
    assertThat(g.policies()).hasSize(1);
    assertThat(g.authorizationPolicies()).hasSize(1);
  }

  @Test
  void waypointIdentityDefaultsToTheGatewayName() {
    assertThat(graph.waypointIdentity("shop", "waypoint").principal()).isEqualTo("cluster.local/ns/shop/sa/waypoint");
    MeshGraph custom = TestGraphs.fromYaml("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: wp, namespace: shop}
        spec: {gatewayClassName: istio-waypoint}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: annotated, namespace: shop, annotations: {gateway.istio.io/service-account: wp-sa}}
        spec: {gatewayClassName: istio-waypoint}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: wp, namespace: shop}
        spec:
          template:
            metadata: {labels: {gateway.networking.k8s.io/gateway-name: wp}}
            spec: {serviceAccountName: custom-waypoint}
        """);
    assertThat(custom.waypointIdentity("shop", "wp").serviceAccount()).isEqualTo("custom-waypoint");
    assertThat(custom.waypointIdentity("shop", "annotated").serviceAccount()).isEqualTo("wp-sa");
  }

  @Test
  void waypointsInFrontOfAWorkloadComeFromItsServices() {
    assertThat(graph.waypointsInFrontOf(workload("shop", "cart"))).extracting(PolicyIndex.WaypointInPath::displayName)
        .containsExactly("shop/waypoint");
    assertThat(graph.waypointsInFrontOf(workload("shop", "web"))).isEmpty();
  }
}
