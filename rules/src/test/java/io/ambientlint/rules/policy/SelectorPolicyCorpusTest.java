package io.ambientlint.rules.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.testing.TestGraphs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Istio's own analyzer test data for IST0166 (k8sgateway-selector.yaml), with the Gateway made a waypoint:
 * AL308 must report exactly the four selector-only policies istioctl reports, none with a targetRef.
 * Skipped when the shared corpus is absent.
 */
class SelectorPolicyCorpusTest {

  @Test
  void reportsTheSameFourPoliciesAsIstioctl() throws IOException {
    String root = System.getProperty("ambientlint.projectRoot", ".");
    Path file = Path.of(root).resolve("../shared/corpus/istio/analyzer-testdata/k8sgateway-selector.yaml").normalize();
    assumeTrue(Files.isRegularFile(file), "corpus not present: " + file);
    String waypoint = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: bookinfo-gateway, namespace: default}
        spec:
          gatewayClassName: istio-waypoint
          listeners: [{name: mesh, port: 15008, protocol: HBONE}]
        """;
    MeshGraph graph = TestGraphs.fromYaml(Files.readString(file) + "\n---\n" + waypoint);
    Findings findings = new Findings();
    new SelectorPolicyOnWaypoint().check(graph, findings);
    assertThat(findings.toList()).extracting(f -> f.subject().orElseThrow().name()).containsExactlyInAnyOrder(
        "ra-ineffective", "ap-ineffective", "wasmplugin-ineffective", "telemetry-ineffective");
    assertThat(findings.toList()).extracting(Finding::pointer)
        .allMatch(p -> p.endsWith("/matchLabels/gateway.networking.k8s.io~1gateway-name"));
  }
}
