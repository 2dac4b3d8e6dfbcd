package io.ambientlint.core.graph;

import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.model.Listener;
import io.ambientlint.core.model.MeshService;
import io.ambientlint.core.model.NodeRef;
import io.ambientlint.core.model.ParentRef;
import io.ambientlint.core.model.Route;
import java.util.List;
import java.util.Optional;

/**
 * One parentRef of one route, resolved as Gateway API and Istio resolve it: the parent it names, the outcome
 * (Accepted or why not, in the words of the route's status), and what decided it.
 *
 * @param route the route holding the parentRef
 * @param parentRef the parentRef, defaults applied
 * @param outcome Accepted, or the reason the parent rejects (or ignores) the route
 * @param reason a sentence saying why, naming the objects and fields involved
 * @param gateway the Gateway parent, when the parentRef names an existing Gateway
 * @param listeners Gateway parent: the listeners the route attaches to (Accepted), else those the outcome
 *     was decided on (for NotAllowedByListeners and NoMatchingListenerHostname: the listeners that matched
 *     port and sectionName)
 * @param service the Service or ServiceEntry parent, when it exists
 * @param binding service parent: its waypoint binding (which waypoint applies the route)
 * @param scope where the route stands relative to the service and its waypoint
 * @param ports service parent: the service ports the route covers (all of them without {@code port})
 * @param conflicts service ports on which a route of a higher kind wins (GEP-1294 precedence)
 * @param decidedBy the node of another object that decided the outcome (listener allowedRoutes, hostname)
 */
public record ParentAttachment(
    Route route,
    ParentRef parentRef,
    Outcome outcome,
    String reason,
    Optional<Gateway> gateway,
    List<Listener> listeners,
    Optional<MeshService> service,
    Optional<WaypointBinding> binding,
    Scope scope,
    List<Integer> ports,
    List<PortConflict> conflicts,
    Optional<NodeRef> decidedBy) {

  /** The outcome of one parentRef, named after the route status reason Gateway API (or Istio) writes. */
  public enum Outcome {
    /** The parent takes the route (for a service parent: on {@link #ports()}). */
    ACCEPTED("Accepted"),
    /** The parent Gateway, Service or ServiceEntry is not in the repository (nor in config external). */
    NOT_FOUND("NotFound"),
    /** The parent is declared in config {@code external}: it exists, its details are unknown. */
    EXTERNAL("External"),
    /** A parent kind no Istio controller implements; the route gets no status from Istio for it. */
    UNSUPPORTED_KIND("UnsupportedParentKind"),
    /** Gateway parent: no listener matches {@code port} / {@code sectionName}. */
    NO_MATCHING_PARENT("NoMatchingParent"),
    /** Gateway parent: the matching listeners' allowedRoutes exclude the route's namespace or kind. */
    NOT_ALLOWED_BY_LISTENERS("NotAllowedByListeners"),
    /** Gateway parent: the route's hostnames intersect no admitting listener's hostname. */
    NO_MATCHING_LISTENER_HOSTNAME("NoMatchingListenerHostname"),
    /** Ambient service parent without a use-waypoint label on itself or its namespace: not respected. */
    MISSING_USE_WAYPOINT_LABEL("MissingUseWaypointLabel"),
    /** Service parent whose {@code port} the service lacks: Istio reports it Accepted and the route matches nothing. */
    PORT_NOT_ON_SERVICE("NoStatus"),
    /** Service parent where a higher route kind wins on every port this parentRef covers (GEP-1294). */
    CONFLICTED("Conflicted");

    private final String statusReason;

    Outcome(String statusReason) {
      this.statusReason = statusReason;
    }

    /** The route status reason, as {@code kubectl get -o yaml} would show it. */
    public String statusReason() {
      return statusReason;
    }
  }

  /** Where the route is, relative to its parent; decides whether a waypoint applies a service-parent route. */
  public enum Scope {
    /** A Gateway parent (ingress, east-west or a waypoint addressed directly). */
    GATEWAY,
    /** Service parent, route in the service's namespace (producer route). */
    SERVICE_NAMESPACE,
    /** Service parent, route in the namespace of the service's waypoint. */
    WAYPOINT_NAMESPACE,
    /** Service parent, route in a third namespace (consumer route, GEP-1294): its own sidecar clients only. */
    CONSUMER
  }

  /** A service port this parentRef loses to a route of a higher kind. */
  public record PortConflict(int port, Route winner, ParentRef winnerRef) {}

  public boolean isAccepted() {
    return outcome == Outcome.ACCEPTED;
  }

  public boolean isServiceParent() {
    return parentRef.isMeshParent();
  }

  /** The parentRef entry: where findings about this attachment point. */
  public NodeRef parentRefNode() {
    return route.node(parentRef.pointer());
  }

  /** A field of the parentRef entry ({@code port}, {@code sectionName}). */
  public NodeRef parentRefField(String field) {
    return parentRefNode().child(field);
  }

  /**
   * True when a waypoint applies this route to requests for the service: accepted on some port, the service
   * is bound to a waypoint, and the route is in the service's or the waypoint's namespace.
   */
  public boolean appliesAtWaypoint() {
    return outcome == Outcome.ACCEPTED && binding.map(WaypointBinding::isBound).orElse(false) && scope != Scope.CONSUMER;
  }

  /**
   * The requests a service parent concerns, as messages name them: {@code reviews:9080},
   * {@code reviews:9080,9090}, {@code reviews:7000} for a port the service lacks, {@code reviews} without ports.
   */
  public String serviceRequests() {
    String name = service.map(s -> s.name()).orElse(parentRef.name());
    List<Integer> shown = parentRef.port().isPresent() ? List.of(parentRef.port().getAsInt()) : ports;
    return shown.isEmpty() ? name
        : name + ":" + String.join(",", shown.stream().map(String::valueOf).toList());
  }

  /** Does this parentRef cover {@code port} of its service parent? */
  public boolean covers(int port) {
    return ports.contains(port);
  }
}
