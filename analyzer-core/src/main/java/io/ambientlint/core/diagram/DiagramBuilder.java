package io.ambientlint.core.diagram;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Accumulates nodes and edges; a node added twice keeps its first description. */
public final class DiagramBuilder {

  private final Map<String, Diagram.Cluster> clusters = new TreeMap<>();
  private final Map<String, Diagram.Node> nodes = new TreeMap<>();
  private final Set<Diagram.Edge> edges = new LinkedHashSet<>();

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
    edges.add(new Diagram.Edge(from, to, label, style));
    return this;
  }

  public Diagram build() {
    List<Diagram.Edge> sorted = new ArrayList<>(edges);
    sorted.sort(Comparator.comparing(Diagram.Edge::from).thenComparing(Diagram.Edge::to).thenComparing(Diagram.Edge::label));
    return new Diagram(List.copyOf(clusters.values()), List.copyOf(nodes.values()), List.copyOf(sorted));
  }
}
