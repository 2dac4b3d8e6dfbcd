package io.ambientlint.rules;

import io.ambientlint.testing.RuleFixtures;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every fixture under {@code fixtures/ALnnn/}: each file's {@code # expect:} comments are the truth. */
class RuleFixtureTest {

  static Path fixturesRoot() {
    try {
      return Path.of(RuleFixtureTest.class.getResource("/fixtures").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @TestFactory
  Stream<DynamicTest> fixtures() {
    return RuleFixtures.tests(fixturesRoot());
  }
}
