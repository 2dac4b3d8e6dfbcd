package io.ambientlint.core.diagram;

import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.model.MeshService;
import io.ambientlint.core.model.ServiceEntry;
import java.util.Optional;

/**
 * The nodes several contributors draw (a Service, ServiceEntry or Gateway they point at), described once so
 * that whichever contributor adds one first, it looks the same.
 */
final class MeshNodes {
  private MeshNodes() {}

  /** A Service or ServiceEntry, in its namespace, located at its name. */
  static Diagram.Node service(MeshService s) {
    return new Diagram.Node(DiagramIds.service(s), s.resource().kind() + " " + s.name(),
        s instanceof ServiceEntry ? Diagram.NodeKind.SERVICE_ENTRY : Diagram.NodeKind.SERVICE,
        Optional.of(DiagramIds.cluster(s.namespace())), Optional.of(s.resource().nameNode().location()));
  }

  /** Adds the service's node (and its namespace) unless present; returns its id. */
  static String ensureService(DiagramBuilder diagram, MeshService s) {
    String id = DiagramIds.service(s);
    if (!diagram.hasNode(id)) {
      diagram.cluster(DiagramIds.cluster(s.namespace()), "namespace " + s.namespace());
      diagram.node(service(s));
    }
    return id;
  }

  /** Adds a node for the Gateway (and its namespace) unless present, as a waypoint or otherwise; returns its id. */
  static String ensureGateway(DiagramBuilder diagram, Gateway g) {
    String id = DiagramIds.gateway(g.namespace(), g.name());
    if (!diagram.hasNode(id)) {
      diagram.cluster(DiagramIds.cluster(g.namespace()), "namespace " + g.namespace());
      diagram.node(new Diagram.Node(id, "Gateway " + g.name(), Diagram.NodeKind.GATEWAY,
          Optional.of(DiagramIds.cluster(g.namespace())), Optional.of(g.resource().nameNode().location())));
    }
    return id;
  }
}
