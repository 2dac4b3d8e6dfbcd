package io.ambientlint.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.config.Config;
import io.ambientlint.core.config.GitopsSettings;
import io.ambientlint.core.model.Kind;
import io.ambientlint.core.model.ResourceId;
import io.ambientlint.testing.TestGraphs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DESIGN §2b "unknown is not absent": one query says whether a namespace's labels are known. */
class UnknownNamespaceTest {

  private static final String YAML = """
      apiVersion: v1
      kind: Namespace
      metadata: {name: books}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: cart, namespace: shop}
      spec:
        template:
          metadata: {labels: {app: cart}}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: cart, namespace: shop}
      spec: {selector: {app: cart}, ports: [{port: 80}]}
      """;

  private static Config config(Map<String, Map<String, String>> namespaces, boolean unlabelled) {
    return Config.builder()
        .gitops(new GitopsSettings(List.of(), Map.of(), List.of(), List.of(), namespaces, unlabelled)).build();
  }

  private static ResourceId cart() {
    return new ResourceId(Kind.DEPLOYMENT, "shop", "cart");
  }

  @Test
  void referencedButUndeclaredNamespaceHasUnknownLabelsAndNoVerdicts() {
    MeshGraph graph = TestGraphs.fromYaml(YAML);
    assertThat(graph.namespace("books").labelsKnown()).isTrue();
    assertThat(graph.namespace("shop").labelsKnown()).isFalse();
    assertThat(graph.namespace("never-mentioned").labelsKnown()).isFalse();
    assertThat(graph.enrolment(graph.workload(cart()).orElseThrow()).mode()).isEqualTo(Enrolment.Mode.UNKNOWN);
    assertThat(graph.waypointForService(graph.service("shop", "cart").orElseThrow()).status())
        .isEqualTo(WaypointBinding.Status.UNKNOWN);
    assertThat(graph.missingUseWaypointLabel(graph.service("shop", "cart").orElseThrow())).isFalse();
  }

  @Test
  void configNamespacesDeclareTheLabels() {
    MeshGraph graph = TestGraphs.fromYaml(YAML, config(Map.of("shop", Map.of("istio.io/dataplane-mode", "ambient")), false));
    assertThat(graph.namespace("shop").labelsKnown()).isTrue();
    assertThat(graph.enrolment(graph.workload(cart()).orElseThrow()).mode()).isEqualTo(Enrolment.Mode.AMBIENT);
    assertThat(graph.waypointForService(graph.service("shop", "cart").orElseThrow()).status())
        .isEqualTo(WaypointBinding.Status.NO_WAYPOINT);
  }

  @Test
  void assumeUnlabelledKeepsTheOldVerdicts() {
    MeshGraph graph = TestGraphs.fromYaml(YAML, config(Map.of(), true));
    assertThat(graph.namespace("shop").labelsKnown()).isTrue();
    assertThat(graph.enrolment(graph.workload(cart()).orElseThrow()).mode()).isEqualTo(Enrolment.Mode.NONE);
    assertThat(graph.missingUseWaypointLabel(graph.service("shop", "cart").orElseThrow())).isTrue();
  }

  @Test
  void builtInObjectsExist() {
    MeshGraph graph = TestGraphs.fromYaml(YAML);
    assertThat(graph.exists(new ResourceId(Kind.SERVICE, "istio-system", "istiod"))).isTrue();
    assertThat(graph.exists(new ResourceId(Kind.SERVICE, "kube-system", "kube-dns"))).isTrue();
    assertThat(graph.exists(new ResourceId(Kind.SERVICE, "default", "kubernetes"))).isTrue();
    assertThat(graph.exists(new ResourceId(Kind.NAMESPACE, "", "istio-system"))).isTrue();
    for (String c : List.of("istio", "istio-waypoint", "istio-remote", "istio-east-west")) {
      assertThat(graph.exists(new ResourceId(Kind.GATEWAY_CLASS, "", c))).as(c).isTrue();
    }
    assertThat(graph.exists(new ResourceId(Kind.SERVICE, "default", "istiod"))).isFalse();
    assertThat(graph.exists(new ResourceId(Kind.GATEWAY_CLASS, "", "acme"))).isFalse();
  }
}
