package io.ambientlint.core.diagram;

import io.ambientlint.core.graph.MeshGraph;

/** Adds one family of nodes and edges (waypoint bindings, routes, policies) to the diagram. */
public interface DiagramContributor {
  void contribute(MeshGraph graph, DiagramBuilder diagram);
}
