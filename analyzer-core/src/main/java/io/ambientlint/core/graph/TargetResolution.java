package io.ambientlint.core.graph;

import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.model.PolicyTargetRef;
import io.ambientlint.core.model.TargetablePolicy;
import java.util.List;
import java.util.Optional;

/**
 * Where one targetRef of a policy takes effect: the gateways it reaches, or why none.
 *
 * @param binding for Service/ServiceEntry targets: the service's waypoint binding
 */
public record TargetResolution(TargetablePolicy policy, PolicyTargetRef ref, Status status, List<Gateway> gateways,
    Optional<WaypointBinding> binding, String reason) {

  public enum Status {
    /** Reaches the listed gateways (for an external waypoint the list may be empty). */
    ATTACHED,
    /** The named object is not in the repository nor in config {@code external}. */
    NOT_FOUND,
    /** A kind, group, namespace or GatewayClass Istio does not accept here. */
    INVALID,
    /** A Service/ServiceEntry that is not bound to a waypoint: Istio reports AncestorNotBound. */
    NOT_BOUND,
    /** A Service/ServiceEntry whose binding rests on its namespace's unknown labels (DESIGN §2b): no verdict. */
    UNKNOWN
  }

  public boolean isAttached() {
    return status == Status.ATTACHED;
  }
}
