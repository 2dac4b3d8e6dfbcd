package io.ambientlint.core.explain;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.model.Kind;
import io.ambientlint.core.model.MeshService;
import io.ambientlint.core.model.Resource;
import io.ambientlint.core.model.Workload;
import java.util.Optional;

/** The typed view the graph holds for an explained resource. */
final class Subjects {
  private Subjects() {}

  static Optional<Workload> workload(MeshGraph graph, Resource r) {
    return graph.workload(r.id()).filter(w -> w.resource() == r);
  }

  static Optional<MeshService> service(MeshGraph graph, Resource r) {
    return graph.meshService(r.id()).filter(s -> s.resource() == r);
  }

  static Optional<Gateway> gateway(MeshGraph graph, Resource r) {
    if (!r.id().is(Kind.GATEWAY)) {
      return Optional.empty();
    }
    return graph.gateway(r.namespace(), r.name()).filter(g -> g.resource() == r);
  }
}
