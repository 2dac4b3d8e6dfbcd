package io.ambientlint.core.diagram;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Accumulates nodes and edges; a node added twice keeps its first description. */
public final class DiagramBuilder {

  private final Map<String, Diagram.Cluster> clusters = new TreeMap<>();
  private final Map<String, Diagram.Node> nodes = new TreeMap<>();
  private final List<Diagram.Edge> edges = new ArrayList<>();

  public DiagramBuilder cluster(String id, String label) {
    clusters.putIfAbsent(id, new Diagram.Cluster(id, label));
    return this;
  }

  public DiagramBuilder node(Diagram.Node node) {
    node.cluster().ifPresent(c -> cluster(c, c));
    nodes.putIfAbsent(node.id(), node);
    return this;
  }

  public boolean hasNode(String id) {
    return nodes.containsKey(id);
  }

  public DiagramBuilder edge(String from, String to, String label, Diagram.EdgeStyle style) {
    Diagram.Edge e = new Diagram.Edge(from, to, label, style);
    if (!edges.contains(e)) {
      edges.add(e);
    }
    return this;
  }

  public Diagram build() {
    List<Diagram.Edge> sorted = new ArrayList<>(edges);
    sorted.sort(Comparator.comparing(Diagram.Edge::from).thenComparing(Diagram.Edge::to).thenComparing(Diagram.Edge::label));
    return new Diagram(List.copyOf(clusters.values()), List.copyOf(nodes.values()), List.copyOf(sorted));
  }
}
