package io.ambientlint.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Baseline messages drop positions exactly as the regex they replaced did, in linear time. */
class WithoutPositionsTest {

  @Test
  void sameAsTheRegexOnRandomText() {
    Random random = new Random(7);
    String[] pieces = {"a", "0", ".", "/", "-", ".yaml", ".yml", ".json", ":", ":3", ":12", " ", "é", "x"};
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(10);
      for (int i = 0; i < length; i++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String s = text.toString();
      assertThat(BaselineEntry.withoutPositions(s)).as(s)
          .isEqualTo(s.replaceAll("([\\w./-]+\\.(ya?ml|json)):\\d+(:\\d+)?", "$1"));
    }
  }

  @Test
  void aLongNameIsScannedInLinearTime() {
    String hostile = "a.".repeat(500_000) + ":1";
    assertThat(BaselineEntry.withoutPositions(hostile)).isEqualTo(hostile);
  }
}
