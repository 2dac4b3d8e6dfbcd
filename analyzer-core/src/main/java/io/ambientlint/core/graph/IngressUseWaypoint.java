package io.ambientlint.core.graph;

import io.ambientlint.core.model.NodeRef;
import java.util.Optional;
import java.util.Set;

/**
 * {@code istio.io/ingress-use-waypoint} of a Service or ServiceEntry (else of its Namespace): whether ingress
 * gateways send requests for it through its waypoint. istiod parses the value as a Go boolean; any other value
 * counts as false ({@code valid} is then false).
 */
public record IngressUseWaypoint(boolean enabled, Optional<String> value, boolean valid, Optional<NodeRef> label) {

  private static final Set<String> TRUE = Set.of("1", "t", "T", "true", "TRUE", "True");
  private static final Set<String> FALSE = Set.of("0", "f", "F", "false", "FALSE", "False");

  static final IngressUseWaypoint ABSENT = new IngressUseWaypoint(false, Optional.empty(), true, Optional.empty());

  static IngressUseWaypoint of(String value, NodeRef label) {
    return new IngressUseWaypoint(TRUE.contains(value), Optional.of(value), isBoolean(value), Optional.of(label));
  }

  /** Does {@code strconv.ParseBool} accept it? */
  public static boolean isBoolean(String value) {
    return TRUE.contains(value) || FALSE.contains(value);
  }
}
