package io.ambientlint.core.graph;

import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.model.TargetablePolicy;
import io.ambientlint.core.model.Workload;
import java.util.List;

/**
 * Where a policy is enforced: on gateways or waypoints (targetRefs), by ztunnel for ambient workloads, by the
 * sidecars or Gateway API gateways (class {@code istio}) its selector reaches, or nowhere, and why.
 *
 * @param gateways gateways and waypoints that apply it (targetRefs), or non-waypoint Gateway API gateways its
 *     selector or namespace scope reaches
 * @param ztunnelWorkloads ambient workloads whose ztunnel applies it (AuthorizationPolicy only)
 * @param proxyWorkloads sidecar-injected workloads it applies to
 * @param ztunnelOnlyWorkloads selected workloads that have only ztunnel: no proxy to apply a non-authorization policy
 * @param notEnforcedReason when nothing in the repository applies the policy: why
 */
public record PolicyEnforcement(TargetablePolicy policy, Scope scope, List<Gateway> gateways,
    List<Workload> ztunnelWorkloads, List<Workload> proxyWorkloads, List<Workload> ztunnelOnlyWorkloads,
    String summary, java.util.Optional<String> notEnforcedReason) {

  public enum Scope {
    /** Attached with targetRef/targetRefs. */
    TARGET_REFS,
    /** A selector in the policy's namespace (in the root namespace: matching workloads everywhere). */
    SELECTOR,
    /** No selector: every workload of the namespace. */
    NAMESPACE,
    /** No selector in the root namespace: every workload of the mesh. */
    MESH
  }

  public boolean isEnforcedAnywhere() {
    return !gateways.isEmpty() || !ztunnelWorkloads.isEmpty() || !proxyWorkloads.isEmpty();
  }
}
