package io.ambientlint.core.graph;

import io.ambientlint.core.model.NodeRef;
import io.ambientlint.core.model.Resource;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An {@code istio.io/use-waypoint-canary-weight} annotation on a Service, ServiceEntry or Namespace: the canary
 * waypoint's share of connections, a whole number from 0 to 100 written without surrounding blanks; any other
 * value is invalid (istiod reports CanaryInvalidWeight and the primary waypoint takes all traffic).
 */
public record CanaryWeight(Resource holder, String value, NodeRef node, OptionalInt weight) {

  public boolean isValid() {
    return weight.isPresent();
  }

  /** The annotation of {@code holder}, parsed; empty when it has none. */
  static Optional<CanaryWeight> of(Resource holder) {
    String value = holder.annotations().get(IstioLabels.USE_WAYPOINT_CANARY_WEIGHT);
    if (value == null) {
      return Optional.empty();
    }
    OptionalInt weight = OptionalInt.empty();
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed >= 0 && parsed <= 100 && value.trim().equals(value)) {
        weight = OptionalInt.of(parsed);
      }
    } catch (NumberFormatException e) {
      // not a number: invalid, weight stays empty
    }
    return Optional.of(new CanaryWeight(holder, value, holder.annotationNode(IstioLabels.USE_WAYPOINT_CANARY_WEIGHT),
        weight));
  }
}
