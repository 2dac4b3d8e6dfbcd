package io.ambientlint.core.explain;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.Resource;
import java.util.List;

/** The sections of {@code explain}, in the order they are printed. Add a section here, one line each. */
public final class ExplainSections {
  private ExplainSections() {}

  public static final List<ExplainSection> ALL = List.of(
      new IdentitySection(),
      new EnrolmentSection(),
      new WaypointSection(),
      new GatewaySection(),
      new RoutesSection(),
      new PolicySection(),
      new ClassicTrafficSection());

  public static ExplainWriter explain(MeshGraph graph, Resource subject) {
    ExplainWriter out = new ExplainWriter();
    for (ExplainSection section : ALL) {
      section.explain(graph, subject, out);
    }
    return out;
  }
}
