package io.ambientlint.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobsTest {

  @TempDir
  Path root;

  private void touch(String path) throws IOException {
    Files.createDirectories(root.resolve(path).getParent());
    Files.writeString(root.resolve(path), "a: 1\n");
  }

  @Test
  void everyManifestNotIncludedIsListedButKustomizationFilesAreAlwaysRead() throws IOException {
    touch("deploy/app.yaml");
    touch("deploy/kustomization.yaml");
    touch("deploy/notes.txt");
    touch("ci/pipeline.yml");
    touch("src/main/resources/application.yaml");
    assertThat(Globs.filesNotIncluded(root, List.of("deploy/**")))
        .containsExactly("ci/pipeline.yml", "src/main/resources/application.yaml");
    assertThat(Globs.filesNotIncluded(root.resolve("missing"), List.of("**"))).isEmpty();
  }

  @Test
  void mavenProjectsAreTheFoldersWithAPomBelowTheRootOutsideBuildAndHiddenFolders() throws IOException {
    touch("pom.xml");
    touch("apps/pom.xml");
    touch("apps/cart/pom.xml");
    touch("apps/deploy/cart.yaml");
    touch("apps/target/classes/pom.xml");
    touch(".mvn/wrapper/pom.xml");
    touch("platform/istio.yaml");
    assertThat(Globs.mavenProjectsUnder(root)).containsExactly(root.resolve("apps"), root.resolve("apps/cart"));
  }

  @Test
  void literalGlobsMatchOnlyThatPath() {
    String glob = Globs.literal("odd[1]/{a}*.yaml");
    var matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    assertThat(matcher.matches(Path.of("odd[1]/{a}*.yaml"))).isTrue();
    assertThat(matcher.matches(Path.of("odd1/a-x.yaml"))).isFalse();
  }
}
