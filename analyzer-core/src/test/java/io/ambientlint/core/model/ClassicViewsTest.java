package io.ambientlint.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.testing.TestGraphs;
import org.junit.jupiter.api.Test;

class ClassicViewsTest {

  private final MeshGraph graph = TestGraphs.fromYaml("""
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: reviews, namespace: books}
      spec:
        hosts: [reviews, 42]
        gateways: [istio-system/ingress]
        exportTo: ["."]
        http:
        - match:
          - uri: {prefix: /}
          - headers: {end-user: {exact: jason}}
            sourceLabels: {app: productpage}
          fault: {delay: {fixedDelay: 1s}}
          timeout: 2s
          route:
          - destination: {host: reviews, subset: v2, port: {number: 9080}}
          mirrors:
          - destination: {host: reviews, subset: shadow}
        tcp:
        - route:
          - destination: {host: db}
        tls: "not a list"
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: reviews, namespace: books}
      spec:
        host: reviews
        subsets: [{name: v1, labels: {version: v1}}, {labels: {version: v9}}]
      ---
      apiVersion: networking.istio.io/v1alpha3
      kind: EnvoyFilter
      metadata: {name: f, namespace: books}
      spec:
        priority: 5
        workloadSelector: {labels: {app: reviews}}
        configPatches:
        - applyTo: HTTP_FILTER
          match: {context: SIDECAR_INBOUND, proxy: {proxyVersion: '^1\\.2.*'}}
          patch: {operation: INSERT_BEFORE}
        - patch: {}
      """);

  @Test
  void virtualServiceRoutesMatchesDestinationsAndFeaturesWithPointers() {
    VirtualService vs = graph.virtualServices().get(0);
    assertThat(vs.hosts()).extracting(VirtualService.HostEntry::host).containsExactly("reviews"); // 42 is no host
    assertThat(vs.isMesh()).isFalse();
    assertThat(vs.exportTo()).containsExactly(".");
    assertThat(vs.routes()).extracting(VirtualService.Route::protocol).containsExactly("http", "tcp");
    VirtualService.Route http = vs.routes().get(0);
    // uri prefix "/" matches everything
    assertThat(http.matches().get(0).matchesEverything()).isTrue();
    assertThat(http.matchesEverything()).isTrue();
    assertThat(http.matches().get(1).usesHeaders()).isTrue();
    assertThat(vs.sourceLabelsPointers()).containsExactly("/spec/http/0/match/1/sourceLabels");
    assertThat(http.features()).containsOnlyKeys(VirtualService.Feature.FAULT, VirtualService.Feature.TIMEOUT,
        VirtualService.Feature.MIRROR);
    assertThat(http.destinations()).extracting(d -> d.subset().orElse("") + "@" + d.pointer() + (d.mirror() ? " mirror" : ""))
        .containsExactly("v2@/spec/http/0/route/0/destination", "shadow@/spec/http/0/mirrors/0/destination mirror");
    assertThat(http.destinations().get(0).port().getAsInt()).isEqualTo(9080);
  }

  @Test
  void destinationRuleSubsetsWithoutNameAreSkipped() {
    DestinationRule dr = graph.destinationRules().get(0);
    assertThat(dr.subsets()).extracting(DestinationRule.Subset::name).containsExactly("v1");
    assertThat(dr.subset("v1").orElseThrow().labelsPointer()).isEqualTo("/spec/subsets/0/labels");
  }

  @Test
  void envoyFilterPatchesAndPriority() {
    EnvoyFilter f = graph.envoyFilters().get(0);
    assertThat(f.priority()).isEqualTo(5);
    assertThat(f.workloadSelector()).contains(java.util.Map.of("app", "reviews"));
    assertThat(f.selectsWholeNamespace()).isFalse();
    assertThat(f.configPatches().get(0).operation()).contains("INSERT_BEFORE");
    assertThat(f.configPatches().get(0).proxyVersion()).isTrue();
    assertThat(f.configPatches().get(0).context()).contains("SIDECAR_INBOUND");
    assertThat(f.configPatches().get(1).applyTo()).isEqualTo("INVALID");
    assertThat(f.configPatches().get(1).operation()).isEmpty();
  }
}
