package io.ambientlint.core.explain;

import io.ambientlint.core.graph.IngressUseWaypoint;
import io.ambientlint.core.graph.IstioLabels;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.WaypointBinding;
import io.ambientlint.core.model.Kind;
import io.ambientlint.core.model.MeshService;
import io.ambientlint.core.model.Namespace;
import io.ambientlint.core.model.Resource;

/** Which waypoint serves a service, workload or namespace, and the label that chose it. */
final class WaypointSection implements ExplainSection {

  @Override
  public void explain(MeshGraph graph, Resource subject, ExplainWriter out) {
    if (subject.id().is(Kind.NAMESPACE)) {
      explainNamespace(graph, graph.namespace(subject.name()), out);
      return;
    }
    Subjects.service(graph, subject).ifPresent(s -> {
      out.section("Waypoint");
      binding(out, "service traffic", graph.waypointForService(s));
      ingress(out, s, graph.ingressUseWaypoint(s));
    });
    Subjects.workload(graph, subject).ifPresent(w -> {
      out.section("Waypoint");
      binding(out, "traffic addressed to the pods", graph.waypointForWorkload(w));
      graph.servicesSelecting(w).forEach(s -> binding(out, "traffic through " + s.displayName(), graph.waypointForService(s)));
    });
  }

  static void explainNamespace(MeshGraph graph, Namespace ns, ExplainWriter out) {
    out.section("Waypoint");
    String name = ns.labels().get(IstioLabels.USE_WAYPOINT);
    if (name == null) {
      out.fact("no " + IstioLabels.USE_WAYPOINT + " label: services and workloads use a waypoint only through their own label");
    } else {
      String target = ns.labels().getOrDefault(IstioLabels.USE_WAYPOINT_NAMESPACE, ns.name()) + "/" + name;
      out.fact(name.equals(IstioLabels.NONE) ? "opts its objects out of waypoints"
          : "objects without their own label use waypoint " + target, ns.labelNode(IstioLabels.USE_WAYPOINT));
      ns.labelNode(IstioLabels.USE_WAYPOINT_NAMESPACE).ifPresent(n -> out.fact("waypoint namespace from "
          + IstioLabels.USE_WAYPOINT_NAMESPACE, n));
    }
    out.fact("services of the namespace:");
    out.nested(() -> {
      graph.servicesIn(ns.name()).forEach(s -> binding(out, s.displayName(), graph.waypointForService(s)));
      graph.serviceEntries().stream().filter(s -> s.namespace().equals(ns.name()))
          .forEach(s -> binding(out, s.displayName(), graph.waypointForService(s)));
    });
  }

  static void binding(ExplainWriter out, String what, WaypointBinding b) {
    String verdict = switch (b.status()) {
      case BOUND -> "waypoint " + b.waypointDisplayName();
      case BOUND_EXTERNAL -> "waypoint " + b.waypointDisplayName() + " (outside the repository)";
      case NO_WAYPOINT -> "no waypoint";
      case UNKNOWN -> "unknown (its namespace's labels are unknown)";
      case OPTED_OUT -> "no waypoint (opted out)";
      case NOT_APPLICABLE -> "no waypoint (the namespace's waypoint serves the other traffic type)";
      default -> "no waypoint: the binding to " + b.waypointDisplayName() + " fails (" + b.status() + ")";
    };
    out.fact(what + ": " + verdict, b.label());
    out.nested(() -> {
      out.fact("why: " + b.reason());
      if (b.source() != WaypointBinding.LabelSource.NONE) {
        out.fact("decided by the label on the " + (b.source() == WaypointBinding.LabelSource.OBJECT ? "object itself"
            : "namespace (the object has no label of its own)"), b.label());
      }
      b.namespaceLabel().ifPresent(n -> out.fact("waypoint namespace from " + IstioLabels.USE_WAYPOINT_NAMESPACE, n));
      b.waypoint().ifPresent(g -> out.fact("the waypoint " + g.displayName(), g.resource().nameNode()));
    });
  }

  private static void ingress(ExplainWriter out, MeshService s, IngressUseWaypoint ingress) {
    if (ingress.value().isEmpty()) {
      out.fact("ingress gateways skip the waypoint (no " + IstioLabels.INGRESS_USE_WAYPOINT + ")");
      return;
    }
    out.fact("ingress gateways " + (ingress.enabled() ? "go through" : "skip") + " the waypoint: "
        + IstioLabels.INGRESS_USE_WAYPOINT + "=" + ingress.value().get()
        + (ingress.valid() ? "" : " is not a boolean, so it counts as false"), ingress.label());
  }
}
