package io.ambientlint.core.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Shares the immutable nodes of short, repeated scalars ({@code v1}, {@code Service}, {@code http},
 * {@code 8080}) and mapping keys across all documents: manifests repeat a small vocabulary, so this saves
 * most of the memory of the trees and the cost of resolving each plain scalar's type again. Bounded: past
 * the cap, values are built fresh.
 */
final class ScalarCache {

  static final int MAX_LENGTH = 48;
  private static final int MAX_ENTRIES = 1 << 18;

  private final ConcurrentHashMap<String, JsonNode> plain = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, JsonNode> quoted = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, String> keys = new ConcurrentHashMap<>();

  static final ScalarCache SHARED = new ScalarCache();

  JsonNode plain(String value, Function<String, JsonNode> resolve) {
    return cached(plain, value, resolve);
  }

  JsonNode quoted(String value, Function<String, JsonNode> build) {
    return cached(quoted, value, build);
  }

  String key(String key) {
    if (key.length() > MAX_LENGTH) {
      return key;
    }
    String shared = keys.get(key);
    if (shared != null) {
      return shared;
    }
    if (keys.size() < MAX_ENTRIES) {
      shared = keys.putIfAbsent(key, key);
    }
    return shared == null ? key : shared;
  }

  private static JsonNode cached(ConcurrentHashMap<String, JsonNode> cache, String value, Function<String, JsonNode> build) {
    if (value.length() > MAX_LENGTH) {
      return build.apply(value);
    }
    JsonNode node = cache.get(value);
    if (node != null) {
      return node;
    }
    node = build.apply(value);
    if (cache.size() < MAX_ENTRIES) {
      JsonNode raced = cache.putIfAbsent(value, node);
      return raced == null ? node : raced;
    }
    return node;
  }
}
