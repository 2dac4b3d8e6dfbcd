package io.ambientlint.core.baseline;

import io.ambientlint.core.rule.Finding;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Pairs current findings with earlier ones by fingerprint, as multisets: two identical findings before and
 * three now means one is new. Earlier items are taken in their order, so the outcome is deterministic.
 */
record FingerprintMatch<T>(List<Finding> matched, List<Finding> unmatched, List<T> leftOver) {

  static <T> FingerprintMatch<T> of(List<Finding> current, List<T> earlier, Function<T, String> fingerprint) {
    Map<String, Deque<T>> byFingerprint = new HashMap<>();
    for (T e : earlier) {
      byFingerprint.computeIfAbsent(fingerprint.apply(e), k -> new ArrayDeque<>()).add(e);
    }
    List<Finding> matched = new ArrayList<>();
    List<Finding> unmatched = new ArrayList<>();
    Map<T, Boolean> used = new IdentityHashMap<>();
    for (Finding f : current) {
      Deque<T> candidates = byFingerprint.get(f.fingerprint());
      T match = candidates == null ? null : candidates.poll();
      if (match == null) {
        unmatched.add(f);
      } else {
        matched.add(f);
        used.put(match, Boolean.TRUE);
      }
    }
    List<T> leftOver = earlier.stream().filter(e -> !used.containsKey(e)).toList();
    return new FingerprintMatch<>(matched, unmatched, leftOver);
  }
}
