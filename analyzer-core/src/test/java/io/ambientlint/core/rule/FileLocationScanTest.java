package io.ambientlint.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Fingerprints normalise file locations out of messages. The hand-written scan must match exactly what the
 * regex it replaced matched (baselines written before keep matching), in linear time.
 */
class FileLocationScanTest {

  private static final Pattern REGEX = Pattern.compile("[\\w./-]+\\.(ya?ml|json)(:\\d+){0,2}");

  @Test
  void sameReplacementsAsTheRegexOnRandomText() {
    Random random = new Random(19);
    String[] pieces = {"a", "b", "0", "7", ".", "/", "-", "_", ".yaml", ".yml", ".json", ".ya", ":", ":3", ":12",
        " ", "é", "[", "<", "y", "ml", "son"};
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(12);
      for (int i = 0; i < length; i++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String s = text.toString();
      assertThat(Findings.replaceFileLocations(s, "<loc>")).as(s).isEqualTo(REGEX.matcher(s).replaceAll("<loc>"));
    }
  }

  @Test
  void typicalMessages() {
    assertThat(Findings.normalise("Service books/reviews at mesh/a.yaml:3:18 conflicts with b.yml:4 (c.json)"))
        .isEqualTo("service books/reviews at <loc> conflicts with <loc> (<loc>)");
  }

  @Test
  void aLongNameWithoutAnExtensionIsScannedInLinearTime() {
    // Quadratic for the regex (minutes at this size); one pass here. Bounded test: it completes, and keeps the text.
    String hostile = "a.".repeat(500_000) + " x";
    assertThat(Findings.replaceFileLocations(hostile, "<loc>")).isSameAs(hostile);
    assertThat(Findings.fingerprint("AL100", "o", "/p", hostile)).hasSize(32);
  }
}
