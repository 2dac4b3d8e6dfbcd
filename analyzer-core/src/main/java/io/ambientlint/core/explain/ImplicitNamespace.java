package io.ambientlint.core.explain;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.Namespace;

/** {@code explain Namespace/NAME} for a namespace that objects use but no manifest declares. */
public final class ImplicitNamespace {
  private ImplicitNamespace() {}

  public static ExplainWriter explain(MeshGraph graph, Namespace ns) {
    ExplainWriter out = new ExplainWriter();
    out.section("Namespace " + ns.name());
    out.fact("not declared in the repository: objects use it, but it has no labels here (implicit namespace)");
    EnrolmentSection.explainNamespace(graph, ns, out);
    WaypointSection.explainNamespace(graph, ns, out);
    return out;
  }
}
