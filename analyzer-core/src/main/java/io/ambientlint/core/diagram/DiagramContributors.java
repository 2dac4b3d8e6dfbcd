package io.ambientlint.core.diagram;

import io.ambientlint.core.graph.MeshGraph;
import java.util.List;

/** The contributors of {@code ambient-lint graph}, in order. Add one here, one line each. */
public final class DiagramContributors {
  private DiagramContributors() {}

  public static final List<DiagramContributor> ALL = List.of(
      new WaypointDiagramContributor(),
      new RouteDiagramContributor(),
      new ClassicDiagramContributor(),
      new PolicyDiagramContributor());

  public static Diagram build(MeshGraph graph) {
    DiagramBuilder builder = new DiagramBuilder();
    for (DiagramContributor c : ALL) {
      c.contribute(graph, builder);
    }
    return builder.build();
  }
}
