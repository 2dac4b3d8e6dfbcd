package io.ambientlint.core.graph;

import io.ambientlint.core.model.VirtualService;
import java.util.Optional;

/**
 * Where a waypoint puts a mesh VirtualService among the routes for a host, after
 * {@code PushContext.VirtualServicesForGateway(waypointNamespace, "mesh")} (pilot/pkg/model/push_context.go): the
 * VirtualServices private to the waypoint's namespace (exportTo naming it from inside), then those exported
 * explicitly to it from elsewhere, then the Gateway API routes of that namespace, then every other public one
 * (exportTo {@code *} or unset) by creationTimestamp. A VirtualService not visible from the waypoint's namespace
 * is not applied there at all.
 */
public final class WaypointVirtualServiceOrder {
  private WaypointVirtualServiceOrder() {}

  /** Does the waypoint in {@code waypointNamespace} see the VirtualService at all? */
  public static boolean visibleAt(VirtualService vs, String waypointNamespace) {
    return ExportTo.of(vs.exportTo(), vs.namespace()).visibleTo(waypointNamespace);
  }

  /**
   * Why the VirtualService comes before every Gateway API route at that waypoint, or empty when it does not
   * (public: routes of the waypoint's namespace come first, the rest by creation time).
   */
  public static Optional<String> aheadOfRoutes(VirtualService vs, String waypointNamespace) {
    ExportTo exportTo = ExportTo.of(vs.exportTo(), vs.namespace());
    if (exportTo.all() || !exportTo.namespaces().contains(waypointNamespace)) {
      return Optional.empty();
    }
    return Optional.of(vs.namespace().equals(waypointNamespace)
        ? "it is private to the waypoint's namespace " + waypointNamespace + " (exportTo " + vs.exportTo() + ")"
        : "it is exported explicitly to the waypoint's namespace " + waypointNamespace + " (exportTo "
            + vs.exportTo() + ")");
  }
}
