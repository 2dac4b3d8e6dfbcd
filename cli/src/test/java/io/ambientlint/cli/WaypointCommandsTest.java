package io.ambientlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explain} and {@code graph} on a small repository, and {@code --waypoint-class}. */
class WaypointCommandsTest {

  @TempDir
  Path dir;

  record Run(int exitCode, String out, String err) {}

  private Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), dir);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @BeforeEach
  void repository() throws IOException {
    Files.createDirectories(dir.resolve("m"));
    Files.writeString(dir.resolve("m/mesh.yaml"), """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: books
          labels:
            istio.io/dataplane-mode: ambient
            istio.io/use-waypoint: waypoint
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: waypoint, namespace: books}
        spec:
          gatewayClassName: istio-waypoint
          listeners:
          - name: mesh
            port: 15008
            protocol: HBONE
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: reviews, namespace: books}
        spec: {selector: {app: reviews}, ports: [{port: 9080}]}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: reviews-v1, namespace: books}
        spec:
          template:
            metadata: {labels: {app: reviews}}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: vendor, namespace: shop}
        spec:
          gatewayClassName: acme-waypoint
          listeners: [{name: mesh, port: 15008, protocol: HBONE}]
        ---
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: api
          namespace: books
          labels: {istio.io/use-waypoint: egress, istio.io/ingress-use-waypoint: "true"}
        spec: {hosts: [api.example.com], ports: [{number: 443, name: tls, protocol: TLS}]}
        """, StandardCharsets.UTF_8);
  }

  @Test
  void explainServiceSaysWhichWaypointAndWhichLabelChoseIt() {
    Run r = run("explain", "Service/books/reviews", "m");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("""
        Enrolment
          namespace books: ambient (captured by ztunnel): namespace label istio.io/dataplane-mode=ambient  (m/mesh.yaml:6:30)
          selects 1 workload(s)
            Deployment books/reviews-v1: ambient (captured by ztunnel): namespace label istio.io/dataplane-mode=ambient  (m/mesh.yaml:6:30)
        Waypoint
          service traffic: waypoint books/waypoint  (m/mesh.yaml:7:28)
            why: istio.io/use-waypoint=waypoint on Namespace books
            decided by the label on the namespace (the object has no label of its own)  (m/mesh.yaml:7:28)
            the waypoint Gateway books/waypoint  (m/mesh.yaml:11:18)
          ingress gateways skip the waypoint (no istio.io/ingress-use-waypoint)
        """);
  }

  @Test
  void explainGatewaySaysWhatMakesItAWaypointAndWhatUsesIt() {
    Run r = run("explain", "Gateway/books/waypoint", "m");
    assertThat(r.out()).contains("  is a waypoint: class istio-waypoint is Istio's waypoint class  (m/mesh.yaml:13:21)\n")
        .contains("  waypoint-for service (default)\n")
        .contains("  bound listener mesh (port 15008, HBONE)  (m/mesh.yaml:15:5)\n")
        .contains("  allowed namespaces: listener mesh allows only its own namespace books")
        .contains("  named by istio.io/use-waypoint=waypoint on Namespace books  (m/mesh.yaml:7:28)\n")
        .contains("    Service books/reviews: bound  (m/mesh.yaml:21:18)\n");
  }

  @Test
  void explainHandlesWorkloadsAndImplicitNamespaces() {
    assertThat(run("explain", "Deployment/books/reviews-v1", "m").out())
        .contains("  traffic addressed to the pods: no waypoint (the namespace's waypoint serves the other traffic type)")
        .contains("  traffic through Service books/reviews: waypoint books/waypoint  (m/mesh.yaml:7:28)");
    Run shop = run("explain", "Namespace/shop", "m");
    assertThat(shop.exitCode()).isZero();
    assertThat(shop.out()).contains("Namespace shop\n  not declared in the repository")
        .contains("namespace shop: unknown: namespace shop is not declared in the repository nor in config namespaces:");
  }

  @Test
  void explainServiceEntryShowsAFailedBindingWithoutFallback() {
    Run r = run("explain", "ServiceEntry/books/api", "m");
    assertThat(r.out()).contains("  service traffic: no waypoint: the binding to books/egress fails (MISSING)  (m/mesh.yaml:43:35)\n")
        .contains("    why: istio.io/use-waypoint=egress on ServiceEntry books/api names Gateway books/egress, which is not "
            + "in the repository\n")
        .contains("    decided by the label on the object itself  (m/mesh.yaml:43:35)\n")
        .contains("  ingress gateways go through the waypoint: istio.io/ingress-use-waypoint=true  (m/mesh.yaml:43:74)\n");
  }

  @Test
  void waypointClassOptionMakesAVendorClassAWaypoint() {
    assertThat(run("explain", "Gateway/shop/vendor", "m").out())
        .contains("not a waypoint: class acme-waypoint is not a waypoint class");
    Run r = run("explain", "--waypoint-class", "acme-waypoint", "Gateway/shop/vendor", "m");
    assertThat(r.out()).contains("is a waypoint: class acme-waypoint is named in config waypointClasses / --waypoint-class")
        .contains("owned by a controller other than Istio");
    // No AL111: shop is not declared, so its unknown labels may name the waypoint (DESIGN §2b).
    assertThat(run("check", "m", "--fail-on", "none", "--waypoint-class", "acme-waypoint").out())
        .doesNotContain("AL111")
        .contains("note AL107 waypoint Gateway shop/vendor has class acme-waypoint");
    assertThat(run("check", "m", "--fail-on", "none").out()).doesNotContain("shop/vendor");
  }

  @Test
  void graphPrintsMermaidByDefaultAndDotOrJsonOnRequest() {
    Run mermaid = run("graph", "m");
    assertThat(mermaid.exitCode()).isZero();
    assertThat(mermaid.out()).startsWith("flowchart LR\n")
        .contains("  subgraph c0 [\"namespace books (ambient)\"]\n")
        .contains("n3 -->|\"use-waypoint=waypoint (Namespace label)\"| n1");
    assertThat(run("graph", "--format", "dot", "m").out()).startsWith("digraph mesh {")
        .contains("\"svc:books/reviews\" -> \"gw:books/waypoint\"");
    assertThat(run("graph", "-f", "json", "m").out()).contains("\"id\" : \"gw:books/waypoint\"");
    assertThat(run("graph", "--format", "png", "m").exitCode()).isEqualTo(2);
  }
}
