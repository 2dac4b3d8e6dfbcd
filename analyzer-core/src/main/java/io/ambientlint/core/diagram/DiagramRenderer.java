package io.ambientlint.core.diagram;

/** Turns a {@link Diagram} into text: Mermaid, Graphviz dot or JSON. Output is deterministic. */
public interface DiagramRenderer {
  String render(Diagram diagram);

  /** The renderer for a format name: {@code mermaid}, {@code dot} or {@code json}. */
  static DiagramRenderer forFormat(String format) {
    return switch (format) {
      case "mermaid" -> new MermaidRenderer();
      case "dot" -> new DotRenderer();
      case "json" -> new JsonRenderer();
      default -> throw new IllegalArgumentException("unknown diagram format " + format);
    };
  }
}
