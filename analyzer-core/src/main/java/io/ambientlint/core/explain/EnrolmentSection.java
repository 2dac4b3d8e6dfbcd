package io.ambientlint.core.explain;

import io.ambientlint.core.graph.Enrolment;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.Kind;
import io.ambientlint.core.model.MeshService;
import io.ambientlint.core.model.Namespace;
import io.ambientlint.core.model.Resource;
import io.ambientlint.core.model.Workload;
import java.util.List;

/** How a namespace, workload or service takes part in the mesh, and the label that decided it. */
final class EnrolmentSection implements ExplainSection {

  @Override
  public void explain(MeshGraph graph, Resource subject, ExplainWriter out) {
    if (subject.id().is(Kind.NAMESPACE)) {
      explainNamespace(graph, graph.namespace(subject.name()), out);
      return;
    }
    Subjects.workload(graph, subject).ifPresent(w -> {
      out.section("Enrolment");
      fact(out, "pods", graph.enrolment(w));
    });
    Subjects.service(graph, subject).ifPresent(s -> explainService(graph, s, out));
  }

  static void explainNamespace(MeshGraph graph, Namespace ns, ExplainWriter out) {
    out.section("Enrolment");
    fact(out, "namespace " + ns.name(), graph.namespaceEnrolment(ns));
    List<Workload> workloads = graph.workloadsIn(ns.name());
    long ambient = workloads.stream().filter(graph::isAmbient).count();
    if (!workloads.isEmpty()) {
      out.fact(ambient + " of " + workloads.size() + " workload(s) in the namespace are ambient");
      out.nested(() -> workloads.stream().filter(w -> graph.enrolment(w).mode() != graph.namespaceEnrolment(ns).mode())
          .forEach(w -> fact(out, w.displayName(), graph.enrolment(w))));
    }
  }

  private static void explainService(MeshGraph graph, MeshService service, ExplainWriter out) {
    out.section("Enrolment");
    fact(out, "namespace " + service.namespace(), graph.namespaceEnrolment(graph.namespace(service.namespace())));
    List<Workload> selected = graph.workloadsSelectedBy(service);
    if (selected.isEmpty()) {
      out.fact("selects no workload in the repository");
      return;
    }
    out.fact("selects " + selected.size() + " workload(s)");
    out.nested(() -> selected.forEach(w -> fact(out, w.displayName(), graph.enrolment(w))));
  }

  private static void fact(ExplainWriter out, String what, Enrolment e) {
    String mode = switch (e.mode()) {
      case AMBIENT -> "ambient (captured by ztunnel)";
      case SIDECAR -> "sidecar (not captured by ztunnel)";
      case NONE -> "not in the mesh";
      case UNKNOWN -> "unknown";
    };
    out.fact(what + ": " + mode + ": " + e.reason(), e.decidedBy());
  }
}
