package io.ambientlint.core.diagram;

import io.ambientlint.core.graph.Enrolment;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.WaypointBinding;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.model.MeshService;
import io.ambientlint.core.model.Namespace;
import io.ambientlint.core.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Namespaces (clusters, with their enrolment), services, workloads and waypoints; a service points at the
 * workloads it selects, and a service or workload at its waypoint, labelled with the label that decided it.
 * Failed bindings are drawn as failed edges to the waypoint (or to a "missing" node) with the reason.
 */
public final class WaypointDiagramContributor implements DiagramContributor {

  @Override
  public void contribute(MeshGraph graph, DiagramBuilder diagram) {
    for (Namespace ns : graph.namespaces()) {
      diagram.cluster(DiagramIds.cluster(ns.name()), "namespace " + ns.name() + " (" + mode(graph.namespaceEnrolment(ns)) + ")");
    }
    for (Gateway gw : graph.waypoints()) {
      diagram.node(new Diagram.Node(DiagramIds.gateway(gw.namespace(), gw.name()), "waypoint " + gw.name() + " (" + gw.className() + ")",
          Diagram.NodeKind.WAYPOINT, Optional.of(DiagramIds.cluster(gw.namespace())), Optional.of(gw.resource().nameNode().location())));
    }
    for (Workload w : graph.workloads()) {
      diagram.node(new Diagram.Node(DiagramIds.workload(w), w.resource().kind() + " " + w.name() + " (" + mode(graph.enrolment(w)) + ")",
          Diagram.NodeKind.WORKLOAD, Optional.of(DiagramIds.cluster(w.namespace())), Optional.of(w.resource().nameNode().location())));
      WaypointBinding b = graph.waypointForWorkload(w);
      if (b.source() == WaypointBinding.LabelSource.OBJECT || b.isBound() || b.isFailed()) {
        bindingEdge(graph, diagram, DiagramIds.workload(w), b);
      }
    }
    List<MeshService> services = new ArrayList<>(graph.services());
    services.addAll(graph.serviceEntries());
    for (MeshService s : services) {
      diagram.node(MeshNodes.service(s));
      for (Workload w : graph.workloadsSelectedBy(s)) {
        diagram.edge(DiagramIds.service(s), DiagramIds.workload(w), "selects", Diagram.EdgeStyle.DASHED);
      }
      bindingEdge(graph, diagram, DiagramIds.service(s), graph.waypointForService(s));
    }
  }

  private static void bindingEdge(MeshGraph graph, DiagramBuilder diagram, String from, WaypointBinding b) {
    if (b.waypointName().isEmpty() || !(b.isBound() || b.isFailed())) {
      return;
    }
    String ns = b.waypointNamespace().orElseThrow();
    String name = b.waypointName().orElseThrow();
    String to = DiagramIds.gateway(ns, name);
    diagram.cluster(DiagramIds.cluster(ns), "namespace " + ns + " (" + mode(graph.namespaceEnrolment(graph.namespace(ns))) + ")");
    if (!diagram.hasNode(to)) {
      boolean external = b.status() == WaypointBinding.Status.BOUND_EXTERNAL;
      diagram.node(new Diagram.Node(to, (external ? "external Gateway " : "missing Gateway ") + name,
          external ? Diagram.NodeKind.WAYPOINT : Diagram.NodeKind.OTHER, Optional.of(DiagramIds.cluster(ns)),
          b.waypoint().map(g -> g.resource().nameNode().location())));
    }
    String label = "use-waypoint=" + name + (b.namespaceLabel().isPresent() ? ", use-waypoint-namespace=" + ns : "")
        + (b.source() == WaypointBinding.LabelSource.NAMESPACE ? " (Namespace label)" : " (own label)");
    if (b.isFailed()) {
      diagram.edge(from, to, label + ": " + failure(b), Diagram.EdgeStyle.FAILED);
    } else {
      diagram.edge(from, to, label, Diagram.EdgeStyle.NORMAL);
    }
  }

  private static String failure(WaypointBinding b) {
    return switch (b.status()) {
      case MISSING -> "Gateway not found";
      case NOT_READY -> "waypoint not ready";
      case NAMESPACE_DENIED -> "namespace not allowed";
      case TRAFFIC_TYPE_NOT_COVERED -> "waypoint-for does not cover it";
      case SERVICE_ENTRY_VISIBILITY -> "ServiceEntry visibility";
      default -> b.status().name();
    };
  }

  private static String mode(Enrolment e) {
    return switch (e.mode()) {
      case AMBIENT -> "ambient";
      case SIDECAR -> "sidecar";
      case NONE -> "not in mesh";
      case UNKNOWN -> "namespace labels unknown";
    };
  }
}
