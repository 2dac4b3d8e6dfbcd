package io.ambientlint.core.diagram;

import io.ambientlint.core.graph.EnvoyFilterReach;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.DestinationRule;
import io.ambientlint.core.model.EnvoyFilter;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.model.Location;
import io.ambientlint.core.model.MeshService;
import io.ambientlint.core.model.VirtualService;
import java.util.Optional;

/**
 * Mesh VirtualServices (edges to the services their hosts name, dashed when the route graph shadows them),
 * DestinationRules (edge to their host) and EnvoyFilters (edges to the Gateways their targetRefs reach). Node
 * ids follow {@link DiagramIds}; these add {@code vs:}, {@code dr:} and {@code ef:} nodes.
 */
public final class ClassicDiagramContributor implements DiagramContributor {

  @Override
  public void contribute(MeshGraph graph, DiagramBuilder diagram) {
    for (VirtualService vs : graph.virtualServices()) {
      if (!vs.isMesh()) {
        continue;
      }
      String id = "vs:" + vs.namespace() + "/" + vs.name();
      for (VirtualService.HostEntry h : vs.hosts()) {
        Optional<MeshService> service = graph.meshServiceForHost(h.host(), vs.namespace());
        if (service.isEmpty()) {
          continue;
        }
        ensure(diagram, id, "VirtualService " + vs.name(), vs.namespace(), vs.resource().nameNode().location());
        String to = MeshNodes.ensureService(diagram, service.get());
        boolean shadowed = graph.routesAheadOf(vs, service.get()).stream().anyMatch(r -> r.shadowsCompletely());
        diagram.edge(id, to, shadowed ? "host (shadowed by a route)" : "host",
            shadowed ? Diagram.EdgeStyle.DASHED : Diagram.EdgeStyle.NORMAL);
      }
    }
    for (DestinationRule dr : graph.destinationRules()) {
      Optional<MeshService> service = graph.meshServiceForHost(dr.host(), dr.namespace());
      if (service.isPresent()) {
        String id = "dr:" + dr.namespace() + "/" + dr.name();
        ensure(diagram, id, "DestinationRule " + dr.name(), dr.namespace(), dr.resource().nameNode().location());
        diagram.edge(id, MeshNodes.ensureService(diagram, service.get()),
            dr.subsets().isEmpty() ? "host" : "host, " + dr.subsets().size() + " subset(s)", Diagram.EdgeStyle.NORMAL);
      }
    }
    for (EnvoyFilter f : graph.envoyFilters()) {
      for (EnvoyFilterReach.TargetReach t : graph.envoyFilterReach(f).targets()) {
        for (Gateway g : t.waypoints()) {
          edgeToGateway(diagram, f, g, "patches (unsupported on waypoints)", Diagram.EdgeStyle.FAILED);
        }
        for (Gateway g : t.otherGateways()) {
          edgeToGateway(diagram, f, g, "patches", Diagram.EdgeStyle.NORMAL);
        }
      }
    }
  }

  private static void edgeToGateway(DiagramBuilder diagram, EnvoyFilter f, Gateway g, String label,
      Diagram.EdgeStyle style) {
    String id = "ef:" + f.namespace() + "/" + f.name();
    ensure(diagram, id, "EnvoyFilter " + f.name(), f.namespace(), f.resource().nameNode().location());
    diagram.edge(id, MeshNodes.ensureGateway(diagram, g), label, style);
  }

  private static void ensure(DiagramBuilder diagram, String id, String label, String namespace, Location source) {
    if (!diagram.hasNode(id)) {
      diagram.cluster(DiagramIds.cluster(namespace), "namespace " + namespace);
      diagram.node(new Diagram.Node(id, label, Diagram.NodeKind.POLICY, Optional.of(DiagramIds.cluster(namespace)),
          Optional.of(source)));
    }
  }
}
