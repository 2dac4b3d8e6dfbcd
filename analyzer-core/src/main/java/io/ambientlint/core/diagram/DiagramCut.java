package io.ambientlint.core.diagram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Parts of a {@link Diagram}: one namespace with what it is connected to, the neighbourhood of one object, or as
 * much as a size limit allows. Cut diagrams keep the whole diagram's order, clusters and edge labels.
 */
public final class DiagramCut {
  private DiagramCut() {}

  /** What was kept and how much was left out. */
  public record Cut(Diagram diagram, int omittedNodes, int omittedEdges) {
    public boolean isCut() {
      return omittedNodes > 0 || omittedEdges > 0;
    }
  }

  /**
   * The nodes of a namespace and the nodes one edge away from them (a waypoint in another namespace, say), with
   * the edges between those.
   */
  public static Diagram namespace(Diagram whole, String namespace) {
    String cluster = DiagramIds.cluster(namespace);
    Set<String> inside = new HashSet<>();
    whole.nodes().stream().filter(n -> n.cluster().filter(cluster::equals).isPresent()).forEach(n -> inside.add(n.id()));
    Set<String> kept = new HashSet<>(inside);
    for (Diagram.Edge e : whole.edges()) {
      if (inside.contains(e.from()) || inside.contains(e.to())) {
        kept.add(e.from());
        kept.add(e.to());
      }
    }
    return keep(whole, kept::contains);
  }

  /** The nodes at most {@code hops} edges from the node, in either direction, and the edges between them. */
  public static Diagram around(Diagram whole, String nodeId, int hops) {
    Map<String, List<String>> neighbours = new HashMap<>();
    for (Diagram.Edge e : whole.edges()) {
      neighbours.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
      neighbours.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from());
    }
    Set<String> kept = new LinkedHashSet<>(List.of(nodeId));
    Set<String> frontier = Set.of(nodeId);
    for (int i = 0; i < hops && !frontier.isEmpty(); i++) {
      Set<String> next = new LinkedHashSet<>();
      for (String id : frontier) {
        for (String n : neighbours.getOrDefault(id, List.of())) {
          if (kept.add(n)) {
            next.add(n);
          }
        }
      }
      frontier = next;
    }
    return keep(whole, kept::contains);
  }

  /**
   * The node id of an object given as {@code KIND/NAMESPACE/NAME} (kind in any case), if the diagram has it:
   * Services, ServiceEntries, Gateways, workloads, routes, VirtualServices, DestinationRules and EnvoyFilters.
   */
  public static Optional<String> nodeOf(Diagram whole, String kind, String namespace, String name) {
    String key = namespace + "/" + name;
    List<String> candidates = new ArrayList<>();
    switch (kind.toLowerCase(Locale.ROOT)) {
      case "service" -> candidates.add("svc:" + key);
      case "serviceentry" -> candidates.add("se:" + key);
      case "gateway" -> candidates.add("gw:" + key);
      case "virtualservice" -> candidates.add("vs:" + key);
      case "destinationrule" -> candidates.add("dr:" + key);
      case "envoyfilter" -> candidates.add("ef:" + key);
      default -> {
        candidates.add("wl:" + kind + "/" + key);
        candidates.add("route:" + kind + "/" + key);
      }
    }
    return whole.nodes().stream().map(Diagram.Node::id)
        .filter(id -> candidates.stream().anyMatch(id::equalsIgnoreCase)).findFirst();
  }

  /**
   * The largest prefix of the nodes, in the order they are drawn (namespace by namespace), whose diagram
   * {@code fits}, with the edges between the kept nodes.
   */
  public static Cut within(Diagram whole, Predicate<Diagram> fits) {
    if (fits.test(whole)) {
      return new Cut(whole, 0, 0);
    }
    List<String> order = drawOrder(whole);
    int low = 0;
    int high = order.size() - 1; // the whole diagram does not fit
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (fits.test(prefix(whole, order, mid))) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    Diagram kept = prefix(whole, order, low);
    return new Cut(kept, whole.nodes().size() - kept.nodes().size(), whole.edges().size() - kept.edges().size());
  }

  private static Diagram prefix(Diagram whole, List<String> order, int count) {
    Set<String> kept = new HashSet<>(order.subList(0, count));
    return keep(whole, kept::contains);
  }

  /** Clustered nodes cluster by cluster, then the others: the order the renderers draw them in. */
  private static List<String> drawOrder(Diagram whole) {
    List<String> order = new ArrayList<>();
    Map<String, List<Diagram.Node>> byCluster = whole.nodesByCluster();
    for (Diagram.Cluster c : whole.clusters()) {
      byCluster.getOrDefault(c.id(), List.of()).forEach(n -> order.add(n.id()));
    }
    whole.nodes().stream().filter(n -> n.cluster().isEmpty()).forEach(n -> order.add(n.id()));
    return order;
  }

  private static Diagram keep(Diagram whole, Predicate<String> node) {
    List<Diagram.Node> nodes = whole.nodes().stream().filter(n -> node.test(n.id())).toList();
    Set<String> clusters = new HashSet<>();
    nodes.forEach(n -> n.cluster().ifPresent(clusters::add));
    return new Diagram(whole.clusters().stream().filter(c -> clusters.contains(c.id())).toList(), nodes,
        whole.edges().stream().filter(e -> node.test(e.from()) && node.test(e.to())).toList());
  }
}
