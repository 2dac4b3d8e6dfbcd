package io.ambientlint.core.diagram;

import io.ambientlint.core.text.Escape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Mermaid flowchart that GitHub renders: clusters as subgraphs, node ids replaced by safe generated ids
 * ({@code n0}, {@code c0}), every label quoted with Mermaid's entity codes for characters that would break the
 * syntax or start a directive, failed edges dotted and red. Labels come from the analyzed repository.
 */
public final class MermaidRenderer implements DiagramRenderer {

  /** Mermaid's default limits (its config schema: maxEdges, maxTextSize): over them it refuses the diagram. */
  public static final int MAX_EDGES = 500;
  public static final int MAX_TEXT_CHARS = 50_000;
  /** Room kept for the line that says what a cut diagram left out. */
  private static final int NOTE_CHARS = 400;

  /** A diagram as Mermaid text and what had to be left out of it. */
  public record Limited(String text, DiagramCut.Cut cut) {}

  /**
   * The diagram, cut to Mermaid's limits when over them: whole namespaces first, in drawing order, then a node
   * saying how many nodes and edges were left out and how to see them.
   */
  public Limited renderWithinLimits(Diagram diagram) {
    DiagramCut.Cut cut = DiagramCut.within(diagram,
        d -> d.edges().size() <= MAX_EDGES && render(d).length() + NOTE_CHARS <= MAX_TEXT_CHARS);
    String text = render(cut.diagram());
    if (cut.isCut()) {
      text += "  omitted[\"" + escape(omittedNote(cut)) + "\"]\n  class omitted missing\n";
    }
    return new Limited(text, cut);
  }

  /** What a cut left out, and what to do about it. */
  public static String omittedNote(DiagramCut.Cut cut) {
    return cut.omittedNodes() + " nodes and " + cut.omittedEdges() + " edges left out: Mermaid draws at most "
        + MAX_EDGES + " edges and " + MAX_TEXT_CHARS + " characters. Narrow it with --namespace NS or --focus "
        + "KIND/NS/NAME, or use --format dot.";
  }

  @Override
  public String render(Diagram diagram) {
    Map<String, String> ids = new HashMap<>();
    for (Diagram.Node n : diagram.nodes()) {
      ids.put(n.id(), "n" + ids.size());
    }
    StringBuilder out = new StringBuilder("flowchart LR\n");
    Map<String, List<Diagram.Node>> byCluster = diagram.nodesByCluster();
    int cluster = 0;
    for (Diagram.Cluster c : diagram.clusters()) {
      List<Diagram.Node> members = byCluster.getOrDefault(c.id(), List.of());
      if (members.isEmpty()) {
        continue;
      }
      out.append("  subgraph c").append(cluster++).append(" [\"").append(escape(c.label())).append("\"]\n");
      members.forEach(n -> node(out, "    ", ids.get(n.id()), n));
      out.append("  end\n");
    }
    diagram.nodes().stream().filter(n -> n.cluster().isEmpty()).forEach(n -> node(out, "  ", ids.get(n.id()), n));
    List<Integer> failed = new ArrayList<>();
    int index = 0;
    for (Diagram.Edge e : diagram.edges()) {
      String from = ids.get(e.from());
      String to = ids.get(e.to());
      if (from == null || to == null) {
        continue;
      }
      String arrow = e.style() == Diagram.EdgeStyle.NORMAL ? "-->" : "-.->";
      out.append("  ").append(from).append(' ').append(arrow);
      if (!e.label().isEmpty()) {
        out.append("|\"").append(escape(e.label())).append("\"|");
      }
      out.append(' ').append(to).append('\n');
      if (e.style() == Diagram.EdgeStyle.FAILED) {
        failed.add(index);
      }
      index++;
    }
    for (int i : failed) {
      out.append("  linkStyle ").append(i).append(" stroke:#d00,color:#d00\n");
    }
    out.append("  classDef waypoint fill:#fde9c8,stroke:#b86e00\n");
    out.append("  classDef missing fill:#fdd,stroke:#d00,stroke-dasharray:4 3\n");
    for (Diagram.Node n : diagram.nodes()) {
      if (n.kind() == Diagram.NodeKind.WAYPOINT) {
        out.append("  class ").append(ids.get(n.id())).append(" waypoint\n");
      } else if (n.kind() == Diagram.NodeKind.OTHER) {
        out.append("  class ").append(ids.get(n.id())).append(" missing\n");
      }
    }
    return out.toString();
  }

  private static void node(StringBuilder out, String indent, String id, Diagram.Node n) {
    String label = "\"" + escape(n.label()) + "\"";
    String shape = switch (n.kind()) {
      case WAYPOINT, GATEWAY -> "{{" + label + "}}";
      case WORKLOAD -> "(" + label + ")";
      case SERVICE_ENTRY -> "[[" + label + "]]";
      default -> "[" + label + "]";
    };
    out.append(indent).append(id).append(shape).append('\n');
  }

  /** Longest label drawn, in code points: Mermaid refuses a text over 50,000 characters, and long labels are unreadable. */
  static final int MAX_LABEL_CHARS = 200;

  /**
   * A label's text inside its quotes: Mermaid entity codes for what could end the quotes or the label, start an
   * entity or a directive ({@code %%{init}%%}), or be read as HTML or Markdown ({@link Escape#mermaidLabel});
   * cut at {@link #MAX_LABEL_CHARS} with an ellipsis.
   */
  static String escape(String text) {
    String label = text.length() <= MAX_LABEL_CHARS || text.codePointCount(0, text.length()) <= MAX_LABEL_CHARS
        ? text : text.substring(0, text.offsetByCodePoints(0, MAX_LABEL_CHARS - 1)) + "\u2026";
    return Escape.mermaidLabel(label);
  }
}
