package io.ambientlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** {@code render}: each root's objects in kustomize's order, problems on standard error, exit 3 on a failed root. */
class RenderCommandTest {

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

  private void write(String path, String text) throws IOException {
    Files.createDirectories(dir.resolve(path).getParent());
    Files.writeString(dir.resolve(path), text);
  }

  @BeforeEach
  void repository() throws IOException {
    write("base/kustomization.yaml", "resources:\n  - app.yaml\n");
    write("base/app.yaml", """
        apiVersion: v1
        kind: Service
        metadata:
          name: cart
        spec:
          ports:
            - port: 80
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
        """);
    write("overlays/prod/kustomization.yaml", "resources:\n  - ../../base\nnamePrefix: prod-\n");
    write("overlays/broken/kustomization.yaml", "resources:\n  - ../../base\n  - missing.yaml\n");
  }

  @Test
  void aKustomizationBesideTheWorkingDirectoryIsRenderedButNotWhatItNamesOutsideTheFoldersGiven() throws IOException {
    Files.createDirectories(dir.resolve("work"));
    write("secrets/kustomization.yaml", "resources:\n- secret.yaml\n");
    write("secrets/secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n");
    write("overlays/leaky/kustomization.yaml", "resources:\n- ../../base\n- ../../secrets\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"render", "../overlays/prod", "../base", "../overlays/leaky"},
        new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), dir.resolve("work"));
    String rendered = out.toString(StandardCharsets.UTF_8);
    // overlays/prod and its base, both named: rendered as from inside the repository.
    assertThat(rendered).contains("# kustomization root: ../overlays/prod").contains("name: prod-cart");
    // secrets/ is neither the working directory nor a folder named: not read.
    assertThat(rendered).doesNotContain("kind: Secret");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("../overlays/leaky/kustomization.yaml:3:3: note: resource"
        + " ../../secrets is outside the analyzed folders and not read: its objects are unknown, not absent\n");
    assertThat(code).isZero();
  }

  @Test
  void printsAFolderAsKustomizeBuildDoes() {
    Run r = run("render", "overlays/prod");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("""
        # kustomization root: overlays/prod
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: prod-cart
        spec:
          ports:
          - port: 80
        """);
    assertThat(r.err()).isEmpty();
  }

  @Test
  void rendersEveryRootBelowAFolderAndReportsTheOneThatFails() throws IOException {
    Run r = run("render", "--format", "json", ".");
    assertThat(r.exitCode()).isEqualTo(3);
    JsonNode roots = new ObjectMapper().readTree(r.out());
    assertThat(roots).hasSize(2);
    assertThat(roots.get(0).path("root").asText()).isEqualTo("overlays/broken");
    assertThat(roots.get(0).path("rendered").asBoolean()).isFalse();
    assertThat(roots.get(1).path("root").asText()).isEqualTo("overlays/prod");
    assertThat(roots.get(1).path("objects")).extracting(o -> o.at("/metadata/name").asText())
        .containsExactly("shop", "prod-cart");
    assertThat(r.err()).contains("overlays/broken/kustomization.yaml:3:5: error:").contains("missing.yaml");
  }
}
