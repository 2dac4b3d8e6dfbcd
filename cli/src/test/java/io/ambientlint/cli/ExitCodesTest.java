package io.ambientlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExitCodesTest {

  /** The README's words for each code, as scripts and CI gates read them. */
  private static final Map<Outcome, String> DOCUMENTED = Map.of(
      Outcome.PASSED, "0 nothing at or above `--fail-on`",
      Outcome.FINDINGS, "1 findings at or above it",
      Outcome.USAGE_ERROR, "2 usage or config error",
      Outcome.INPUT_INCOMPLETE, "3 some input could not be read or was over a limit",
      Outcome.INTERNAL_ERROR, "4 internal error");

  @Test
  void eachOutcomeExitsWithTheCodeTheReadmeDocuments() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md")).replaceAll("\\s+", " ");
    for (Outcome o : Outcome.values()) {
      String words = DOCUMENTED.get(o);
      assertThat(readme).as(o.name()).contains(words);
      assertThat(ExitCodes.of(o)).as(o.name()).isEqualTo(Integer.parseInt(words.substring(0, 1)));
    }
  }

  @Test
  void outcomesHaveDistinctCodes() {
    assertThat(Arrays.stream(Outcome.values()).map(ExitCodes::of).distinct()).hasSize(Outcome.values().length);
  }
}
