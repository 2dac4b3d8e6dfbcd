package io.ambientlint.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.model.NetworkPolicy;
import io.ambientlint.core.model.PodNetwork;
import io.ambientlint.core.model.Workload;
import io.ambientlint.testing.TestGraphs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The graph queries behind AL601, AL311, AL213 and AL410, on small inputs whose answers are known. */
class Issue18QueriesTest {

  @Test
  void networkPolicyRulesAdmitPortsRangesNamedPortsAndAddresses() {
    MeshGraph graph = TestGraphs.fromYaml("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api, namespace: shop}
        spec:
          template:
            metadata: {labels: {app: api}}
            spec: {containers: [{name: api, ports: [{name: http, containerPort: 8080}]}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: api, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: api}}
          ingress:
          - from: [{ipBlock: {cidr: 169.254.0.0/16, except: [169.254.7.0/24]}}]
            ports: [{port: http}]
          - from: [{ipBlock: {cidr: 169.254.7.127/32}}]
            ports: [{port: 15000, endPort: 15010, protocol: TCP}, {port: 53, protocol: UDP}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: other-pods, namespace: shop}
        spec:
          podSelector: {matchLabels: {app: web}}
        """);
    Workload api = graph.workloads().get(0);
    List<NetworkPolicy> policies = graph.ingressPoliciesSelecting(api);
    assertThat(policies).extracting(NetworkPolicy::name).containsExactly("api");
    Map<String, Integer> named = PodNetwork.of(api).namedPorts();
    NetworkPolicy.IngressRule byName = policies.get(0).ingress().get(0);
    NetworkPolicy.IngressRule range = policies.get(0).ingress().get(1);
    assertThat(byName.admitsTcpPort(8080, named)).isTrue();
    assertThat(byName.admitsTcpPort(15008, named)).isFalse();
    assertThat(byName.admitsAddress("169.254.1.1")).isTrue();
    assertThat(byName.admitsAddress("169.254.7.127")).as("excepted").isFalse();
    assertThat(range.admitsTcpPort(15008, named)).isTrue();
    assertThat(range.admitsTcpPort(53, named)).as("UDP only").isFalse();
    assertThat(range.admitsAddress("169.254.7.127")).isTrue();
    assertThat(range.admitsAddress("169.254.7.128")).isFalse();
  }

  @Test
  void serviceAccountsAreKnownOnlyWhereTheNamespaceHasWorkloads() {
    MeshGraph graph = TestGraphs.fromYaml("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: a, namespace: shop}
        spec: {template: {metadata: {labels: {app: a}}, spec: {serviceAccountName: runner}}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: b, namespace: shop}
        spec: {template: {metadata: {labels: {app: b}}}}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: ingress, namespace: shop}
        spec: {gatewayClassName: istio, listeners: [{name: http, port: 80, protocol: HTTP}]}
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: lonely, namespace: empty}
        """);
    assertThat(graph.serviceAccountsIfKnown("shop")).hasValueSatisfying(accounts -> assertThat(accounts)
        .extracting(ServiceAccountIndex.KnownAccount::name).containsExactlyInAnyOrder("runner", "default", "ingress-istio"));
    assertThat(graph.serviceAccountsIfKnown("empty")).isEmpty();
  }

  @Test
  void gatewayNamesResolveAsIstiodReadsThem() {
    assertThat(VirtualServiceGateway.resolve("gw", "books")).isEqualTo("books/gw");
    assertThat(VirtualServiceGateway.resolve("./gw", "books")).isEqualTo("books/gw");
    assertThat(VirtualServiceGateway.resolve("edge/gw", "books")).isEqualTo("edge/gw");
    assertThat(VirtualServiceGateway.resolve("gw.edge.svc.cluster.local", "books")).isEqualTo("edge/gw");
    assertThat(VirtualServiceGateway.resolve("gw.edge", "books")).isEqualTo("edge/gw");
  }

  @Test
  void ruleResponsesTellCatchAllFromNarrowRules() {
    MeshGraph graph = TestGraphs.fromYaml("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: books}
        spec:
          parentRefs: [{group: "", kind: Service, name: reviews}]
          rules:
          - matches: [{path: {type: PathPrefix, value: /}}]
          - matches: [{path: {type: Exact, value: /health}}]
          - matches: [{headers: [{name: x-debug, value: "1"}]}]
            filters: [{type: RequestRedirect, requestRedirect: {statusCode: 302}}]
          - backendRefs: [{name: reviews, port: 9080, weight: 0}, {name: reviews, port: 9080, weight: 0}]
        """);
    List<RouteRuleResponse> failing = graph.rulesAnsweringWithError(graph.routes().get(0));
    assertThat(failing).extracting(r -> r.rule().index(), RouteRuleResponse::catchAll, RouteRuleResponse::weightsAllZero)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, true, false),
            org.assertj.core.groups.Tuple.tuple(1, false, false),
            org.assertj.core.groups.Tuple.tuple(3, true, true));
    assertThat(failing).allMatch(r -> r.routeServesElsewhere() && !r.failsEveryRequest(), "the redirect rule serves");
  }
}
