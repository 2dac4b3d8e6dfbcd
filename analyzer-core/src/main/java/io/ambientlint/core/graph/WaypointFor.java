package io.ambientlint.core.graph;

import io.ambientlint.core.model.NodeRef;
import java.util.Optional;

/**
 * The traffic a waypoint serves ({@code istio.io/waypoint-for}): from the Gateway's label, else its
 * GatewayClass's, else {@code service}. An unknown value is kept as written (AL110 reports it) and serves
 * nothing.
 */
public record WaypointFor(String value, Optional<NodeRef> decidedBy) {

  public static final String SERVICE = "service";
  public static final String WORKLOAD = "workload";
  public static final String ALL = "all";
  public static final String NONE = "none";

  public boolean servesServices() {
    return value.equals(SERVICE) || value.equals(ALL);
  }

  public boolean servesWorkloads() {
    return value.equals(WORKLOAD) || value.equals(ALL);
  }

  public boolean isKnownValue() {
    return value.equals(SERVICE) || value.equals(WORKLOAD) || value.equals(ALL) || value.equals(NONE);
  }
}
