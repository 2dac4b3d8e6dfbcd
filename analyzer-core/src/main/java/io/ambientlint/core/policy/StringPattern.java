package io.ambientlint.core.policy;

/**
 * AuthorizationPolicy string matching as Istio sends it to ztunnel: {@code *} alone means "present", a leading
 * {@code *} a suffix match, a trailing {@code *} a prefix match, anything else an exact match.
 */
public final class StringPattern {
  private StringPattern() {}

  public static boolean matches(String pattern, String value) {
    if (pattern.equals("*")) {
      return !value.isEmpty();
    }
    if (pattern.startsWith("*")) {
      return value.endsWith(pattern.substring(1));
    }
    if (pattern.endsWith("*")) {
      return value.startsWith(pattern.substring(0, pattern.length() - 1));
    }
    return value.equals(pattern);
  }
}
