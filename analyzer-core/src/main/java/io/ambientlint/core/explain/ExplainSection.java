package io.ambientlint.core.explain;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.Resource;

/**
 * One part of {@code ambient-lint explain}: enrolment, waypoint, routes, policies... Each part answers from the
 * graph for the kinds it knows and stays silent for the others. Register new sections in {@link ExplainSections}.
 */
public interface ExplainSection {
  /** Writes this section's facts about {@code subject}, or nothing when it does not apply to that kind. */
  void explain(MeshGraph graph, Resource subject, ExplainWriter out);
}
