package io.ambientlint.core.graph;

import io.ambientlint.core.model.BackendRef;
import io.ambientlint.core.model.MeshService;
import io.ambientlint.core.model.NodeRef;
import io.ambientlint.core.model.ReferenceGrant;
import io.ambientlint.core.model.Route;
import io.ambientlint.core.model.RouteRule;
import java.util.Optional;

/**
 * One backendRef of one route rule, resolved: the Service or ServiceEntry it sends to, or why it cannot
 * (in the words of the route's ResolvedRefs condition).
 *
 * @param grant the ReferenceGrant that permits a cross-namespace reference, when one was needed and found
 */
public record BackendResolution(Route route, RouteRule rule, BackendRef backendRef, Outcome outcome, String reason,
    Optional<MeshService> target, Optional<ReferenceGrant> grant) {

  /** ResolvedRefs reasons, plus the cases Istio accepts without this repository being able to check them. */
  public enum Outcome {
    RESOLVED("ResolvedRefs"),
    /** Declared in config {@code external}, or a kind resolved outside the repository (InferencePool). */
    UNCHECKED("ResolvedRefs"),
    /** The Service or ServiceEntry does not exist. */
    NOT_FOUND("BackendNotFound"),
    /** A Service backend without {@code port}. */
    PORT_REQUIRED("BackendNotFound"),
    /** {@code port} is not a port of the Service or ServiceEntry. */
    PORT_NOT_FOUND("BackendNotFound"),
    /** Cross-namespace reference without a ReferenceGrant in the target namespace. */
    REF_NOT_PERMITTED("RefNotPermitted"),
    /** A group/kind Istio does not implement as a backend. */
    INVALID_KIND("InvalidKind");

    private final String statusReason;

    Outcome(String statusReason) {
      this.statusReason = statusReason;
    }

    public String statusReason() {
      return statusReason;
    }
  }

  public boolean isResolved() {
    return outcome == Outcome.RESOLVED || outcome == Outcome.UNCHECKED;
  }

  /**
   * False for {@code weight: 0}: buildHTTPDestination and buildTCPDestination skip such a backendRef before
   * resolving it, so it gets no traffic and no request fails because of it.
   */
  public boolean receivesTraffic() {
    return backendRef.weight() != 0;
  }

  /**
   * What this unresolved backendRef does at runtime, as the opening of a finding: the requests it receives
   * fail with {@code statusReason}, or, at weight 0, nothing yet.
   */
  public String runtimeEffect() {
    String backend = backendRef.describe(route.namespace());
    return receivesTraffic()
        ? "requests that " + route.displayName() + " sends to " + backend + " fail (" + outcome.statusReason() + ")"
        : backend + " has weight 0 in " + route.displayName() + ", so istiod skips it and it receives no traffic; "
            + "requests would fail (" + outcome.statusReason() + ") once it is given a weight";
  }

  public NodeRef backendRefNode() {
    return route.node(backendRef.pointer());
  }

  public NodeRef backendRefField(String field) {
    return backendRefNode().child(field);
  }
}
