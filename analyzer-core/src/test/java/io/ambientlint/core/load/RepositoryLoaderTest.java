package io.ambientlint.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryLoaderTest {

  @TempDir
  Path dir;

  private LoadedRepository load(List<String> excludes, String... paths) {
    return new RepositoryLoader(dir, LoadLimits.DEFAULTS, excludes, new ByteArrayInputStream(new byte[0])).load(List.of(paths));
  }

  private void write(String path, String text) throws IOException {
    Path p = dir.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  @Test
  void readsYamlYmlAndJsonInPathOrderAndSkipsBuildFolders() throws IOException {
    write("m/b.yml", "kind: B\n");
    write("m/a.yaml", "kind: A\n---\nkind: A2\n");
    write("m/c.json", "{\"kind\": \"C\"}");
    write("m/readme.md", "kind: no\n");
    write("m/target/x.yaml", "kind: X\n");
    write("m/.git/y.yaml", "kind: Y\n");
    write("m/node_modules/z.yaml", "kind: Z\n");
    LoadedRepository repo = load(List.of(), "m");
    assertThat(repo.documents()).extracting(d -> d.root().path("kind").asText()).containsExactly("A", "A2", "B", "C");
    assertThat(repo.files()).extracting(SourceFile::path).containsExactly("m/a.yaml", "m/b.yml", "m/c.json");
  }

  @Test
  void expandsListsKeepingItemPositions() throws IOException {
    write("list.yaml", "apiVersion: v1\nkind: List\nitems:\n- kind: Service\n  metadata: {name: a}\n- kind: Service\n  metadata: {name: b}\n");
    LoadedRepository repo = load(List.of(), "list.yaml");
    assertThat(repo.documents()).hasSize(2);
    LoadedDocument second = repo.documents().get(1);
    assertThat(second.root().at("/metadata/name").asText()).isEqualTo("b");
    assertThat(second.positionOf("/metadata/name").line()).isEqualTo(7);
  }

  @Test
  void byteOrderMarkIsAcceptedAndNonUtf8IsUnreadable() throws IOException {
    Files.write(dir.resolve("bom.yaml"), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "kind: A\n".getBytes()));
    Files.write(dir.resolve("latin1.yaml"), new byte[] {'k', ':', ' ', (byte) 0xE9, '\n'});
    Files.write(dir.resolve("binary.yaml"), new byte[] {0, 1, 2, 3});
    LoadedRepository repo = load(List.of(), ".");
    assertThat(repo.documents()).extracting(d -> d.root().path("kind").asText()).containsExactly("A");
    assertThat(repo.diagnostics()).extracting(Diagnostic::path, Diagnostic::kind).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("binary.yaml", Diagnostic.Kind.UNREADABLE),
        org.assertj.core.groups.Tuple.tuple("latin1.yaml", Diagnostic.Kind.UNREADABLE));
  }

  @Test
  void helmChartsAndKustomizationsAreSkippedWithANotification() throws IOException {
    write("chart/Chart.yaml", "apiVersion: v2\nname: c\nversion: 0.1.0\n");
    write("chart/templates/svc.yaml", "metadata:\n  name: {{ .Values.name }}\n");
    write("loose/tpl.yaml", "metadata:\n  name: {{ include \"x\" . }}\n");
    write("loose/alert.yaml", "kind: PrometheusRule\nspec: {summary: \"{{ $labels.instance }} down\"}\n");
    write("base/kustomization.yaml", "namespace: books\nresources: [svc.yaml]\n");
    LoadedRepository repo = load(List.of(), ".");
    assertThat(repo.diagnostics()).extracting(Diagnostic::path).containsExactly(
        "base/kustomization.yaml", "chart/Chart.yaml", "chart/templates/svc.yaml", "loose/tpl.yaml");
    assertThat(repo.diagnostics()).allMatch(d -> d.kind() == Diagnostic.Kind.SKIPPED);
    // A template marker inside a string of valid YAML is not a template.
    assertThat(repo.documents()).extracting(d -> d.root().path("kind").asText()).containsExactly("PrometheusRule");
    assertThat(repo.kustomizeNamespaces().get("base").namespace()).isEqualTo("books");
  }

  @Test
  void excludesAndSymlinksOutsideTheRoot() throws IOException {
    write("repo/keep.yaml", "kind: Keep\n");
    write("repo/generated/skip.yaml", "kind: Skip\n");
    write("outside/secret.yaml", "kind: Outside\n");
    Files.createSymbolicLink(dir.resolve("repo/link"), dir.resolve("outside"));
    Files.createSymbolicLink(dir.resolve("repo/loop"), dir.resolve("repo"));
    LoadedRepository repo = load(List.of("generated/**"), "repo");
    assertThat(repo.documents()).extracting(d -> d.root().path("kind").asText()).containsExactly("Keep");
    assertThat(repo.diagnostics()).extracting(Diagnostic::path).contains("repo/link", "repo/loop");
  }

  @Test
  void deepFolderTreesAreWalkedWholeWithTheirLinksAndNames() throws IOException {
    // 2,000 levels: opened by full path, each level cost a lookup of every folder above it.
    StringBuilder deep = new StringBuilder("deep");
    for (int i = 0; i < 2000; i++) {
      deep.append("/d");
      if (i == 999) {
        write(deep + "/middle.yaml", "kind: Middle\n");
      }
    }
    write(deep + "/bottom.yaml", "kind: Bottom\n");
    Files.createSymbolicLink(dir.resolve(deep + "/loop"), dir.resolve("deep"));
    Files.createSymbolicLink(dir.resolve(deep + "/out"), dir.resolve("wide"));
    // Siblings at every level: each open folder must stay usable until its last waiting child is opened.
    List<String> leaves = new java.util.ArrayList<>();
    collectBinaryTree("wide", 6, leaves);
    for (String leaf : leaves) {
      write(leaf + "/m.yaml", "kind: Leaf\n");
    }
    LoadedRepository repo = load(List.of("a/b/**"), "deep", "wide");
    assertThat(repo.files()).extracting(SourceFile::path)
        .contains(deep + "/bottom.yaml", deep.substring(0, "deep".length() + 2000) + "/middle.yaml")
        .hasSize(2 + leaves.size() - 16);
    assertThat(repo.files()).extracting(SourceFile::rootRelativePath).contains(deep.substring("deep/".length()) + "/bottom.yaml");
    assertThat(repo.diagnostics()).extracting(Diagnostic::path, Diagnostic::message).contains(
        org.assertj.core.groups.Tuple.tuple(deep + "/loop",
            "folder already analyzed through another path (symbolic link loop), not followed again"),
        org.assertj.core.groups.Tuple.tuple(deep + "/out", "symbolic link points outside the analyzed folder, not followed"));
  }

  private static void collectBinaryTree(String prefix, int depth, List<String> leaves) {
    if (depth == 0) {
      leaves.add(prefix);
      return;
    }
    collectBinaryTree(prefix + "/a", depth - 1, leaves);
    collectBinaryTree(prefix + "/b", depth - 1, leaves);
  }

  @Test
  void missingPathAndStdin() {
    LoadedRepository repo = new RepositoryLoader(dir, LoadLimits.DEFAULTS, List.of(),
        new ByteArrayInputStream("kind: FromStdin\n".getBytes(StandardCharsets.UTF_8))).load(List.of("-", "nope"));
    assertThat(repo.documents()).extracting(d -> d.path()).containsExactly("<stdin>");
    assertThat(repo.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.path()).isEqualTo("nope");
      assertThat(d.kind()).isEqualTo(Diagnostic.Kind.UNREADABLE);
    });
  }

  @Test
  void oversizedFileIsUnreadableNotLoaded() throws IOException {
    write("big.yaml", "a: " + "x".repeat(2000) + "\n");
    LoadedRepository repo = new RepositoryLoader(dir, new LoadLimits(1000, 10, 64, 10, 1000), List.of(),
        new ByteArrayInputStream(new byte[0])).load(List.of("big.yaml"));
    assertThat(repo.documents()).isEmpty();
    assertThat(repo.diagnostics()).singleElement().satisfies(d -> assertThat(d.message()).contains("limits.maxFileBytes"));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void encodingProblemsArePlacedAtTheirLineAndColumn() throws IOException {
    Files.write(dir.resolve("latin1.yaml"), concat("a: 1\r\nb: \u00e9t\u00e9 ".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE9, '\n'}));
    Files.write(dir.resolve("nul.yaml"), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "a: 1\nbb\u0000\n".getBytes(StandardCharsets.UTF_8)));
    LoadedRepository repo = load(List.of(), ".");
    assertThat(repo.diagnostics()).extracting(d -> d.path() + ":" + d.position() + " " + d.kind()).containsExactly(
        "latin1.yaml:2:8 UNREADABLE", "nul.yaml:2:3 UNREADABLE");
  }

  @Test
  void emptyFilesAreANotification() throws IOException {
    write("empty.yaml", "");
    write("comments.yaml", "# nothing here\n\n");
    LoadedRepository repo = load(List.of(), ".");
    assertThat(repo.diagnostics()).extracting(d -> d.path() + ":" + d.position() + " " + d.kind()).containsExactly(
        "comments.yaml:1:1 NOT_KUBERNETES", "empty.yaml:1:1 NOT_KUBERNETES");
  }
}
