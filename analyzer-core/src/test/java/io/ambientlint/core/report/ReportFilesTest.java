package io.ambientlint.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report file is replaced whole or not at all. */
class ReportFilesTest {

  @TempDir
  Path dir;

  private List<String> filesIn(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aFailureWhileWritingLeavesThePreviousReportAndNoTemporaryFile() throws IOException {
    Path report = dir.resolve("out/report.sarif");
    ReportFiles.write(report, out -> out.write("previous"));
    assertThatThrownBy(() -> ReportFiles.write(report, out -> {
      out.write("{\"partial\": ");
      out.flush();
      throw new IOException("disk full");
    })).hasMessage("disk full");
    assertThatThrownBy(() -> ReportFiles.write(report, out -> {
      out.write("x".repeat(100_000));
      throw new IllegalStateException("reporter bug");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(Files.readString(report)).isEqualTo("previous");
    assertThat(filesIn(report.getParent())).containsExactly("report.sarif");
  }

  @Test
  void aCompleteReportReplacesThePreviousOneKeepingItsPermissions() throws IOException {
    Path report = dir.resolve("report.json");
    Files.writeString(report, "previous, longer than the new one");
    Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rw-r-----"));
    ReportFiles.write(report, out -> out.write("new"));
    assertThat(Files.readString(report)).isEqualTo("new");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report))).isEqualTo("rw-r-----");
    assertThat(filesIn(dir)).containsExactly("report.json");
  }

  @Test
  void aLoneSurrogateIsWrittenAsTheReplacementCharacter() throws IOException {
    Path report = dir.resolve("r.txt");
    ReportFiles.write(report, out -> out.write("a\uDC00b\uD83D\uDE00"));
    assertThat(Files.readAllBytes(report)).isEqualTo("a\uFFFDb\uD83D\uDE00".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aSymbolicLinkIsWrittenThroughNotReplaced() throws IOException {
    Path real = dir.resolve("real.sarif");
    Files.writeString(real, "previous");
    Path link = Files.createSymbolicLink(dir.resolve("link.sarif"), real.getFileName());
    ReportFiles.write(link, out -> out.write("new"));
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(real)).isEqualTo("new");
  }

  /** Starts writing a report, says so, and hangs until it is killed. */
  public static final class HangingWriter {
    public static void main(String[] args) throws IOException {
      ReportFiles.write(Path.of(args[0]), out -> {
        out.write("{\"runs\": [" + "1,".repeat(50_000));
        out.flush();
        Files.writeString(Path.of(args[1]), "writing");
        try {
          Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
  }

  @Test
  void aKillWhileWritingLeavesThePreviousReport() throws Exception {
    Path report = dir.resolve("report.sarif");
    Files.writeString(report, "previous");
    Path started = dir.resolve("started");
    Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), HangingWriter.class.getName(), report.toString(), started.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("writer.log").toFile()).start();
    try {
      for (int i = 0; i < 600 && !Files.exists(started) && writer.isAlive(); i++) {
        Thread.sleep(100);
      }
      assertThat(started).as("the writer started writing (log: %s)", dir.resolve("writer.log")).exists();
      assertThat(Files.readString(report)).isEqualTo("previous");
    } finally {
      writer.destroyForcibly();
      assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(Files.readString(report)).isEqualTo("previous");
    assertThat(filesIn(dir)).filteredOn(name -> name.startsWith(".report.sarif.") && name.endsWith(".tmp"))
        .as("the killed writer's temporary file, not the report").hasSize(1);
  }
}
