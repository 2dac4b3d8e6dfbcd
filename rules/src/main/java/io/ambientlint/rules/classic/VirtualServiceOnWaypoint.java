package io.ambientlint.rules.classic;

import io.ambientlint.core.graph.ExportTo;
import io.ambientlint.core.graph.HostIndex;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.WaypointBinding;
import io.ambientlint.core.graph.WaypointVirtualServiceOrder;
import io.ambientlint.core.model.MeshService;
import io.ambientlint.core.model.VirtualService;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;

/** A mesh VirtualService for a host served by a waypoint: Alpha, sourceLabels matches dropped, namespace and exportTo restrictions. */
public final class VirtualServiceOnWaypoint implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL402", "virtualservice-on-waypoint")
      .severity(Severity.WARNING)
      .summary("Mesh VirtualService for a waypoint-bound host: Alpha, and partly ignored by the waypoint")
      .description("""
          A mesh VirtualService (no `gateways`, or `mesh` among them) whose host is a Service or ServiceEntry bound \
          to a waypoint is applied by that waypoint, but Istio supports VirtualService on waypoints only as Alpha \
          (note). It is a warning when the waypoint will not do what the VirtualService says: a match with \
          `sourceLabels` is dropped at waypoints (the route entry is removed, so requests from those clients fall \
          through to later routes), a VirtualService in neither the Service's namespace nor the waypoint's namespace \
          is not applied at the waypoint at all (only sidecar clients that see it use it), and neither is one whose \
          `exportTo` excludes the waypoint's namespace.""")
      .help("""
          Prefer an HTTPRoute or GRPCRoute with the Service as parentRef. Replace `sourceLabels` matches with an \
          AuthorizationPolicy or with headers the clients set; move the VirtualService to the Service's namespace; \
          export it to the waypoint's namespace.""")
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
      boolean appliedSomewhere = false;
      String appliedBy = null;
      for (HostIndex.ServiceTarget target : graph.servicesTargetedBy(vs)) {
        MeshService service = target.service();
        WaypointBinding binding = graph.waypointForService(service);
        if (!binding.isBound()) {
          continue;
        }
        String waypointNamespace = binding.waypointNamespace().orElse(service.namespace());
        String serviceName = service.displayName();
        if (!vs.namespace().equals(service.namespace()) && !vs.namespace().equals(waypointNamespace)) {
          findings.report(META, target.node(),
                  "%s is in namespace %s, neither the namespace of %s nor that of its waypoint %s: the waypoint does not "
                      + "apply it, so requests from ambient clients ignore it (only sidecar clients that see it use it); "
                      + "move it to namespace %s",
                  vs.displayName(), vs.namespace(), serviceName, binding.waypointDisplayName(),
                  service.namespace())
              .related(service.node("/metadata/name"), "the " + service.resource().kind())
              .related(binding.label().orElse(service.node("/metadata/name")), "the use-waypoint label");
          continue;
        }
        if (!WaypointVirtualServiceOrder.visibleAt(vs, waypointNamespace)) {
          // VirtualServicesForGateway (pilot/pkg/model/push_context.go) lists only what the waypoint's namespace sees
          findings.report(META, target.node(),
                  "%s is not exported to namespace %s of waypoint %s (exportTo %s): the waypoint does not apply it, so "
                      + "requests from ambient clients to %s ignore it (only sidecar clients in %s use it); add %s to "
                      + "its exportTo",
                  vs.displayName(), waypointNamespace, binding.waypointDisplayName(), vs.exportTo(), serviceName,
                  ExportTo.of(vs.exportTo(), vs.namespace()).describe(), waypointNamespace)
              .related(binding.label().orElse(service.node("/metadata/name")), "the use-waypoint label");
          continue;
        }
        appliedSomewhere = true;
        if (appliedBy == null) {
          appliedBy = "waypoint " + binding.waypointDisplayName() + " of " + serviceName;
        }
        if (vs.sourceLabelsPointers().isEmpty()) {
          findings.report(META, target.node(),
                  "mesh %s routes %s, which is bound to waypoint %s: VirtualService on waypoints is Alpha in Istio; "
                      + "an HTTPRoute with the Service as parentRef is the supported way",
                  vs.displayName(), serviceName, binding.waypointDisplayName())
              .severity(Severity.NOTE)
              .related(binding.label().orElse(service.node("/metadata/name")), "the use-waypoint label");
        }
      }
      if (appliedSomewhere) {
        for (String pointer : vs.sourceLabelsPointers()) {
          // listener_waypoint.go drops every match with sourceLabels (istio/istio#51565)
          findings.report(META, vs.node(pointer),
              "%s is applied by %s, which drops matches with sourceLabels: this route entry is removed, so requests "
                  + "from the labelled clients fall through to the later routes instead of taking it; match on a "
                  + "header the clients set, or restrict clients with an AuthorizationPolicy",
              vs.displayName(), appliedBy);
        }
      }
    }
  }
}
