package io.ambientlint.core.kustomize;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.load.LoadLimits;
import io.ambientlint.core.load.LoadedRepository;
import io.ambientlint.core.load.RepositoryLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which kustomization folders are roots, found from the references before anything is rendered. */
class KustomizeUnitRendererTest {

  @TempDir
  Path repo;

  private void write(String path, String text) throws IOException {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static final String CONFIG_MAP = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n";

  private LoadedRepository load() {
    return new RepositoryLoader(repo, LoadLimits.DEFAULTS, List.of(), InputStream.nullInputStream()).load(List.of("."));
  }

  @Test
  void basesNamedByOverlaysAreNotRenderedOnTheirOwn() throws IOException {
    write("base/kustomization.yaml", "resources:\n- cm.yaml\n");
    write("base/cm.yaml", CONFIG_MAP);
    write("mid/kustomization.yaml", "resources:\n- ../base\n");
    write("overlays/a/kustomization.yaml", "namePrefix: a-\nresources:\n- ../../mid\n");
    write("overlays/b/kustomization.yml", "namePrefix: b-\nbases:\n- ../../base\n");
    // A cycle has no root above it: both are rendered, so that the cycle is reported.
    write("cycle/x/kustomization.yaml", "resources:\n- ../y\n");
    write("cycle/y/kustomization.yaml", "resources:\n- ../x\n");
    KustomizeUnitRenderer renderer = new KustomizeUnitRenderer(repo, LoadLimits.DEFAULTS);

    List<String> roots = renderer.roots(load());

    assertThat(roots).containsExactly("overlays/a", "overlays/b", "cycle/x");
    assertThat(renderer.renderedFolders()).doesNotContain("base", "mid").contains("overlays/a", "overlays/b");
  }

  @Test
  void aBaseThatNoRenderReachesIsRenderedAndIsARoot() throws IOException {
    write("base/kustomization.yaml", "resources:\n- cm.yaml\n");
    write("base/cm.yaml", CONFIG_MAP);
    // The overlay fails before it reads its base: the base is then a root of its own, as kustomize sees it.
    write("overlay/kustomization.yaml", "resources:\n- missing.yaml\n- ../base\n");

    KustomizeUnitRenderer renderer = new KustomizeUnitRenderer(repo, LoadLimits.DEFAULTS);

    assertThat(renderer.roots(load())).containsExactly("base", "overlay");
  }

  @Test
  void aUnitBesideTheWorkingDirectoryRendersWithoutAskingForRootsFirst() throws IOException {
    write("gitops/base/kustomization.yaml", "resources:\n- cm.yaml\n");
    write("gitops/base/cm.yaml", CONFIG_MAP);
    write("gitops/prod/kustomization.yaml", "namespace: shop\nresources:\n- ../base\n");
    Path work = Files.createDirectories(repo.resolve("work"));
    LoadedRepository loaded = new RepositoryLoader(work, LoadLimits.DEFAULTS, List.of(), InputStream.nullInputStream())
        .load(List.of("../gitops"));

    // An Argo CD Application names the folder: render() is the first call, and reads beside the working directory.
    var rendering = new KustomizeUnitRenderer(work, LoadLimits.DEFAULTS)
        .render(loaded, "prod", io.ambientlint.core.gitops.UnitRenderer.Options.NONE);

    assertThat(rendering.documents()).extracting(d -> d.root().at("/metadata/namespace").asText()).containsExactly("shop");
    assertThat(rendering.notRendered()).isEmpty();
  }
}
