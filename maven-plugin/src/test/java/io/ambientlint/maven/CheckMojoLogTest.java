package io.ambientlint.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build log, fed names and file names a pull request controls. */
class CheckMojoLogTest {

  @TempDir
  Path dir;

  /** Every message the mojo logs, each as the one line Maven would print. */
  static final class RecordingLog implements Log {
    final List<String> lines = new ArrayList<>();

    private void add(String level, CharSequence message) {
      lines.add("[" + level + "] " + message);
    }

    @Override public boolean isDebugEnabled() { return true; }
    @Override public void debug(CharSequence content) { add("DEBUG", content); }
    @Override public void debug(CharSequence content, Throwable error) { add("DEBUG", content); }
    @Override public void debug(Throwable error) { add("DEBUG", error.toString()); }
    @Override public boolean isInfoEnabled() { return true; }
    @Override public void info(CharSequence content) { add("INFO", content); }
    @Override public void info(CharSequence content, Throwable error) { add("INFO", content); }
    @Override public void info(Throwable error) { add("INFO", error.toString()); }
    @Override public boolean isWarnEnabled() { return true; }
    @Override public void warn(CharSequence content) { add("WARNING", content); }
    @Override public void warn(CharSequence content, Throwable error) { add("WARNING", content); }
    @Override public void warn(Throwable error) { add("WARNING", error.toString()); }
    @Override public boolean isErrorEnabled() { return true; }
    @Override public void error(CharSequence content) { add("ERROR", content); }
    @Override public void error(CharSequence content, Throwable error) { add("ERROR", content); }
    @Override public void error(Throwable error) { add("ERROR", error.toString()); }
  }

  private CheckMojo mojo(RecordingLog log) {
    CheckMojo mojo = new CheckMojo();
    mojo.basedir = dir.toFile();
    mojo.sarifFile = dir.resolve("target/ambient-lint.sarif").toFile();
    mojo.consoleOutput = true;
    mojo.setLog(log);
    return mojo;
  }

  @Test
  void findingsAreLoggedWithNamesAndFileNamesEscaped() throws IOException {
    Files.writeString(dir.resolve("##[add-mask]x.yaml"), """
        apiVersion: v1
        kind: Service
        metadata:
          name: "x\\n::error file=a.yaml::pwned\\e[2J\\u202E"
          namespace: books
          labels: {istio.io/use-waypoint: "wp\\r\\n::add-mask::secret"}
        spec: {ports: [{port: 80}]}
        """);
    RecordingLog log = new RecordingLog();
    assertThatThrownBy(() -> mojo(log).execute()).isInstanceOf(MojoFailureException.class);
    List<String> errors = log.lines.stream().filter(l -> l.startsWith("[ERROR] ")).toList();
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0)).doesNotContain("\n").doesNotContain("\r").doesNotContain("\u001b").doesNotContain("\u202E")
        .doesNotContain("##[")
        .contains("\\u0023#[add-mask]x.yaml:6:35: AL101 istio.io/use-waypoint=wp\\r\\n::add-mask::secret on Service books/x\\n::error file=a.yaml::pwned\\u001B[2J\\u202E names");
    assertThat(Files.readString(dir.resolve("target/ambient-lint.sarif"))).contains("\"ruleId\" : \"AL101\"");
  }

  @Test
  void aConfigErrorQuotingTheConfigIsOneEscapedLine() throws IOException {
    Files.writeString(dir.resolve(".ambient-lint.yaml"), "failOn: \"x\\n::error::pwned\\e[2J\"\n");
    assertThatThrownBy(() -> mojo(new RecordingLog()).execute()).isInstanceOf(MojoExecutionException.class)
        .hasMessage("ambient-lint: .ambient-lint.yaml:1:9: failOn must be one of error, warning, note, none; "
            + "got \"x\\n::error::pwned\\u001B[2J\"");
  }
}
