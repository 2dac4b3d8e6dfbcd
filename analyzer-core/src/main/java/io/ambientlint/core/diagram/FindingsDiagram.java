package io.ambientlint.core.diagram;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.UseWaypointLabel;
import io.ambientlint.core.graph.ParentAttachment;
import io.ambientlint.core.graph.TargetResolution;
import io.ambientlint.core.graph.WaypointBinding;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.model.Location;
import io.ambientlint.core.model.Resource;
import io.ambientlint.core.model.ResourceId;
import io.ambientlint.core.model.Route;
import io.ambientlint.core.model.TargetablePolicy;
import io.ambientlint.core.model.VirtualService;
import io.ambientlint.core.model.Workload;
import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.rule.RelatedLocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The part of the mesh diagram that a set of findings is about, for a report a reviewer reads: the waypoints
 * the findings involve (also missing ones a label names), and what is one edge away from them (the services
 * and workloads bound to them, failed bindings, routes attached to them) in their namespaces. The whole mesh
 * could be far too large to draw; past {@code maxNodes} the diagram is cut and says how much it left out.
 *
 * <p>A finding involves a waypoint when its object is one, carries a {@code use-waypoint} label naming one,
 * is a service or workload bound (or failing to bind) to one, is a route whose parent is one of those, a
 * mesh VirtualService or DestinationRule whose host is one of those, or a policy that targets one; or when one
 * of its related locations is a waypoint.
 */
public final class FindingsDiagram {

  /**
   * @param diagram the nodes kept and the edges between them
   * @param waypoints how many waypoints the findings involve
   * @param shownWaypoints how many of them the diagram shows
   * @param omittedNodes nodes next to the involved waypoints (or waypoints themselves) that did not fit
   * @param omittedEdges edges between shown nodes that did not fit
   */
  public record Focus(Diagram diagram, int waypoints, int shownWaypoints, int omittedNodes, int omittedEdges) {
    public boolean isEmpty() {
      return diagram.nodes().isEmpty();
    }

    public boolean isCut() {
      return shownWaypoints < waypoints || omittedNodes > 0 || omittedEdges > 0;
    }
  }

  private final MeshGraph graph;
  private final Map<ResourceId, Route> routes = new HashMap<>();
  private final Map<ResourceId, TargetablePolicy> policies = new HashMap<>();
  /** The hosts of mesh VirtualServices and DestinationRules: their services' waypoints apply them. */
  private final Map<ResourceId, List<String>> hostsByObject = new HashMap<>();
  private final Map<ResourceId, List<UseWaypointLabel>> labelsByHolder = new HashMap<>();
  private final Map<Location, Gateway> waypointsByLocation = new HashMap<>();

  private FindingsDiagram(MeshGraph graph) {
    this.graph = graph;
    graph.routes().forEach(r -> routes.put(r.resource().id(), r));
    graph.policies().forEach(p -> policies.put(p.resource().id(), p));
    graph.virtualServices().stream().filter(VirtualService::isMesh).forEach(vs -> hostsByObject.put(vs.resource().id(),
        vs.hosts().stream().map(VirtualService.HostEntry::host).toList()));
    graph.destinationRules().forEach(dr -> hostsByObject.put(dr.resource().id(), List.of(dr.host())));
    for (UseWaypointLabel label : graph.useWaypointLabels()) {
      labelsByHolder.computeIfAbsent(label.holder().id(), k -> new ArrayList<>()).add(label);
    }
    graph.waypoints().forEach(w -> waypointsByLocation.put(w.resource().nameNode().location(), w));
  }

  /** The diagram around the waypoints {@code findings} involve, with at most {@code maxNodes} nodes. */
  public static Focus of(MeshGraph graph, List<Finding> findings, int maxNodes) {
    Set<String> waypoints = new FindingsDiagram(graph).involvedWaypoints(findings);
    if (waypoints.isEmpty()) {
      return new Focus(new DiagramBuilder().build(), 0, 0, 0, 0);
    }
    return focus(DiagramContributors.build(graph), waypoints, maxNodes);
  }

  /** Node ids ({@link DiagramIds#gateway}) of the waypoints the findings involve, sorted. */
  Set<String> involvedWaypoints(List<Finding> findings) {
    Set<String> ids = new TreeSet<>();
    for (Finding f : findings) {
      f.subject().flatMap(graph::resource).ifPresent(r -> addWaypointsOf(r, ids));
      for (RelatedLocation related : f.related()) {
        Gateway w = waypointsByLocation.get(related.location());
        if (w != null) {
          ids.add(DiagramIds.gateway(w.namespace(), w.name()));
        }
      }
    }
    return ids;
  }

  private void addWaypointsOf(Resource r, Set<String> ids) {
    for (UseWaypointLabel label : labelsByHolder.getOrDefault(r.id(), List.of())) {
      ids.add(DiagramIds.gateway(label.gateway().namespace(), label.gateway().name()));
    }
    graph.gateway(r.namespace(), r.name()).filter(g -> g.resource() == r && graph.isWaypoint(g))
        .ifPresent(g -> ids.add(DiagramIds.gateway(g.namespace(), g.name())));
    graph.workload(r.id()).ifPresent(w -> addBinding(graph.waypointForWorkload(w), ids));
    graph.meshService(r.id()).ifPresent(s -> addBinding(graph.waypointForService(s), ids));
    Route route = routes.get(r.id());
    if (route != null) {
      for (ParentAttachment a : graph.parentAttachments(route)) {
        a.gateway().filter(graph::isWaypoint).ifPresent(g -> ids.add(DiagramIds.gateway(g.namespace(), g.name())));
        a.service().ifPresent(s -> addBinding(graph.waypointForService(s), ids));
      }
    }
    for (String host : hostsByObject.getOrDefault(r.id(), List.of())) {
      graph.meshServiceForHost(host, r.namespace()).ifPresent(s -> addBinding(graph.waypointForService(s), ids));
    }
    TargetablePolicy policy = policies.get(r.id());
    if (policy != null) {
      for (TargetResolution t : graph.policyTargets(policy)) {
        t.gateways().stream().filter(graph::isWaypoint).forEach(g -> ids.add(DiagramIds.gateway(g.namespace(), g.name())));
        t.binding().ifPresent(b -> addBinding(b, ids));
      }
    }
  }

  private static void addBinding(WaypointBinding b, Set<String> ids) {
    if ((b.isBound() || b.isFailed()) && b.waypointName().isPresent() && b.waypointNamespace().isPresent()) {
      ids.add(DiagramIds.gateway(b.waypointNamespace().get(), b.waypointName().get()));
    }
  }

  /**
   * Keeps the given waypoint nodes and their neighbours, waypoint by waypoint and failed edges first, until
   * {@code maxNodes}; then the edges between kept nodes (at most three per node) and the clusters that hold them.
   */
  static Focus focus(Diagram whole, Set<String> waypointIds, int maxNodes) {
    Map<String, Diagram.Node> nodes = new HashMap<>();
    whole.nodes().forEach(n -> nodes.put(n.id(), n));
    Map<String, List<Diagram.Edge>> edgesAt = new HashMap<>();
    for (Diagram.Edge e : whole.edges()) {
      edgesAt.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
      edgesAt.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e);
    }
    List<String> seeds = waypointIds.stream().filter(nodes::containsKey).toList();
    Set<String> kept = new LinkedHashSet<>();
    Set<String> wanted = new HashSet<>();
    int shown = 0;
    for (String seed : seeds) {
      wanted.add(seed);
      boolean drawn = kept.size() < maxNodes;
      if (drawn) {
        kept.add(seed);
        shown++;
      }
      List<Diagram.Edge> around = new ArrayList<>(edgesAt.getOrDefault(seed, List.of()));
      // Failed bindings and rejected routes first: they are what the findings are usually about.
      around.sort(Comparator.comparing((Diagram.Edge e) -> e.style() != Diagram.EdgeStyle.FAILED));
      for (Diagram.Edge e : around) {
        String other = e.from().equals(seed) ? e.to() : e.from();
        wanted.add(other);
        if (drawn && kept.size() < maxNodes) {
          kept.add(other);
        }
      }
    }
    DiagramBuilder out = new DiagramBuilder();
    Map<String, Diagram.Cluster> clusters = new HashMap<>();
    whole.clusters().forEach(c -> clusters.put(c.id(), c));
    for (String id : kept) {
      Diagram.Node n = nodes.get(id);
      n.cluster().map(clusters::get).ifPresent(c -> out.cluster(c.id(), c.label()));
      out.node(n);
    }
    // Edges at a waypoint first, so that a cut keeps the bindings; Mermaid refuses more than 500 by default.
    List<Diagram.Edge> between = new ArrayList<>(whole.edges().stream()
        .filter(e -> kept.contains(e.from()) && kept.contains(e.to())).toList());
    between.sort(Comparator.comparing((Diagram.Edge e) -> !seeds.contains(e.from()) && !seeds.contains(e.to())));
    int maxEdges = 3 * maxNodes;
    between.stream().limit(maxEdges).forEach(e -> out.edge(e.from(), e.to(), e.label(), e.style()));
    wanted.removeAll(kept);
    return new Focus(out.build(), seeds.size(), shown, wanted.size(), Math.max(0, between.size() - maxEdges));
  }
}
