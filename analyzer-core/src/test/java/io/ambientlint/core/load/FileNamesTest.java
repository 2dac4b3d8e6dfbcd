package io.ambientlint.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileNamesTest {

  @Test
  void utf8NamesReadAsTextAndOtherBytesKeptAsSurrogates() {
    assertThat(FileNames.text("café-😀.yaml".getBytes(StandardCharsets.UTF_8))).isEqualTo("café-😀.yaml");
    assertThat(FileNames.text(new byte[] {'b', (byte) 0xFF, (byte) 0xC3, 'x'})).isEqualTo("b\uDCFF\uDCC3x");
  }

  @Test
  void relativeNamesComeFromTheFileSystemsBytes(@TempDir Path dir) throws Exception {
    Path file = Files.createDirectories(dir.resolve("a b/café")).resolve("😀 %41.yaml");
    Files.writeString(file, "");
    assertThat(FileNames.relative(dir, file)).isEqualTo("a b/café/😀 %41.yaml");
    assertThat(FileNames.relative(dir, dir.resolve("a b"))).as("a folder").isEqualTo("a b");
    assertThat(FileNames.relative(dir.resolve("a b/café"), dir.resolve("x.yaml"))).isEqualTo("../../x.yaml");
    assertThat(FileNames.relative(dir, dir)).isEmpty();
  }

  @Test
  void aNameTheFileSystemCannotEncodeStillMatchesWildcardGlobs() {
    Path p = FileNames.forMatching("bad\uDCFF.yaml");
    assertThat(p.getFileSystem().getPathMatcher("glob:**.yaml").matches(p)).isTrue();
  }
}
