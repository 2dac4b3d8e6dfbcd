package io.ambientlint.core.policy;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A principal written in an AuthorizationPolicy ({@code cluster.local/ns/books/sa/reviews}, optionally with
 * {@code spiffe://}) that names one service account of one namespace. Values with a wildcard in the namespace or
 * account part name no single account and are not read; a wildcard trust domain ({@code *}/ns/...) is.
 */
public record PrincipalName(String trustDomain, String namespace, String serviceAccount) {

  private static final Pattern FORM = Pattern.compile("(?:spiffe://)?([^/]*)/ns/([^/*]+)/sa/([^/*]+)");

  public static Optional<PrincipalName> parse(String value) {
    Matcher m = FORM.matcher(value);
    return m.matches() ? Optional.of(new PrincipalName(m.group(1), m.group(2), m.group(3))) : Optional.empty();
  }
}
