package io.ambientlint.core.graph;

import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.model.NodeRef;
import java.util.Optional;

/**
 * Which waypoint serves a service or workload, and why: the {@code istio.io/use-waypoint} label that asked
 * (on the object or its namespace), the Gateway it names, and, when the binding fails, the reason. A failed
 * binding redirects nothing: Istio does not fall back to the namespace's waypoint once the object carries
 * its own label.
 */
public record WaypointBinding(
    Status status,
    LabelSource source,
    Optional<String> waypointName,
    Optional<String> waypointNamespace,
    Optional<Gateway> waypoint,
    Optional<NodeRef> label,
    Optional<NodeRef> namespaceLabel,
    String reason) {

  public enum Status {
    /** Traffic goes through the waypoint. */
    BOUND,
    /** Bound to a waypoint declared in config {@code external}; its details are not known here. */
    BOUND_EXTERNAL,
    /** No use-waypoint label on the object nor its namespace. */
    NO_WAYPOINT,
    /** No label on the object, and its namespace's labels are unknown (DESIGN §2b): no verdict. */
    UNKNOWN,
    /** The label says {@code none}. */
    OPTED_OUT,
    /** The namespace's waypoint serves only the other traffic type: the object is simply not bound (no error). */
    NOT_APPLICABLE,
    /** The named Gateway is not in the repository. */
    MISSING,
    /** The Gateway carries status without usable addresses. */
    NOT_READY,
    /** The waypoint's bound listener does not admit the object's namespace. */
    NAMESPACE_DENIED,
    /** The waypoint's waypoint-for does not cover this traffic type. */
    TRAFFIC_TYPE_NOT_COVERED,
    /** With mesh config serviceEntryVisibility, a namespace-visible ServiceEntry names another namespace's waypoint. */
    SERVICE_ENTRY_VISIBILITY
  }

  /** Where the deciding label was. */
  public enum LabelSource { OBJECT, NAMESPACE, NONE }

  public boolean isBound() {
    return status == Status.BOUND || status == Status.BOUND_EXTERNAL;
  }

  /** A label asked for a waypoint and Istio will not use it. */
  public boolean isFailed() {
    return switch (status) {
      case MISSING, NOT_READY, NAMESPACE_DENIED, TRAFFIC_TYPE_NOT_COVERED, SERVICE_ENTRY_VISIBILITY -> true;
      default -> false;
    };
  }

  /** {@code books/waypoint}. */
  public String waypointDisplayName() {
    return waypointNamespace.orElse("?") + "/" + waypointName.orElse("?");
  }

  public boolean isUnknown() {
    return status == Status.UNKNOWN;
  }

  static WaypointBinding unknown(String reason) {
    return new WaypointBinding(Status.UNKNOWN, LabelSource.NONE, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), reason);
  }

  static WaypointBinding none(String reason) {
    return new WaypointBinding(Status.NO_WAYPOINT, LabelSource.NONE, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), reason);
  }
}
