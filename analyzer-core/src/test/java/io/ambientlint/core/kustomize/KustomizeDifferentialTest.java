package io.ambientlint.core.kustomize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.load.LoadLimits;
import io.ambientlint.core.load.YamlDocumentReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The oracle: every case of the corpus rendered by {@code kubectl kustomize} (kustomize v5) and by our renderer
 * gives the same objects in the same order. Skipped where kubectl is not installed.
 */
class KustomizeDifferentialTest {

  static Path corpus() throws URISyntaxException {
    return Path.of(KustomizeDifferentialTest.class.getResource("/kustomize").toURI());
  }

  static boolean kubectlAvailable() {
    try {
      Process p = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @TestFactory
  Stream<DynamicTest> rendersAsKubectlKustomize() throws Exception {
    Assumptions.assumeTrue(kubectlAvailable(), "kubectl is not installed: differential test skipped");
    Path corpus = corpus();
    List<Path> cases;
    try (Stream<Path> s = Files.list(corpus.resolve("cases"))) {
      cases = s.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(cases).isNotEmpty();
    return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
      List<JsonNode> expected = kubectlKustomize(dir);
      RenderResult ours = new KustomizeRenderer(corpus, LoadLimits.DEFAULTS).render("cases/" + dir.getFileName());
      assertThat(ours.failed()).as("render failed: %s", ours.diagnostics()).isFalse();
      List<JsonNode> actual = ours.objects().stream().map(RenderedObject::root).toList();
      assertThat(ids(actual)).as("objects, in kustomize's order").containsExactlyElementsOf(ids(expected));
      for (int i = 0; i < expected.size(); i++) {
        assertThat(actual.get(i)).as(ids(expected).get(i)).isEqualTo(expected.get(i));
      }
    }));
  }

  static List<String> ids(List<JsonNode> objects) {
    return objects.stream().map(o -> o.path("kind").asText() + " " + o.path("metadata").path("namespace").asText()
        + "/" + o.path("metadata").path("name").asText()).toList();
  }

  static List<JsonNode> kubectlKustomize(Path dir) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("kubectl kustomize %s", dir).isZero();
    String text = new String(out, StandardCharsets.UTF_8);
    List<JsonNode> docs = new ArrayList<>();
    for (YamlDocumentReader.ParsedDocument d : new YamlDocumentReader(LoadLimits.DEFAULTS).read("out", text).documents()) {
      docs.add(d.root());
    }
    return docs;
  }
}
