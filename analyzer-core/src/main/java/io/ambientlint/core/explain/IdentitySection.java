package io.ambientlint.core.explain;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.Resource;

/** Where the object is defined and where its namespace came from. */
final class IdentitySection implements ExplainSection {
  @Override
  public void explain(MeshGraph graph, Resource subject, ExplainWriter out) {
    out.section(subject.displayName());
    out.fact("defined as " + subject.apiVersion() + " " + subject.kind(), subject.nameNode());
    if (!subject.namespace().isEmpty()) {
      out.fact("namespace " + subject.namespace() + " from " + subject.namespaceOrigin().describe());
    }
    int copies = graph.model().resourcesWithId(subject.id()).size();
    if (copies > 1) {
      out.fact("defined " + copies + " times; the first definition is explained (AL903)");
    }
  }
}
