package io.ambientlint.core.explain;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.Namespace;

/** {@code explain Namespace/NAME} for a namespace that objects use but no manifest declares. */
public final class ImplicitNamespace {
  private ImplicitNamespace() {}

  public static ExplainWriter explain(MeshGraph graph, Namespace ns) {
    ExplainWriter out = new ExplainWriter();
    out.section("Namespace " + ns.name());
    out.fact(!ns.labelsKnown()
        ? "not declared in the repository: objects use it, but its labels are unknown (declare them in config namespaces:)"
        : ns.labels().isEmpty() ? "not declared in the repository: assumed unlabelled (config assumeUndeclaredNamespaces)"
        : "not declared in the repository: labels " + ns.labels() + " from config namespaces:");
    EnrolmentSection.explainNamespace(graph, ns, out);
    WaypointSection.explainNamespace(graph, ns, out);
    return out;
  }
}
