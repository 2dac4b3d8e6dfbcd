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

/** {@code graph --namespace}, {@code --focus} and the Mermaid size cap, as a user runs them. */
class GraphCutCliTest {

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
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: waypoint, namespace: mesh}
        spec:
          gatewayClassName: istio-waypoint
          listeners: [{name: mesh, port: 15008, protocol: HBONE}]
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: cart
          namespace: shop
          labels: {istio.io/use-waypoint: waypoint, istio.io/use-waypoint-namespace: mesh}
        spec: {selector: {app: cart}, ports: [{port: 80}]}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: cart, namespace: shop}
        spec: {template: {metadata: {labels: {app: cart}}}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: reviews, namespace: books}
        spec: {selector: {app: reviews}, ports: [{port: 9080}]}
        """);
  }

  @Test
  void namespaceShowsItAndWhatItConnectsTo() {
    Run shop = run("graph", "--namespace", "shop", "-f", "json", "m");
    assertThat(shop.exitCode()).isZero();
    assertThat(shop.out()).contains("svc:shop/cart").contains("gw:mesh/waypoint").doesNotContain("svc:books/reviews");
    Run none = run("graph", "--namespace", "nowhere", "m");
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("nothing in the graph is in that namespace").contains("books, mesh, shop");
  }

  @Test
  void focusShowsTheObjectsNeighbourhood() {
    Run gw = run("graph", "--focus", "Gateway/mesh/waypoint", "m");
    assertThat(gw.exitCode()).isZero();
    assertThat(gw.out()).contains("Service cart").contains("Deployment cart").doesNotContain("reviews");
    Run missing = run("graph", "--focus", "Service/shop/nope", "m");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no such object in the graph");
    assertThat(run("graph", "--focus", "Service/cart", "m").err()).contains("expected KIND/NAMESPACE/NAME");
  }

  @Test
  void largeMermaidIsCutWithALineSayingWhatWasLeftOut() throws IOException {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      yaml.append("apiVersion: v1\nkind: Service\nmetadata: {name: s").append(i).append(", namespace: big}\n")
          .append("spec: {selector: {app: a").append(i).append("}, ports: [{port: 80}]}\n---\n")
          .append("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d").append(i).append(", namespace: big}\n")
          .append("spec: {template: {metadata: {labels: {app: a").append(i).append("}}}}\n---\n");
      yaml.append("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: t").append(i).append(", namespace: big}\n")
          .append("spec: {template: {metadata: {labels: {app: a").append(i).append("}}}}\n---\n");
    }
    Files.writeString(dir.resolve("m/big.yaml"), yaml.toString());
    Run r = run("graph", "m");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out().length()).isLessThanOrEqualTo(50_000);
    assertThat(r.out().lines().filter(l -> l.contains("-->") || l.contains("-.->")).count()).isLessThanOrEqualTo(500);
    assertThat(r.out()).contains("left out: Mermaid draws at most 500 edges");
    assertThat(r.err()).contains("ambient-lint graph: ").contains("left out");
    assertThat(run("graph", "-f", "dot", "m").out()).doesNotContain("left out");
  }
}
