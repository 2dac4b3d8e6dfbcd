package io.ambientlint.core.diagram;

import io.ambientlint.core.graph.BackendResolution;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.ParentAttachment;
import io.ambientlint.core.model.Route;
import java.util.Optional;

/**
 * Routes as nodes in their namespace, with an edge to each parent (Gateway, Service, ServiceEntry) labelled
 * with its outcome (failed edges for rejected parentRefs, dashed for consumer routes a waypoint ignores) and an
 * edge to each backend labelled with its weight. Node ids follow the other contributors: {@code svc:ns/name},
 * {@code se:ns/name}, {@code gw:ns/name}, clusters {@code ns:name}; routes are {@code route:Kind/ns/name}.
 */
public final class RouteDiagramContributor implements DiagramContributor {

  @Override
  public void contribute(MeshGraph graph, DiagramBuilder diagram) {
    for (Route route : graph.routes()) {
      String routeId = DiagramIds.route(route);
      diagram.cluster(DiagramIds.cluster(route.namespace()), "namespace " + route.namespace());
      diagram.node(new Diagram.Node(routeId, route.kind().kind() + " " + route.name(), Diagram.NodeKind.ROUTE,
          Optional.of(DiagramIds.cluster(route.namespace())), Optional.of(route.resource().nameNode().location())));
      for (ParentAttachment a : graph.parentAttachments(route)) {
        parentEdge(diagram, routeId, a);
      }
      for (BackendResolution b : graph.backendResolutions(route)) {
        backendEdge(diagram, routeId, b);
      }
    }
  }

  private static void parentEdge(DiagramBuilder diagram, String routeId, ParentAttachment a) {
    String to;
    if (a.gateway().isPresent()) {
      to = MeshNodes.ensureGateway(diagram, a.gateway().get());
    } else if (a.service().isPresent()) {
      to = MeshNodes.ensureService(diagram, a.service().get());
    } else {
      String prefix = a.parentRef().isGateway() ? "gw:" : a.parentRef().isService() ? "svc:" : "ref:" + a.parentRef().kind() + ":";
      to = prefix + a.parentRef().namespace() + "/" + a.parentRef().name();
      ensure(diagram, to, (a.outcome() == ParentAttachment.Outcome.EXTERNAL ? "external " : "missing ")
          + a.parentRef().kind() + " " + a.parentRef().name(), Diagram.NodeKind.OTHER, a.parentRef().namespace(), Optional.empty());
    }
    String port = a.parentRef().port().isPresent() ? " :" + a.parentRef().port().getAsInt() : "";
    if (a.isAccepted() && a.scope() == ParentAttachment.Scope.CONSUMER && a.binding().map(b -> b.isBound()).orElse(false)) {
      diagram.edge(routeId, to, "parent" + port + " (consumer route: ignored by the waypoint)", Diagram.EdgeStyle.DASHED);
    } else if (a.isAccepted() || a.outcome() == ParentAttachment.Outcome.EXTERNAL) {
      diagram.edge(routeId, to, "parent" + port + (a.conflicts().isEmpty() ? "" : " (partly Conflicted)"), Diagram.EdgeStyle.NORMAL);
    } else {
      diagram.edge(routeId, to, "parent" + port + ": " + a.outcome().statusReason(), Diagram.EdgeStyle.FAILED);
    }
  }

  private static void backendEdge(DiagramBuilder diagram, String routeId, BackendResolution b) {
    String to;
    if (b.target().isPresent()) {
      to = MeshNodes.ensureService(diagram, b.target().get());
    } else {
      to = "backend:" + b.backendRef().kind() + ":" + b.backendRef().namespace() + "/" + b.backendRef().name();
      ensure(diagram, to, (b.isResolved() ? "" : "missing ") + b.backendRef().kind() + " " + b.backendRef().name(),
          Diagram.NodeKind.OTHER, b.backendRef().namespace(), Optional.empty());
    }
    String label = "backend" + (b.backendRef().port().isPresent() ? " :" + b.backendRef().port().getAsInt() : "")
        + " weight " + b.backendRef().weight();
    diagram.edge(routeId, to, b.isResolved() ? label : label + ": " + b.outcome().statusReason(),
        b.isResolved() ? Diagram.EdgeStyle.NORMAL : Diagram.EdgeStyle.FAILED);
  }

  private static void ensure(DiagramBuilder diagram, String id, String label, Diagram.NodeKind kind, String namespace,
      Optional<io.ambientlint.core.model.Location> source) {
    if (!diagram.hasNode(id)) {
      diagram.cluster(DiagramIds.cluster(namespace), "namespace " + namespace);
      diagram.node(new Diagram.Node(id, label, kind, Optional.of(DiagramIds.cluster(namespace)), source));
    }
  }
}
