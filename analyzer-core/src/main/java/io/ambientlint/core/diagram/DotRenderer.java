package io.ambientlint.core.diagram;

import io.ambientlint.core.text.Escape;
import java.util.List;
import java.util.Map;

/** Graphviz dot: clusters as {@code subgraph cluster_N}, failed edges dashed red. */
public final class DotRenderer implements DiagramRenderer {

  @Override
  public String render(Diagram diagram) {
    StringBuilder out = new StringBuilder("digraph mesh {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n"
        + "  edge [fontname=\"Helvetica\", fontsize=9];\n");
    Map<String, List<Diagram.Node>> byCluster = diagram.nodesByCluster();
    int cluster = 0;
    for (Diagram.Cluster c : diagram.clusters()) {
      List<Diagram.Node> members = byCluster.getOrDefault(c.id(), List.of());
      if (members.isEmpty()) {
        continue;
      }
      out.append("  subgraph cluster_").append(cluster++).append(" {\n    label=").append(quote(c.label())).append(";\n");
      members.forEach(n -> node(out, "    ", n));
      out.append("  }\n");
    }
    diagram.nodes().stream().filter(n -> n.cluster().isEmpty()).forEach(n -> node(out, "  ", n));
    for (Diagram.Edge e : diagram.edges()) {
      out.append("  ").append(quote(e.from())).append(" -> ").append(quote(e.to())).append(" [label=").append(quote(e.label()));
      switch (e.style()) {
        case FAILED -> out.append(", style=dashed, color=red, fontcolor=red");
        case DASHED -> out.append(", style=dashed, color=gray40");
        default -> { }
      }
      out.append("];\n");
    }
    return out.append("}\n").toString();
  }

  private static void node(StringBuilder out, String indent, Diagram.Node n) {
    String shape = switch (n.kind()) {
      case WAYPOINT, GATEWAY -> "hexagon, style=filled, fillcolor=\"#fde9c8\"";
      case WORKLOAD -> "ellipse";
      case OTHER -> "box, style=\"dashed,filled\", color=red, fillcolor=\"#ffdddd\"";
      default -> "box";
    };
    out.append(indent).append(quote(n.id())).append(" [label=").append(quote(n.label())).append(", shape=").append(shape)
        .append("];\n");
  }

  /**
   * A dot double-quoted string. Names come from the analyzed repository and the output usually goes to a
   * terminal: control characters are shown escaped ({@code \n} stays dot's line break).
   */
  static String quote(String text) {
    return "\"" + Escape.terminal(text.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
  }
}
