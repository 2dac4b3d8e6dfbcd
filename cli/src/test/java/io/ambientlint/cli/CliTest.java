package io.ambientlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.testing.SarifSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: arguments in, reports and an exit code out. */
class CliTest {

  @TempDir
  Path dir;

  record Run(int exitCode, String out, String err) {}

  private Run runWithStdin(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), dir);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Run run(String... args) {
    return runWithStdin("", args);
  }

  private void write(String path, String text) throws IOException {
    Path p = dir.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  private void brokenAndValid() throws IOException {
    write("m/broken.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  labels: {app: [unclosed\n");
    write("m/valid.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: x}\n---\n"
        + "apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: x}\n");
  }

  @Test
  void brokenFileIsReportedAtItsLineAndTheValidFileIsStillAnalyzed() throws IOException {
    brokenAndValid();
    Run r = run("m");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("m/broken.yaml:6:1: error AL901 ");
    assertThat(r.out()).contains("m/valid.yaml:7:18: error AL903 Service x/s is defined again here");
    assertThat(r.out()).contains("ambient-lint: 2 errors, 0 warnings, 0 notes in 2 files (2 resources)");
  }

  @Test
  void crdOptionAddsSchemasAndAMissingCrdFileIsANotification() throws IOException {
    write("crds/widget.yaml", "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n"
        + "metadata: {name: widgets.example.io}\nspec:\n  group: example.io\n  names: {kind: Widget, plural: widgets}\n"
        + "  scope: Namespaced\n  versions:\n  - name: v1\n    served: true\n    storage: true\n    schema:\n"
        + "      openAPIV3Schema:\n        type: object\n        properties:\n          spec:\n            type: object\n"
        + "            properties: {size: {type: integer}}\n");
    write("m/widget.yaml", "apiVersion: example.io/v1\nkind: Widget\nmetadata: {name: w, namespace: x}\nspec:\n  size: big\n");
    assertThat(run("m").exitCode()).isZero();
    Run withCrd = run("m", "--crd", "crds");
    assertThat(withCrd.exitCode()).isEqualTo(1);
    assertThat(withCrd.out()).contains("m/widget.yaml:5:9: error AL902 Widget x/w: spec.size must be an integer, got \"big\"");
    Run missing = run("m", "--crd", "nowhere.yaml");
    assertThat(missing.out()).contains("nowhere.yaml").contains("CRD file given with --crd/crds");
  }

  @Test
  void checkIsTheDefaultCommandAndFailOnDecidesTheExitCode() throws IOException {
    brokenAndValid();
    assertThat(run("check", "m", "--fail-on", "none").exitCode()).isZero();
    assertThat(run("m", "--fail-on", "none").exitCode()).isZero();
    write("clean/ok.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: x}\n");
    assertThat(run("clean").exitCode()).isZero();
  }

  @Test
  void unreadableInputIsExitCode3AndTheRestIsReported() throws IOException {
    write("m/ok.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: x}\n");
    Files.write(dir.resolve("m/latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
    Run r = run("m");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).contains("m/latin1.yaml:1:4: error: not UTF-8").contains("1 input could not be read");
  }

  @Test
  void unreadablePermissionsAreANotification() throws IOException {
    write("m/secret.yaml", "a: 1\n");
    Path file = dir.resolve("m/secret.yaml");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    if (Files.isReadable(file)) {
      return; // running as root: permissions do not stop reads
    }
    assertThat(run("m").exitCode()).isEqualTo(3);
  }

  @Test
  void configErrorsAreExitCode2WithFileAndLine() throws IOException {
    write(".ambient-lint.yaml", "rootNamespace: x\nbogus: 1\n");
    Run r = run(".");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(".ambient-lint.yaml:2:1: unknown key \"bogus\"");
    assertThat(run("--config", "missing.yaml", ".").exitCode()).isEqualTo(2);
    assertThat(run("--bogus-option").exitCode()).isEqualTo(2);
  }

  @Test
  void sarifAndJsonGoToFilesAndTextToStdout() throws IOException {
    brokenAndValid();
    Run r = run("m", "-f", "sarif", "-o", "out/r.sarif", "-f", "json", "-o", "out/r.json", "-f", "text");
    assertThat(r.exitCode()).isEqualTo(1);
    String sarif = Files.readString(dir.resolve("out/r.sarif"));
    assertThat(SarifSchema.violations(sarif)).isEmpty();
    assertThat(sarif).contains("\"uri\" : \"m/broken.yaml\"").doesNotContain(dir.toString());
    assertThat(Files.readString(dir.resolve("out/r.json"))).contains("\"ruleId\" : \"AL903\"");
    assertThat(r.out()).contains("AL903");
  }

  @Test
  void markdownSummaryAndGithubAnnotations() throws IOException {
    brokenAndValid();
    Run r = run("m", "-f", "markdown", "-o", "out/summary.md", "--github-annotations",
        "--link-base", "https://github.com/o/r/blob/abc");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("::error file=m/valid.yaml,line=7,endLine=7,col=18,endColumn=19,title=AL903 duplicate-resource::"
        + "Service x/s is defined again here");
    assertThat(Files.readString(dir.resolve("out/summary.md"))).contains("**2 errors**")
        .contains("[`m/valid.yaml:7`](https://github.com/o/r/blob/abc/m/valid.yaml#L7)");
    assertThat(run("m", "-f", "markdown").out()).startsWith("## ambient-lint\n").contains("| [`m/valid.yaml:7`](m/valid.yaml#L7) |");
  }

  @Test
  void stdinIsAnInput() {
    Run r = runWithStdin("apiVersion: v1\nkind: Service\nmetadata: {name: s, labels: {a: 1, a: 2}}\n", "-");
    assertThat(r.out()).contains("<stdin>:3:36: error AL905");
  }

  @Test
  void outputIsByteIdenticalAcrossRunsAndThreadCounts() throws Exception {
    for (int i = 0; i < 20; i++) {
      write("m/f" + i + ".yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: s" + (i % 7) + ", namespace: x, labels: {a: 1, a: 2}}\n");
    }
    write("m/bad.yaml", "a: [\n");
    String first = run("m", "-f", "sarif").out();
    String second = run("m", "-f", "sarif").out();
    String oneThread = new ForkJoinPool(1).submit(() -> run("m", "-f", "sarif").out()).get();
    String fourThreads = new ForkJoinPool(4).submit(() -> run("m", "-f", "sarif").out()).get();
    assertThat(second).isEqualTo(first);
    assertThat(oneThread).isEqualTo(first);
    assertThat(fourThreads).isEqualTo(first);
  }

  @Test
  void rulesCommandListsTheCatalogue() {
    assertThat(run("rules").out()).contains("AL901  error    yaml-invalid");
    assertThat(run("rules", "--format", "json").out()).contains("\"id\" : \"AL905\"");
    assertThat(run("rules", "--format", "markdown").out()).contains("# AL903 duplicate-resource");
  }

  @Test
  void helpAndVersion() {
    Run help = run("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("check").contains("rules").contains("Exit codes");
    assertThat(run("--version").out()).startsWith("ambient-lint ");
    assertThat(run("check", "--help").out()).contains("--fail-on").contains("--waypoint-class");
  }
}
