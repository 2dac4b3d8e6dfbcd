package io.ambientlint.core.diagram;

import io.ambientlint.core.model.Location;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The mesh as a picture-independent graph: nodes grouped in clusters (namespaces), and labelled edges.
 * Renderers turn it into Mermaid, Graphviz dot or JSON. Built by {@link DiagramContributor}s, in a
 * deterministic order (nodes and edges sorted by id).
 */
public record Diagram(List<Cluster> clusters, List<Node> nodes, List<Edge> edges) {

  public enum NodeKind { NAMESPACE, SERVICE, SERVICE_ENTRY, WORKLOAD, WAYPOINT, GATEWAY, ROUTE, POLICY, OTHER }

  /** How an edge is drawn: a working relation, a failed one (drawn distinctly), or a weaker association. */
  public enum EdgeStyle { NORMAL, FAILED, DASHED }

  /** A namespace (or another grouping) holding nodes. */
  public record Cluster(String id, String label) {}

  /** {@code id} is stable and unique ({@code svc:books/reviews}); {@code cluster} is the cluster id or empty. */
  public record Node(String id, String label, NodeKind kind, Optional<String> cluster, Optional<Location> source) {}

  public record Edge(String from, String to, String label, EdgeStyle style) {}

  /** The nodes of each cluster, by cluster id, in node order; nodes outside clusters are not in it. */
  public Map<String, List<Node>> nodesByCluster() {
    return nodes.stream().filter(n -> n.cluster().isPresent()).collect(Collectors.groupingBy(n -> n.cluster().get()));
  }
}
