package io.ambientlint.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One version of a kind as its CRD (or bundled schema) declares it: served or not, deprecated or not, and its
 * openAPIV3Schema when it has one. {@code supersedable} is false for a version the bundled schemas know to be
 * current in the releases people run although a more stable one exists in the newest (TCPRoute v1alpha2 before
 * Gateway API's v1): recommending the newer one would break most clusters.
 */
public record ApiVersion(String name, boolean served, boolean deprecated, Optional<String> deprecationWarning,
    Optional<JsonNode> openApiSchema, boolean supersedable) {

  public ApiVersion(String name, boolean served, boolean deprecated, Optional<String> deprecationWarning,
      Optional<JsonNode> openApiSchema) {
    this(name, served, deprecated, deprecationWarning, openApiSchema, true);
  }

  private static final Pattern KUBE_VERSION = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");

  /** Stability as Kubernetes orders versions: GA 2, beta 1, alpha 0; -1 for a name outside the convention. */
  public int stability() {
    Matcher m = KUBE_VERSION.matcher(name);
    if (!m.matches()) {
      return -1;
    }
    return m.group(2) == null ? 2 : m.group(2).equals("beta") ? 1 : 0;
  }

  /** Kubernetes' version priority: GA before beta before alpha, then the higher numbers first. */
  public static int comparePriority(String a, String b) {
    Matcher ma = KUBE_VERSION.matcher(a);
    Matcher mb = KUBE_VERSION.matcher(b);
    boolean ka = ma.matches();
    boolean kb = mb.matches();
    if (!ka || !kb) {
      return ka == kb ? b.compareTo(a) : (ka ? -1 : 1);
    }
    int sa = ma.group(2) == null ? 2 : ma.group(2).equals("beta") ? 1 : 0;
    int sb = mb.group(2) == null ? 2 : mb.group(2).equals("beta") ? 1 : 0;
    if (sa != sb) {
      return Integer.compare(sb, sa);
    }
    int major = Integer.compare(Integer.parseInt(mb.group(1)), Integer.parseInt(ma.group(1)));
    if (major != 0 || sa == 2) {
      return major;
    }
    return Integer.compare(Integer.parseInt(mb.group(3)), Integer.parseInt(ma.group(3)));
  }
}
