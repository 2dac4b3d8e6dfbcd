package io.ambientlint.core.graph;

import java.util.regex.Pattern;

/** Is a status address an IPv4/IPv6 literal or a DNS hostname? (No lookups: syntax only.) */
final class AddressSyntax {
  private AddressSyntax() {}

  private static final Pattern IPV4 = Pattern.compile(
      "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern HOSTNAME = Pattern.compile(
      "(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*\\.?");

  static boolean isIpOrHostname(String value) {
    if (value == null || value.isEmpty()) {
      return false;
    }
    if (IPV4.matcher(value).matches()) {
      return true;
    }
    if (value.contains(":")) {
      return isIpv6(value);
    }
    // A dotted all-numeric string that is not a valid IPv4 address is not a hostname either.
    return HOSTNAME.matcher(value).matches() && !value.replace(".", "").chars().allMatch(Character::isDigit);
  }

  /** Does the value parse as an IP address, as Go's netip.ParseAddr would (no brackets, no lookups)? */
  static boolean isIpLiteral(String value) {
    if (value == null || value.isEmpty() || value.startsWith("[")) {
      return false;
    }
    return IPV4.matcher(value).matches() || value.contains(":") && isIpv6(value);
  }

  private static boolean isIpv6(String value) {
    String v = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
    if (!v.matches("[0-9a-fA-F:.]+") || v.contains(":::")) {
      return false;
    }
    try {
      // Literal syntax only: InetAddress parses IPv6 literals without any lookup.
      return java.net.InetAddress.getByName(v) instanceof java.net.Inet6Address;
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }
}
