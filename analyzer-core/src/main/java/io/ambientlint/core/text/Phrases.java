package io.ambientlint.core.text;

import java.util.List;

/** Counts and lists in English, as findings and summaries say them: "1 route", "2 routes", "a, b and c". */
public final class Phrases {
  private Phrases() {}

  /** {@code singular} for one, else {@code plural}: "is"/"are", "policy"/"policies". */
  public static String plural(long n, String singular, String plural) {
    return n == 1 ? singular : plural;
  }

  /** {@code word} for one, else {@code word} + "s" (zero too): "route", "routes". */
  public static String plural(long n, String word) {
    return plural(n, word, word + "s");
  }

  /** "1 route", "2 routes", "0 routes". */
  public static String count(long n, String word) {
    return n + " " + plural(n, word);
  }

  /** "1 policy", "2 policies". */
  public static String count(long n, String singular, String plural) {
    return n + " " + plural(n, singular, plural);
  }

  /** "a", "a and b", "a, b and c"; empty for no items. */
  public static String list(List<String> items) {
    return switch (items.size()) {
      case 0 -> "";
      case 1 -> items.get(0);
      default -> String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    };
  }

  /**
   * At most {@code max} names, comma-separated, then how many more: "a, b, c and 2 more". Keeps a finding about
   * hundreds of workloads one line long.
   */
  public static String firstOf(List<String> names, int max) {
    String shown = String.join(", ", names.subList(0, Math.min(max, names.size())));
    return names.size() > max ? shown + " and " + (names.size() - max) + " more" : shown;
  }
}
