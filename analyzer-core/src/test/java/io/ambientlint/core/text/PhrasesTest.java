package io.ambientlint.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhrasesTest {

  @Test
  void countsSayOneInTheSingularAndEverythingElseInThePlural() {
    assertThat(Phrases.count(1, "route")).isEqualTo("1 route");
    assertThat(Phrases.count(2, "route")).isEqualTo("2 routes");
    assertThat(Phrases.count(0, "route")).isEqualTo("0 routes");
    assertThat(Phrases.count(1, "policy", "policies")).isEqualTo("1 policy");
    assertThat(Phrases.count(3, "policy", "policies")).isEqualTo("3 policies");
    assertThat(Phrases.plural(1, "is", "are")).isEqualTo("is");
    assertThat(Phrases.plural(2, "is", "are")).isEqualTo("are");
    assertThat(Phrases.plural(2, "port")).isEqualTo("ports");
  }

  @Test
  void listsJoinTheLastItemWithAnd() {
    assertThat(Phrases.list(List.of())).isEmpty();
    assertThat(Phrases.list(List.of("a"))).isEqualTo("a");
    assertThat(Phrases.list(List.of("a", "b"))).isEqualTo("a and b");
    assertThat(Phrases.list(List.of("a", "b", "c"))).isEqualTo("a, b and c");
  }

  @Test
  void longListsNameTheFirstAndCountTheRest() {
    assertThat(Phrases.firstOf(List.of("a", "b"), 3)).isEqualTo("a, b");
    assertThat(Phrases.firstOf(List.of("a", "b", "c"), 3)).isEqualTo("a, b, c");
    assertThat(Phrases.firstOf(List.of("a", "b", "c", "d", "e"), 3)).isEqualTo("a, b, c and 2 more");
    assertThat(Phrases.firstOf(List.of(), 3)).isEmpty();
  }
}
