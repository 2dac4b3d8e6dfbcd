package io.ambientlint.core.rule;

import io.ambientlint.core.graph.MeshGraph;

/**
 * A check over the mesh graph. Implementations live in the {@code rules} module, one class per rule, and are
 * registered with {@link java.util.ServiceLoader}. A rule reads only the graph and reports through
 * {@link Findings}; it must not keep state between calls.
 */
public interface Rule {
  RuleMetadata metadata();

  void check(MeshGraph graph, Findings findings);
}
