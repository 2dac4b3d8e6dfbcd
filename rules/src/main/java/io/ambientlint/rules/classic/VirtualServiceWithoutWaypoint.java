package io.ambientlint.rules.classic;

import io.ambientlint.core.graph.IstioLabels;
import io.ambientlint.core.graph.HostIndex;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.WaypointBinding;
import io.ambientlint.core.model.MeshService;
import io.ambientlint.core.model.VirtualService;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;

/** A mesh VirtualService for an ambient service without a waypoint: ztunnel does not route at L7. */
public final class VirtualServiceWithoutWaypoint implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL404", "virtualservice-without-waypoint")
      .severity(Severity.WARNING)
      .summary("Mesh VirtualService for an ambient host that has no waypoint: no effect for ambient clients")
      .description("""
          In ambient mode L7 routing happens only at a waypoint; ztunnel forwards connections at L4 and never reads \
          VirtualServices. A mesh VirtualService whose host is a Service or ServiceEntry in an ambient namespace \
          that is not bound to a waypoint (no `istio.io/use-waypoint` label on it or its namespace, opted out with \
          `none`, or the namespace's waypoint serves workloads only) therefore does nothing for ambient clients: its \
          routes, retries, faults and subsets are ignored. Only sidecar-injected clients still apply it. Bindings \
          that fail (missing or unready waypoint) are reported by the AL1xx rules instead.""")
      .help("""
          Bind the Service to a waypoint (`istio.io/use-waypoint` on the Service or its namespace), or delete the \
          VirtualService if no sidecar client needs it.""")
      .tags("virtualservice", "waypoint", "ambient")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (VirtualService vs : graph.virtualServices()) {
      if (!vs.isMesh()) {
        continue;
      }
      for (HostIndex.ServiceTarget target : graph.servicesTargetedBy(vs)) {
        MeshService service = target.service();
        if (!graph.isAmbient(service)) {
          continue;
        }
        WaypointBinding binding = graph.waypointForService(service);
        if (binding.isBound() || binding.isFailed()) {
          continue;
        }
        var draft = findings.report(META, target.node(),
            "mesh %s routes %s, which is in ambient namespace %s but has no waypoint (%s): ztunnel does not apply "
                + "VirtualServices, so its rules have no effect for ambient clients (only sidecar clients use them); "
                + "bind the %s to a waypoint with %s, or remove the VirtualService",
            vs.displayName(), service.displayName(), service.namespace(), binding.reason(),
            service.resource().kind(), IstioLabels.USE_WAYPOINT);
        draft.related(service.node("/metadata/name"), "the " + service.resource().kind());
        binding.label().ifPresent(l -> draft.related(l, "the use-waypoint label"));
      }
    }
  }
}
