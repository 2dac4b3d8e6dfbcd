package io.ambientlint.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a benchmark finds its generated repository: {@code -Dambientlint.corpus=DIR} to reuse one, else a
 * fresh one of the given shape generated (seed 42) into a temporary folder, from the fixtures under
 * {@code -Dambientlint.fixtures} (default {@code rules/src/test/resources/fixtures}).
 */
final class Corpus {
  private Corpus() {}

  static Path prepare(int resources, CorpusGenerator.Shape shape) throws IOException {
    String given = System.getProperty("ambientlint.corpus");
    if (given != null) {
      return Path.of(given);
    }
    Path dir = Files.createTempDirectory("ambient-lint-corpus-" + resources + "-");
    Path fixtures = Path.of(System.getProperty("ambientlint.fixtures", "rules/src/test/resources/fixtures"));
    new CorpusGenerator(42, dir, fixtures, shape).generate(resources);
    return dir;
  }
}
