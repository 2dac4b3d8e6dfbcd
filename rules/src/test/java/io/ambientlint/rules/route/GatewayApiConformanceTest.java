package io.ambientlint.rules.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.Analyzer;
import io.ambientlint.core.config.Config;
import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.rule.RuleRegistry;
import io.ambientlint.core.severity.Severity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance over the Gateway API conformance manifests (kubernetes-sigs/gateway-api {@code conformance/tests},
 * read from {@code ../shared/corpus/gateway-api} when present, skipped otherwise). Each manifest is analyzed
 * together with {@code conformance-base-manifests.yaml}, and its route findings (rule and route) are compared
 * with the table below.
 */
class GatewayApiConformanceTest {

  private static Path corpus;

  @BeforeAll
  static void locateCorpus() {
    String root = System.getProperty("ambientlint.projectRoot");
    Path project = root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
    // ../shared/corpus next to the checkout; a worktree one level deeper finds it one level up
    corpus = project.resolve("../shared/corpus/gateway-api").normalize();
    if (!Files.isDirectory(corpus)) {
      corpus = project.resolve("../../shared/corpus/gateway-api").normalize();
    }
    Assumptions.assumeTrue(Files.isRegularFile(corpus.resolve("conformance-base-manifests.yaml"))
        && Files.isDirectory(corpus.resolve("conformance-tests")), "Gateway API conformance corpus not present");
  }

  /**
   * What ambient-lint reports per conformance manifest: {@code RULE[/W|/N] Kind/namespace/name}. Each row
   * matches the status the conformance suite expects for that route: NoMatchingParent -> AL203,
   * NotAllowedByListeners -> AL204, NoMatchingListenerHostname -> AL205, BackendNotFound -> AL206,
   * RefNotPermitted -> AL207, InvalidKind -> AL208; an expected HTTP 500 -> AL213. Three rows report mistakes in the upstream data itself:
   * a parentRef to a Gateway the manifest never defines (client-validation-invalid), and backends
   * (tcp-echo-backend) the base manifests do not define. Manifests not listed must give no route finding.
   */
  private static final Map<String, List<String>> EXPECTED = Map.ofEntries(
      Map.entry("gateway-with-attached-routes.yaml", List.of(
          "AL205 HTTPRoute/gateway-conformance-infra/http-route-not-accepted",
          "AL206 HTTPRoute/gateway-conformance-infra/http-route-4")),
      Map.entry("gateway-with-invalid-clientcertificate-validation.yaml", List.of(
          "AL201 HTTPRoute/gateway-conformance-infra/misconfigured-client-certificate-validation-https-test")),
      Map.entry("httproute-disallowed-kind.yaml", List.of("AL204 HTTPRoute/gateway-conformance-infra/disallowed-kind")),
      Map.entry("httproute-hostname-intersection.yaml", List.of(
          "AL205 HTTPRoute/gateway-conformance-infra/no-intersecting-hosts")),
      Map.entry("httproute-invalid-backendref-unknown-kind.yaml", List.of(
          "AL208/W HTTPRoute/gateway-conformance-infra/invalid-backend-ref-unknown-kind")),
      Map.entry("httproute-invalid-cross-namespace-backend-ref.yaml", List.of(
          "AL207 HTTPRoute/gateway-conformance-infra/invalid-cross-namespace-backend-ref")),
      Map.entry("httproute-invalid-cross-namespace-parent-ref.yaml", List.of(
          "AL204 HTTPRoute/gateway-conformance-web-backend/invalid-cross-namespace-parent-ref")),
      Map.entry("httproute-invalid-nonexistent-backendref.yaml", List.of(
          "AL206 HTTPRoute/gateway-conformance-infra/invalid-nonexistent-backend-ref")),
      Map.entry("httproute-invalid-parentref-not-matching-listener-port.yaml", List.of(
          "AL203 HTTPRoute/gateway-conformance-infra/httproute-listener-not-matching-route-port")),
      Map.entry("httproute-invalid-parentref-not-matching-section-name.yaml", List.of(
          "AL203 HTTPRoute/gateway-conformance-infra/httproute-listener-not-matching-section-name")),
      Map.entry("httproute-invalid-parentref-section-name-not-matching-port.yaml", List.of(
          "AL203 HTTPRoute/gateway-conformance-infra/httproute-listener-section-name-not-matching-port")),
      Map.entry("httproute-invalid-reference-grant.yaml", List.of("AL207 HTTPRoute/gateway-conformance-infra/reference-grant")),
      // The suite expects HTTP 500 for the rules with omitted and empty backendRefs (AL213, a warning: the
      // catch-all rule still forwards).
      Map.entry("httproute-omitted-backendrefs.yaml", List.of("AL213/W HTTPRoute/gateway-conformance-infra/omitted-backendrefs")),
      Map.entry("httproute-partially-invalid-via-invalid-reference-grant.yaml", List.of(
          "AL207 HTTPRoute/gateway-conformance-infra/invalid-reference-grant")),
      Map.entry("listenerset-dual-parentref-independence.yaml", List.of(
          "AL203 HTTPRoute/gateway-conformance-infra/route-dual-parentref-one")),
      Map.entry("listenerset-gateway-parent-section-name-not-found.yaml", List.of(
          "AL203 HTTPRoute/gateway-conformance-infra/route-via-gateway")),
      Map.entry("tcproute-invalid-backendref-nonexistent.yaml", List.of(
          "AL206 TCPRoute/gateway-conformance-infra/tcp-route-invalid-backend-ref-nonexistent")),
      Map.entry("tcproute-invalid-cross-namespace-backend-ref.yaml", List.of(
          "AL207 TCPRoute/gateway-conformance-infra/tcp-invalid-cross-namespace-backend-ref")),
      Map.entry("tcproute-invalid-non-tcp-listener.yaml", List.of(
          "AL204 TCPRoute/gateway-conformance-infra/tcp-route", "AL206 TCPRoute/gateway-conformance-infra/tcp-route")),
      Map.entry("tlsroute-invalid-backendref-nonexistent.yaml", List.of(
          "AL206 TLSRoute/gateway-conformance-infra/invalid-backend-ref-nonexistent")),
      Map.entry("tlsroute-invalid-backendref-unknown-kind.yaml", List.of(
          "AL208/W TLSRoute/gateway-conformance-infra/invalid-backend-ref-unknown-kind")),
      Map.entry("tlsroute-invalid-no-matching-listener-hostname.yaml", List.of(
          "AL205 TLSRoute/gateway-conformance-infra/tlsroute-hostname-mismatch-1",
          "AL205 TLSRoute/gateway-conformance-infra/tlsroute-hostname-mismatch-2")),
      Map.entry("tlsroute-invalid-no-matching-listener.yaml", List.of(
          "AL203 TLSRoute/gateway-conformance-infra/tlsroute-no-matching-section-name",
          "AL204 TLSRoute/gateway-conformance-infra/tlsroute-not-allowed-protocol-http",
          "AL204 TLSRoute/gateway-conformance-infra/tlsroute-not-allowed-protocol-https")),
      Map.entry("tlsroute-invalid-reference-grant.yaml", List.of(
          "AL207 TLSRoute/gateway-conformance-infra/gateway-conformance-infra-test")),
      Map.entry("udproute-invalid-backendref-nonexistent.yaml", List.of(
          "AL206 UDPRoute/gateway-conformance-infra/udp-route-invalid-backend-ref-nonexistent")),
      Map.entry("udproute-invalid-cross-namespace-backend-ref.yaml", List.of(
          "AL207 UDPRoute/gateway-conformance-infra/udp-route-invalid-cross-namespace-backend-ref")),
      Map.entry("udproute-not-allowed-by-listeners.yaml", List.of(
          "AL204 UDPRoute/gateway-conformance-infra/udproute-not-allowed-by-listeners")));

  /**
   * A stand-in for the conformance suite's mesh base ({@code conformance/mesh/manifests.yaml}, not in the
   * corpus): the echo Services in an ambient namespace bound to a waypoint, and an ambient consumer namespace.
   */
  private static final String MESH_BASE = """
      apiVersion: v1
      kind: Namespace
      metadata:
        name: gateway-conformance-mesh
        labels: {istio.io/dataplane-mode: ambient, istio.io/use-waypoint: waypoint}
      ---
      apiVersion: v1
      kind: Namespace
      metadata: {name: gateway-conformance-mesh-consumer, labels: {istio.io/dataplane-mode: ambient}}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: waypoint, namespace: gateway-conformance-mesh}
      spec:
        gatewayClassName: istio-waypoint
        listeners: [{name: mesh, port: 15008, protocol: HBONE}]
      """ + Stream.of("echo", "echo-v1", "echo-v2", "echo-v3").map(name -> """
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: %s, namespace: gateway-conformance-mesh}
      spec:
        selector: {app: %s}
        ports:
        - {name: http, port: 80, targetPort: 8080}
        - {name: http-alt, port: 8080}
        - {name: https, port: 443}
        - {name: tcp, port: 9090}
        - {name: grpc, port: 7070, appProtocol: grpc}
      """.formatted(name, name)).reduce("", String::concat);

  /** The mesh manifests are valid: no error at all; the consumer route is a consumer route (AL212). */
  private static final Map<String, List<String>> EXPECTED_MESH = Map.of(
      "mesh-consumer-route.yaml", List.of("AL212/W HTTPRoute/gateway-conformance-mesh-consumer/mesh-echo-add-header"));

  @Test
  void gatewayManifestsGetTheRuleOfTheirExpectedRouteStatus() throws IOException {
    Map<String, List<String>> actual = new TreeMap<>();
    for (String name : manifests(corpus.resolve("conformance-tests"))) {
      List<String> found = routeFindings(analyze(null, "conformance-base-manifests.yaml", "conformance-tests/" + name), name);
      if (!found.isEmpty()) {
        actual.put(name, found);
      }
    }
    assertThat(actual).isEqualTo(new TreeMap<>(EXPECTED));
  }

  @Test
  void meshManifestsGetNoError() throws IOException {
    Map<String, List<String>> actual = new TreeMap<>();
    for (String name : manifests(corpus.resolve("conformance-tests/mesh"))) {
      AnalysisResult result = analyze(MESH_BASE, "-", "conformance-tests/mesh/" + name);
      assertThat(result.findings()).as(name).filteredOn(f -> f.severity() == Severity.ERROR)
          .extracting(f -> f.ruleId() + " " + f.message()).isEmpty();
      List<String> found = routeFindings(result, name);
      if (!found.isEmpty()) {
        actual.put(name, found);
      }
    }
    assertThat(actual).isEqualTo(EXPECTED_MESH);
  }

  private static List<String> manifests(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static AnalysisResult analyze(String stdin, String... paths) {
    byte[] input = stdin == null ? new byte[0] : stdin.getBytes(StandardCharsets.UTF_8);
    return new Analyzer(Config.DEFAULTS, RuleRegistry.load(), corpus)
        .analyze(List.of(paths), new ByteArrayInputStream(input));
  }

  private static List<String> routeFindings(AnalysisResult result, String file) {
    TreeSet<String> out = new TreeSet<>();
    for (Finding f : result.findings()) {
      if (f.ruleId().startsWith("AL2") && f.location().path().endsWith(file)) {
        out.add(f.ruleId() + (f.severity() == Severity.ERROR ? "" : "/" + f.severity().name().charAt(0))
            + " " + f.subject().map(s -> s.kind() + "/" + s.namespacedName()).orElse("?"));
      }
    }
    return List.copyOf(out);
  }
}
