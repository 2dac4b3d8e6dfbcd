package io.ambientlint.core.graph;

import io.ambientlint.core.model.EnvoyFilter;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.model.Workload;
import java.util.List;
import java.util.Optional;

/**
 * What an EnvoyFilter reaches, as istiod computes it (DESIGN §3): through {@code targetRefs} the Gateways
 * named (waypoints among them), else through its {@code workloadSelector} (or no selector: its whole
 * namespace, every namespace from the root) the workloads whose pods match, and the waypoints whose pods the
 * selector names by {@code gateway.networking.k8s.io/gateway-name}, which waypoints ignore.
 *
 * @param selectedWorkloads workloads of the repository the selector (or the namespace) covers, waypoint pods excluded
 * @param selectedWaypoints waypoints whose pods the selector names, or every waypoint of the namespace without selector
 * @param selectedGateways without selector: the namespace's Gateways that are not waypoints (ingress, east-west),
 *     whose Envoy the filter patches
 */
public record EnvoyFilterReach(EnvoyFilter filter, List<TargetReach> targets, List<Workload> selectedWorkloads,
    List<Gateway> selectedWaypoints, List<Gateway> selectedGateways) {

  /**
   * One targetRef and what it reaches: waypoints, other Gateways, or nothing ({@code ignoredBecause} says why;
   * a missing Gateway reaches nothing without a reason here: that is AL301's business).
   */
  public record TargetReach(EnvoyFilter filter, EnvoyFilter.TargetRef ref, List<Gateway> waypoints,
      List<Gateway> otherGateways, Optional<String> ignoredBecause) {}

  public boolean usesTargetRefs() {
    return !targets.isEmpty();
  }
}
