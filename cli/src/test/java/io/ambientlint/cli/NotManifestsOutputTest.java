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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files beside the manifests that are no Kubernetes objects (CI configs, package.json, Helm values) are counted in
 * the text summary and listed only with --verbose; JSON keeps every one; a broken object is still a warning line.
 */
class NotManifestsOutputTest {

  @TempDir
  Path dir;

  @BeforeEach
  void repository() throws IOException {
    write("repo/app.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: web}\n");
    write("repo/package.json", "{\"name\": \"web\", \"version\": \"1.0.0\"}\n");
    write("repo/.gitlab-ci.yml", "stages: [build]\nbuild:\n  script: [make]\n");
    write("repo/values.yaml", "replicaCount: 2\nimage:\n  tag: 1.2.3\n");
    write("repo/broken.yaml", "apiVersion: v1\nkind: Service\nmetadata: {namespace: web}\n");
  }

  @Test
  void textCountsForeignFilesInTheSummaryAndWarnsAboutBrokenObjects() throws IOException {
    String out = run("repo");
    assertThat(out).doesNotContain("package.json").doesNotContain("values.yaml").doesNotContain(".gitlab-ci.yml");
    assertThat(out).contains("repo/broken.yaml:1:1: warning: not a Kubernetes object: missing or invalid metadata.name");
    assertThat(lastLine(out)).endsWith("; 3 files were not Kubernetes manifests (--verbose lists them)");
  }

  @Test
  void githubAnnotationsLeaveThemOut() throws IOException {
    String out = run("repo", "-f", "json", "-o", "r.json", "--github-annotations");
    assertThat(out).contains("::warning file=repo/broken.yaml").doesNotContain("package.json").doesNotContain("values.yaml");
  }

  @Test
  void verboseListsThem() throws IOException {
    String out = run("repo", "--verbose");
    assertThat(out).contains("repo/package.json:1:1: note: ", "repo/values.yaml:1:1: note: ", "repo/.gitlab-ci.yml:1:1: note: ");
    assertThat(lastLine(out)).endsWith("; 3 files were not Kubernetes manifests");
  }

  @Test
  void jsonListsEveryOneAsANote() throws IOException {
    JsonNode json = new ObjectMapper().readTree(run("repo", "-f", "json"));
    List<String> foreign = new ArrayList<>();
    json.path("notifications").forEach(n -> {
      if (n.path("kind").asText().equals("not-kubernetes")) {
        assertThat(n.path("level").asText()).isEqualToIgnoringCase("note");
        foreign.add(n.path("path").asText());
      }
    });
    assertThat(foreign).containsExactlyInAnyOrder("repo/package.json", "repo/.gitlab-ci.yml", "repo/values.yaml");
  }

  private static String lastLine(String out) {
    String[] lines = out.strip().split("\n");
    return lines[lines.length - 1];
  }

  private String run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), dir);
    return out.toString(StandardCharsets.UTF_8);
  }

  private void write(String path, String text) throws IOException {
    Path p = dir.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }
}
