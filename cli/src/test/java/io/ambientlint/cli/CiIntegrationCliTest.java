package io.ambientlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientlint.testing.SarifSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The command line in a CI job: a Git repository with a module below its root, reports placed relative to the
 * root, the SARIF category, the CI formats, config discovery, and the usage errors of the distribution issue.
 */
class CiIntegrationCliTest {

  @TempDir
  Path repo;
  private Path module;

  record Run(int exitCode, String out, String err) {}

  private static Run run(Path cwd, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), cwd);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** repo/.git, repo/cluster-a/deploy/mesh.yaml: a Service defined twice (AL903, error). */
  @BeforeEach
  void layout() throws IOException {
    Files.createDirectories(repo.resolve(".git"));
    module = repo.resolve("cluster-a");
    Files.createDirectories(module.resolve("deploy"));
    Files.writeString(module.resolve("deploy/mesh.yaml"), "apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: x}\n"
        + "---\napiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: x}\n");
  }

  private static JsonNode json(String text) throws IOException {
    return new ObjectMapper().readTree(text);
  }

  @Test
  void sarifUrisAreRelativeToTheGitRootAndTheCategoryIsOptional() throws IOException {
    Run plain = run(module, "deploy", "-f", "sarif");
    assertThat(plain.exitCode()).isEqualTo(1);
    assertThat(SarifSchema.violations(plain.out())).isEmpty();
    JsonNode sarif = json(plain.out());
    assertThat(sarif.at("/runs/0").has("automationDetails")).isFalse();
    assertThat(sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("cluster-a/deploy/mesh.yaml");
    assertThat(sarif.at("/runs/0/results/0/level").asText()).isEqualTo("error");

    JsonNode categorised = json(run(module, "deploy", "-f", "sarif", "--sarif-category", "cluster-a").out());
    assertThat(categorised.at("/runs/0/automationDetails/id").asText()).isEqualTo("cluster-a/");

    JsonNode ownRoot = json(run(module, "deploy", "-f", "sarif", "--source-root", ".").out());
    assertThat(ownRoot.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("deploy/mesh.yaml");
    Run missingRoot = run(module, "deploy", "-f", "sarif", "--source-root", "nowhere");
    assertThat(missingRoot.exitCode()).isEqualTo(2);
    assertThat(missingRoot.err()).contains("--source-root nowhere: no such folder");
  }

  @Test
  void aSeverityChangedInTheConfigShowsInSarif() throws IOException {
    Files.writeString(repo.resolve(".ambient-lint.yaml"), "rules: {AL903: warning}\n");
    // found at the Git root, although ambient-lint runs in the module
    Run r = run(module, "deploy", "-f", "sarif", "--fail-on", "none");
    JsonNode sarif = json(r.out());
    assertThat(sarif.at("/runs/0/results/0/ruleId").asText()).isEqualTo("AL903");
    assertThat(sarif.at("/runs/0/results/0/level").asText()).isEqualTo("warning");
  }

  @Test
  void aConfigInTheWorkingDirectoryWinsOverTheOneAtTheGitRoot() throws IOException {
    Files.writeString(repo.resolve(".ambient-lint.yaml"), "rules: {AL903: off}\n");
    assertThat(run(module, "deploy").exitCode()).isZero();
    Files.writeString(module.resolve(".ambient-lint.yaml"), "rules: {AL903: note}\n");
    Run r = run(module, "deploy", "--fail-on", "note");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("note AL903");
    Files.writeString(repo.resolve(".ambient-lint.yaml"), "bogus: 1\n");
    Files.delete(module.resolve(".ambient-lint.yaml"));
    Run broken = run(module, "deploy");
    assertThat(broken.exitCode()).isEqualTo(2);
    assertThat(broken.err()).contains("../.ambient-lint.yaml:1:1: unknown key \"bogus\"");
  }

  @Test
  void overridesInTheConfigApplyByPath() throws IOException {
    Files.createDirectories(module.resolve("legacy"));
    Files.copy(module.resolve("deploy/mesh.yaml"), module.resolve("legacy/mesh.yaml"));
    Files.writeString(module.resolve(".ambient-lint.yaml"), "overrides:\n- paths: [legacy/**]\n  rules: {AL903: off}\n");
    Run r = run(module, ".", "-f", "json", "--fail-on", "none");
    assertThat(r.out()).contains("deploy/mesh.yaml").doesNotContain("legacy/mesh.yaml");
  }

  @Test
  void theCiFormatsAreWellFormedWithRepositoryPaths() throws Exception {
    DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
    Document junit = xml.newDocumentBuilder().parse(new ByteArrayInputStream(
        run(module, "deploy", "-f", "junit").out().getBytes(StandardCharsets.UTF_8)));
    assertThat(junit.getDocumentElement().getTagName()).isEqualTo("testsuites");
    assertThat(junit.getElementsByTagName("failure").getLength()).isEqualTo(1);
    Document checkstyle = xml.newDocumentBuilder().parse(new ByteArrayInputStream(
        run(module, "deploy", "-f", "checkstyle").out().getBytes(StandardCharsets.UTF_8)));
    assertThat(checkstyle.getElementsByTagName("file").item(0).getAttributes().getNamedItem("name").getNodeValue())
        .isEqualTo("cluster-a/deploy/mesh.yaml");
    JsonNode gitlab = json(run(module, "deploy", "-f", "gitlab").out());
    assertThat(gitlab.at("/0/location/path").asText()).isEqualTo("cluster-a/deploy/mesh.yaml");
    assertThat(gitlab.at("/0/check_name").asText()).isEqualTo("AL903");
  }

  @Test
  void onlyOneReportMayGoToStandardOutput() {
    Run both = run(module, "deploy", "-f", "sarif", "-f", "text");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.out()).isEmpty();
    assertThat(both.err()).contains("only one report can go to standard output, got sarif, text");
    Run dash = run(module, "deploy", "-f", "json", "-o", "-", "-f", "text");
    assertThat(dash.exitCode()).isEqualTo(2);
    Run one = run(module, "deploy", "-f", "sarif", "-o", "out/r.sarif", "-f", "text");
    assertThat(one.exitCode()).isEqualTo(1);
    assertThat(one.out()).contains("AL903");
    assertThat(module.resolve("out/r.sarif")).exists();
  }

  @Test
  void aMisspeltCommandIsAUsageErrorWithTheClosestCommand() throws IOException {
    Run typo = run(module, "chek", "deploy");
    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.out()).isEmpty();
    assertThat(typo.err()).contains("'chek' is neither a command nor an existing file or folder")
        .contains("did you mean 'check'?");
    assertThat(run(module, "grahp").err()).contains("did you mean 'graph'?");
    // an existing path is still analyzed by the default command, even one named like a command
    assertThat(run(module, "deploy").exitCode()).isEqualTo(1);
    Files.createDirectories(module.resolve("chek"));
    assertThat(run(module, "chek").exitCode()).isZero();
  }
}
