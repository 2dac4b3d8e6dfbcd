package io.ambientlint.core.diagram;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.PolicyEnforcement;
import io.ambientlint.core.graph.TargetResolution;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.model.PolicyKind;
import io.ambientlint.core.model.PolicyTargetRef;
import io.ambientlint.core.model.Resource;
import io.ambientlint.core.model.TargetablePolicy;
import io.ambientlint.core.model.Workload;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * AuthorizationPolicies, RequestAuthentications and Telemetry as nodes in their namespace, with an edge to where
 * each takes effect: the waypoints and gateways its targetRefs reach ({@code targetRef Service reviews}), failed
 * edges for targetRefs that reach nothing (with the reason), and for selector or namespace-wide policies an edge
 * to each workload that applies it, labelled with the data plane that does: {@code ztunnel}, {@code sidecar}, or
 * dashed {@code no proxy: no effect} where only ztunnel runs and the kind needs a proxy. Policy ids are
 * {@code policy:Kind/ns/name}.
 */
public final class PolicyDiagramContributor implements DiagramContributor {

  private static final Set<PolicyKind> KINDS =
      Set.of(PolicyKind.AUTHORIZATION_POLICY, PolicyKind.REQUEST_AUTHENTICATION, PolicyKind.TELEMETRY);

  @Override
  public void contribute(MeshGraph graph, DiagramBuilder diagram) {
    Map<Resource, String> actions = new IdentityHashMap<>();
    graph.authorizationPolicies().forEach(a -> actions.put(a.resource(), a.action()));
    for (TargetablePolicy p : graph.policies()) {
      if (!KINDS.contains(p.kind())) {
        continue;
      }
      String id = "policy:" + p.kind().kind() + "/" + p.namespace() + "/" + p.name();
      diagram.cluster(DiagramIds.cluster(p.namespace()), "namespace " + p.namespace());
      String action = actions.get(p.resource());
      diagram.node(new Diagram.Node(id, p.kind().kind() + " " + p.name() + (action == null ? "" : " (" + action + ")"),
          Diagram.NodeKind.POLICY,
          Optional.of(DiagramIds.cluster(p.namespace())), Optional.of(p.resource().nameNode().location())));
      if (p.hasTargetRefs()) {
        for (TargetResolution t : graph.policyTargets(p)) {
          targetEdges(graph, diagram, id, t);
        }
      } else {
        selectorEdges(graph, diagram, id, p);
      }
    }
  }

  private static void targetEdges(MeshGraph graph, DiagramBuilder diagram, String from, TargetResolution t) {
    PolicyTargetRef ref = t.ref();
    String via = "targetRef " + ref.kind() + " " + ref.name();
    if (t.isAttached()) {
      for (Gateway g : t.gateways()) {
        String to = MeshNodes.ensureGateway(diagram, g);
        diagram.edge(from, to, via + (graph.isWaypoint(g) ? " (at the waypoint)" : ""), Diagram.EdgeStyle.NORMAL);
      }
      return;
    }
    String to = targetNode(graph, diagram, t);
    String why = switch (t.status()) {
      case NOT_FOUND -> "not found";
      case INVALID -> "not accepted by Istio";
      case NOT_BOUND -> "no waypoint: no effect";
      case UNKNOWN -> "waypoint unknown: namespace labels unknown";
      default -> t.status().name();
    };
    diagram.edge(from, to, via + ": " + why, Diagram.EdgeStyle.FAILED);
  }

  /** The node of a targetRef that reaches no gateway: the Service or ServiceEntry if it exists, else a stand-in. */
  private static String targetNode(MeshGraph graph, DiagramBuilder diagram, TargetResolution t) {
    PolicyTargetRef ref = t.ref();
    String ns = t.policy().namespace();
    Optional<String> existing = graph.service(ns, ref.name()).filter(s -> ref.kind().equals("Service"))
        .map(s -> MeshNodes.ensureService(diagram, s))
        .or(() -> graph.serviceEntry(ns, ref.name()).filter(s -> ref.kind().equals("ServiceEntry"))
            .map(s -> MeshNodes.ensureService(diagram, s)));
    if (existing.isPresent()) {
      return existing.get();
    }
    String id = "target:" + ref.kind() + ":" + ns + "/" + ref.name();
    if (!diagram.hasNode(id)) {
      diagram.node(new Diagram.Node(id, (t.status() == TargetResolution.Status.NOT_FOUND ? "missing " : "")
          + ref.kind() + " " + ref.name(), Diagram.NodeKind.OTHER, Optional.of(DiagramIds.cluster(ns)), Optional.empty()));
    }
    return id;
  }

  private static void selectorEdges(MeshGraph graph, DiagramBuilder diagram, String from, TargetablePolicy p) {
    PolicyEnforcement e = graph.policyEnforcement(p);
    String scope = p.hasSelector() && !p.selectorLabels().isEmpty() ? "selector" : "namespace-wide";
    if (e.scope() == PolicyEnforcement.Scope.MESH) {
      scope = "mesh-wide";
    }
    edges(diagram, from, e.ztunnelWorkloads(), scope + ": ztunnel", Diagram.EdgeStyle.NORMAL);
    edges(diagram, from, e.proxyWorkloads(), scope + ": sidecar", Diagram.EdgeStyle.NORMAL);
    if (p.kind() != PolicyKind.AUTHORIZATION_POLICY) {
      edges(diagram, from, e.ztunnelOnlyWorkloads(), scope + ": no proxy, no effect", Diagram.EdgeStyle.DASHED);
    }
    for (Gateway g : e.gateways()) {
      diagram.edge(from, MeshNodes.ensureGateway(diagram, g), scope + ": gateway", Diagram.EdgeStyle.NORMAL);
    }
  }

  private static void edges(DiagramBuilder diagram, String from, List<Workload> workloads, String label,
      Diagram.EdgeStyle style) {
    for (Workload w : workloads) {
      String to = DiagramIds.workload(w);
      if (!diagram.hasNode(to)) {
        diagram.node(new Diagram.Node(to, w.resource().kind() + " " + w.name(), Diagram.NodeKind.WORKLOAD,
            Optional.of(DiagramIds.cluster(w.namespace())), Optional.of(w.resource().nameNode().location())));
      }
      diagram.edge(from, to, label, style);
    }
  }
}
