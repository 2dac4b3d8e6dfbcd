package io.ambientlint.core.kustomize;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.load.LoadLimits;
import io.ambientlint.core.load.LoadedDocument;
import io.ambientlint.core.load.LoadedRepository;
import io.ambientlint.core.load.RepositoryLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Provenance of rendered nodes, and what kustomize would reject reported at its line without a crash. */
class KustomizeRendererTest {

  @TempDir
  Path tmp;

  private Path repo() throws IOException {
    return Files.createDirectories(tmp.resolve("repo"));
  }

  private static void write(Path base, String path, String text) throws IOException {
    Path file = base.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static final String SERVICE = """
      apiVersion: v1
      kind: Service
      metadata:
        name: cart
        labels:
          app: cart
      spec:
        selector:
          app: cart
        ports:
          - port: 8080
      """;

  private RenderResult render(Path base, String dir) {
    return new KustomizeRenderer(base, LoadLimits.DEFAULTS).render(dir);
  }

  private static LoadedDocument only(RenderResult r) {
    assertThat(r.failed()).as("%s", r.diagnostics()).isFalse();
    assertThat(r.objects()).hasSize(1);
    return r.objects().get(0).toDocument();
  }

  @Test
  void eachNodePointsAtTheFileAndLineThatSetIt() throws IOException {
    Path base = repo();
    write(base, "base/kustomization.yaml", "resources:\n  - service.yaml\n");
    write(base, "base/service.yaml", SERVICE);
    write(base, "prod/kustomization.yaml", """
        resources:
          - ../base
        namespace: shop
        commonLabels:
          istio.io/use-waypoint: shop-waypoint
        patches:
          - path: port.yaml
        """);
    write(base, "prod/port.yaml", """
        apiVersion: v1
        kind: Service
        metadata:
          name: cart
        spec:
          ports:
            - port: 8080
              targetPort: 9090
        """);
    LoadedDocument doc = only(render(base, "prod"));

    assertThat(doc.root().at("/metadata/labels/istio.io~1use-waypoint").asText()).isEqualTo("shop-waypoint");
    assertThat(doc.fileOf("/metadata/labels/istio.io~1use-waypoint")).isEqualTo("prod/kustomization.yaml");
    assertThat(doc.positionOf("/metadata/labels/istio.io~1use-waypoint").line()).isEqualTo(5);
    assertThat(doc.fileOf("/metadata/namespace")).isEqualTo("prod/kustomization.yaml");
    assertThat(doc.positionOf("/metadata/namespace").line()).isEqualTo(3);
    assertThat(doc.fileOf("/spec/ports/0/targetPort")).isEqualTo("prod/port.yaml");
    assertThat(doc.positionOf("/spec/ports/0/targetPort").line()).isEqualTo(8);
    // Untouched nodes stay in the base file; the selector label commonLabels added points at the overlay.
    assertThat(doc.fileOf("/metadata/labels/app")).isEqualTo("base/service.yaml");
    assertThat(doc.positionOf("/metadata/labels/app").line()).isEqualTo(6);
    assertThat(doc.fileOf("/spec/selector/istio.io~1use-waypoint")).isEqualTo("prod/kustomization.yaml");
    assertThat(doc.sourceMap().renderChain()).extracting(s -> s.path() + ":" + s.message()).containsExactly(
        "base/service.yaml:defined here", "prod/port.yaml:patched by this patch",
        "prod/kustomization.yaml:namespace set by this kustomization",
        "prod/kustomization.yaml:rendered by the kustomization root prod");
  }

  @Test
  void anInlinePatchKeepsTheLinesOfItsNodes() throws IOException {
    Path base = repo();
    write(base, "app/kustomization.yaml", """
        resources:
          - service.yaml
        patches:
          - target:
              kind: Service
            patch: |-
              - op: add
                path: /metadata/labels/istio.io~1use-waypoint
                value: shop-waypoint
          - patch: >-
              {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "cart", "labels": {"tier": "web"}}}
        """);
    write(base, "app/service.yaml", SERVICE);
    LoadedDocument doc = only(render(base, "app"));
    assertThat(doc.fileOf("/metadata/labels/istio.io~1use-waypoint")).isEqualTo("app/kustomization.yaml");
    assertThat(doc.positionOf("/metadata/labels/istio.io~1use-waypoint")).satisfies(p -> {
      assertThat(p.line()).isEqualTo(9);
      assertThat(p.column()).isEqualTo(16);
    });
    // A folded or quoted inline patch cannot be mapped line by line: it is located at its field.
    assertThat(doc.positionOf("/metadata/labels/tier").line()).isEqualTo(10);
  }

  @Test
  void aRenamedReferenceKustomizeUpdatesPointsAtTheRename() throws IOException {
    Path base = repo();
    write(base, "app/kustomization.yaml", """
        nameSuffix: -v2
        resources:
          - app.yaml
        configMapGenerator:
          - name: settings
            literals:
              - mode=ambient
        """);
    write(base, "app/app.yaml", """
        apiVersion: v1
        kind: Pod
        metadata:
          name: tool
        spec:
          containers:
            - name: tool
              image: busybox
              envFrom:
                - configMapRef:
                    name: settings
        """);
    RenderResult r = render(base, "app");
    assertThat(r.failed()).isFalse();
    LoadedDocument pod = r.objects().stream().map(RenderedObject::toDocument)
        .filter(d -> d.root().path("kind").asText().equals("Pod")).findFirst().orElseThrow();
    String ref = pod.root().at("/spec/containers/0/envFrom/0/configMapRef/name").asText();
    assertThat(ref).startsWith("settings-v2-").hasSize("settings-v2-".length() + 10);
    assertThat(pod.fileOf("/spec/containers/0/envFrom/0/configMapRef/name")).isEqualTo("app/kustomization.yaml");
  }

  @Test
  void aMissingResourceIsAnErrorAtItsLine() throws IOException {
    Path base = repo();
    write(base, "app/kustomization.yaml", "resources:\n  - service.yaml\n  - missing.yaml\n");
    write(base, "app/service.yaml", SERVICE);
    RenderResult r = render(base, "app");
    assertThat(r.failed()).isTrue();
    assertThat(r.objects()).isEmpty();
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(Diagnostic.Kind.RENDER_ERROR);
      assertThat(d.path()).isEqualTo("app/kustomization.yaml");
      assertThat(d.position().line()).isEqualTo(3);
      assertThat(d.message()).contains("missing.yaml").contains("no such file");
    });
  }

  @Test
  void aCycleIsAnErrorNamingTheCycle() throws IOException {
    Path base = repo();
    write(base, "a/kustomization.yaml", "resources:\n  - ../b\n");
    write(base, "b/kustomization.yaml", "resources:\n  - ../a\n");
    RenderResult r = render(base, "a");
    assertThat(r.failed()).isTrue();
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.path()).isEqualTo("b/kustomization.yaml");
      assertThat(d.position().line()).isEqualTo(2);
      assertThat(d.message()).contains("cycle: a -> b -> a");
    });
  }

  @Test
  void aPatchThatMatchesNothingIsAnErrorAtThePatch() throws IOException {
    Path base = repo();
    write(base, "app/kustomization.yaml", "resources:\n  - service.yaml\npatches:\n  - path: patch.yaml\n");
    write(base, "app/service.yaml", SERVICE);
    write(base, "app/patch.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: other\nspec:\n  type: NodePort\n");
    RenderResult r = render(base, "app");
    assertThat(r.failed()).isTrue();
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.path()).isEqualTo("app/patch.yaml");
      assertThat(d.position().line()).isEqualTo(4);
      assertThat(d.message()).contains("no resource matches");
    });
  }

  @Test
  void aJsonPatchOnAMissingPathIsAnError() throws IOException {
    Path base = repo();
    write(base, "app/kustomization.yaml", """
        resources:
          - service.yaml
        patches:
          - target:
              kind: Service
            patch: |-
              - op: replace
                path: /spec/nothing/here
                value: 1
        """);
    write(base, "app/service.yaml", SERVICE);
    RenderResult r = render(base, "app");
    assertThat(r.failed()).isTrue();
    assertThat(r.diagnostics()).singleElement().satisfies(d -> assertThat(d.message()).contains("/spec/nothing/here"));
  }

  @Test
  void aResourceLeavingTheAnalyzedFolderIsNotReadAndItsObjectsAreUnknown() throws IOException {
    Path base = repo();
    write(tmp, "outside/secret.yaml", SERVICE);
    write(base, "app/kustomization.yaml", "resources:\n  - ../../outside/secret.yaml\n  - service.yaml\n");
    write(base, "app/service.yaml", SERVICE);
    RenderResult r = render(base, "app");
    // Like a remote base (an upstream install vendored beside the repository): the rest still renders.
    assertThat(r.failed()).isFalse();
    assertThat(r.objects()).hasSize(1);
    assertThat(r.filesRead()).containsExactlyInAnyOrder("app/kustomization.yaml", "app/service.yaml");
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.position().line()).isEqualTo(2);
      assertThat(d.message()).contains("outside the analyzed folders and not read").contains("unknown, not absent");
    });
  }

  @Test
  void aSymbolicLinkOutOfTheAnalyzedFolderIsRefused() throws IOException {
    Path base = repo();
    write(tmp, "outside/secret.yaml", SERVICE);
    write(base, "app/kustomization.yaml", "resources:\n  - link.yaml\n");
    Files.createSymbolicLink(base.resolve("app/link.yaml"), tmp.resolve("outside/secret.yaml"));
    RenderResult r = render(base, "app");
    assertThat(r.failed()).isTrue();
    assertThat(r.filesRead()).doesNotContain("app/link.yaml");
    assertThat(r.diagnostics()).singleElement().satisfies(d -> assertThat(d.message()).contains("refused"));
  }

  @Test
  void unknownFieldsWarnAndWhatIsNotRenderedIsNamedWhileTheRestRenders() throws IOException {
    Path base = repo();
    write(base, "app/kustomization.yaml", """
        resources:
          - service.yaml
          - https://github.com/example/base?ref=v1
        helmCharts:
          - name: thing
        replacements:
          - path: r.yaml
        commonLables:
          typo: here
        """);
    write(base, "app/service.yaml", SERVICE);
    RenderResult r = render(base, "app");
    assertThat(r.failed()).isFalse();
    assertThat(r.objects()).hasSize(1);
    assertThat(r.diagnostics()).extracting(d -> d.kind() + "@" + d.position().line()).containsExactly(
        "SKIPPED@3", "SKIPPED@4", "SKIPPED@6", "RENDER_WARNING@8");
    assertThat(r.diagnostics().get(0).message()).contains("not fetched").contains("unknown, not absent");
    assertThat(r.diagnostics().get(3).message()).contains("commonLables");
  }

  @Test
  void brokenKustomizationsNeverCrash() throws IOException {
    Path base = repo();
    List<String> broken = List.of("- just\n- a list\n", "resources: [\n", "resources: 42\n", "patches:\n  - {}\n",
        "resources:\n  - {a: b}\n", "kind: Component\n", "configMapGenerator:\n  - literals: [x]\n",
        "patches:\n  - target: {name: '['}\n    patch: '[]'\n", "images:\n  - newTag: 1\n", "\0\0");
    for (int i = 0; i < broken.size(); i++) {
      write(base, "k" + i + "/kustomization.yaml", broken.get(i));
      RenderResult r = render(base, "k" + i);
      assertThat(r.diagnostics()).as("case %d", i).allSatisfy(d -> assertThat(d.message()).doesNotContain("internal error"));
    }
  }

  @Test
  void onlyKustomizationsNoOtherOneReadsAreRenderedAsRoots() throws IOException {
    Path base = repo();
    write(base, "base/kustomization.yaml", "resources:\n  - service.yaml\n");
    write(base, "base/service.yaml", SERVICE);
    for (String env : List.of("staging", "prod")) {
      write(base, "overlays/" + env + "/kustomization.yaml", "resources:\n  - ../../base\nnamespace: " + env
          + "\npatches:\n  - path: patch.yaml\n");
      write(base, "overlays/" + env + "/patch.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: cart\n");
    }
    write(base, "loose/other.yaml", SERVICE.replace("cart", "other"));
    LoadedRepository loaded = new RepositoryLoader(base, LoadLimits.DEFAULTS, List.of(), InputStream.nullInputStream())
        .load(List.of("."));
    List<RenderResult> roots = new KustomizeUnitRenderer(base, LoadLimits.DEFAULTS).renderRoots(loaded);

    // The base is read by both overlays, so only the overlays are roots; each renders the base in its namespace.
    assertThat(roots).extracting(RenderResult::directory).containsExactly("overlays/prod", "overlays/staging");
    assertThat(roots).extracting(r -> r.objects().get(0).root().at("/metadata/namespace").asText())
        .containsExactly("prod", "staging");
    assertThat(roots).allSatisfy(r -> assertThat(r.filesRead()).doesNotContain("loose/other.yaml"));
  }
}
