package io.ambientlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the command line prints and writes, fed what a pull request controls: names, file names, its config. */
class OutputChannelsTest {

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

  private static final String HOSTILE_SERVICE = """
      apiVersion: v1
      kind: Service
      metadata:
        name: "x\\n::add-mask::secret\\e]0;title\\a\\udc00"
        namespace: books
        labels: {istio.io/use-waypoint: "wp\\n::error file=a.yaml::pwned"}
      spec: {ports: [{port: 80}]}
      """;

  @Test
  void configErrorsOnStandardErrorAreOneEscapedLine() throws IOException {
    Files.writeString(dir.resolve(".ambient-lint.yaml"), "failOn: \"x\\n::error file=a.yaml::pwned\\e[2J\"\n");
    Run r = run(".");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("ambient-lint: .ambient-lint.yaml:1:9: failOn must be one of error, warning, note, none; "
        + "got \"x\\n::error file=a.yaml::pwned\\u001B[2J\"\n");
    Run option = run(".", "--fail-on", "##[add-mask]x\n::warning::y");
    assertThat(option.exitCode()).isEqualTo(2);
    assertThat(option.err().lines()).hasSize(1).allMatch(l -> !l.contains("##[") && !l.startsWith("::"));
  }

  @Test
  void textOnStandardOutputHasNoCommandOrControlCharacterAndReportFilesAreValid() throws IOException {
    Files.writeString(dir.resolve("::warning::x.yaml"), HOSTILE_SERVICE);
    Run r = run(".", "--format", "text", "--format", "sarif", "--output", "-", "--output", "report/r.sarif", "--github-annotations");
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
    for (String line : r.out().lines().toList()) {
      assertThat(line).doesNotContain("##[").doesNotContain("\u001b").doesNotContain("\u0007");
      assertThat(line.startsWith("::") && !line.startsWith("::error file=%3A%3Awarning%3A%3Ax.yaml,")).as(line).isFalse();
    }
    assertThat(r.out()).contains("\\u003A:warning::x.yaml:6:35: error AL101 ")
        .contains("Service books/x\\n::add-mask::secret\\u001B]0;title\\u0007\\uDC00");
    String sarif = Files.readString(dir.resolve("report/r.sarif"), StandardCharsets.UTF_8);
    assertThat(new ObjectMapper().readTree(sarif).findValuesAsText("uri")).contains("%3A%3Awarning%3A%3Ax.yaml");
    assertThat(sarif).contains("books/x\\n::add-mask::secret\\u001B]0;title\\u0007\uFFFD");
  }

  @Test
  void aReportThatCannotBeWrittenLeavesThePreviousOne() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), HOSTILE_SERVICE);
    Files.writeString(dir.resolve("r.json"), "previous");
    Run ok = run(".", "--format", "json", "--output", "r.json", "--fail-on", "none");
    assertThat(ok.exitCode()).as(ok.err()).isZero();
    assertThat(new ObjectMapper().readTree(dir.resolve("r.json").toFile()).path("summary").path("errors").asInt()).isEqualTo(1);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.yaml", "r.json");
    }
  }

  /**
   * Under a C/POSIX locale the JVM names files in ASCII; a file name in UTF-8, or not valid UTF-8 at all, must
   * still be read and reported by its bytes.
   */
  @Test
  void nonAsciiFileNamesWorkUnderTheCLocale() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Map<String, String> cLocale = Map.of("LANG", "C", "LC_ALL", "C");
    Process probe = process(List.of(java, "-XshowSettings:properties", "-version"), cLocale).start();
    String settings = new String(probe.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assumeTrue(settings.contains("sun.jnu.encoding = ANSI_X3.4-1968"), "this JVM does not use ASCII file names under LANG=C");
    String manifest = "apiVersion: v1\nkind: Service\nmetadata: {name: a, namespace: b, labels: {istio.io/use-waypoint: nope}}\n"
        + "spec: {ports: [{port: 80}]}\n";
    Files.writeString(dir.resolve("café-😀.yaml"), manifest);
    // A name that is not UTF-8 cannot be made through a Java String; the shell writes its bytes.
    Process shell = process(List.of("/bin/sh", "-c", "printf 'x' > \"$(printf 'bad\\377.yaml')\""), Map.of()).start();
    assertThat(shell.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assumeTrue(shell.exitValue() == 0, "no shell to create a file name that is not UTF-8");
    Process cli = process(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "check", ".", "--verbose",
        "--format", "text", "--format", "sarif", "--output", "-", "--output", "r.sarif"), cLocale).start();
    String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(cli.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(cli.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(cli.exitValue()).as(out + err).isEqualTo(1);
    assertThat(out).contains("café-😀.yaml:3:67: error AL101 ").contains("bad\\uDCFF.yaml:1:1: ");
    assertThat(new ObjectMapper().readTree(dir.resolve("r.sarif").toFile()).findValuesAsText("uri"))
        .contains("caf%C3%A9-%F0%9F%98%80.yaml", "bad%FF.yaml");
  }

  private ProcessBuilder process(List<String> command, Map<String, String> locale) {
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.equals("JAVA_TOOL_OPTIONS"));
    builder.environment().putAll(locale);
    return builder;
  }
}
