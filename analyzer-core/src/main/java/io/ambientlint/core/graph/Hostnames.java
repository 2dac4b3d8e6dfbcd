package io.ambientlint.core.graph;

import java.util.List;
import java.util.Locale;

/**
 * Gateway API hostname intersection (listener hostname vs route hostnames): a leading {@code *.} label is a
 * suffix match over one or more labels ({@code *.example.com} matches {@code a.example.com} and
 * {@code a.b.example.com}, not {@code example.com}); comparison ignores case.
 */
final class Hostnames {
  private Hostnames() {}

  /** A listener without hostname takes every route; a route without hostnames matches every listener. */
  static boolean intersect(String listenerHostname, List<String> routeHostnames) {
    if (listenerHostname == null || listenerHostname.isEmpty() || routeHostnames.isEmpty()) {
      return true;
    }
    return routeHostnames.stream().anyMatch(h -> intersect(listenerHostname, h));
  }

  static boolean intersect(String a, String b) {
    String x = a.toLowerCase(Locale.ROOT);
    String y = b.toLowerCase(Locale.ROOT);
    boolean xWild = x.startsWith("*.");
    boolean yWild = y.startsWith("*.");
    if (!xWild && !yWild) {
      return x.equals(y);
    }
    if (xWild && yWild) {
      return covers(x, y.substring(1)) || covers(y, x.substring(1)) || x.equals(y);
    }
    return xWild ? covers(x, y) : covers(y, x);
  }

  /** Does wildcard {@code *.suffix} cover {@code host} (a name, or {@code .name} for another wildcard's tail)? */
  private static boolean covers(String wildcard, String host) {
    String suffix = wildcard.substring(1); // ".example.com"
    return host.endsWith(suffix) && host.length() > suffix.length();
  }
}
