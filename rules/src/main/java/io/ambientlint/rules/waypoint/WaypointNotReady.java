package io.ambientlint.rules.waypoint;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.model.NodeRef;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;

/** Exported status shows a waypoint without a usable address: istiod ignores it until it has one. */
public final class WaypointNotReady implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL108", "waypoint-not-ready")
      .severity(Severity.ERROR)
      .summary("A waypoint's status has no usable address")
      .description("""
          istiod uses a Gateway as a waypoint only once its controller has published `status.addresses` (after a \
          waypoint pod is ready). Manifests in Git rarely carry status and are then taken as ready; when status is \
          present (exported cluster state), istiod takes the first address of `type: Hostname`, else the first \
          `type: IPAddress` (the default when `type` is absent) whose value parses as an IP, and skips the rest: one \
          usable address is enough. With none (or no addresses), ztunnel gets no waypoint address, every binding to \
          the waypoint fails as not ready and traffic bypasses it.""")
      .help("Check the waypoint's deployment and controller (pods ready, class accepted), then export the status again.")
      .tags("waypoint", "status")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (Gateway gw : graph.waypoints()) {
      if (graph.isReady(gw)) {
        continue;
      }
      NodeRef addresses = gw.node("/status/addresses");
      String problem = gw.statusAddresses().isEmpty() ? "status.addresses is empty"
          : "status.addresses holds " + gw.statusAddresses() + ", but no address of type Hostname and no IPAddress "
              + "(or untyped) address that parses as an IP";
      findings.report(META, addresses.isPresent() ? addresses : gw.node("/status"),
              "waypoint %s is not ready: %s, so istiod gives ztunnel no waypoint address and traffic to every service "
                  + "and workload that uses it bypasses it; check the waypoint's pods and controller",
              gw.displayName(), problem)
          .related(gw.resource().nameNode(), "the waypoint " + gw.displayName());
    }
  }
}
