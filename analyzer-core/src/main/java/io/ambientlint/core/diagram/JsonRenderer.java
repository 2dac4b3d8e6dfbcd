package io.ambientlint.core.diagram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** The diagram as JSON: {@code clusters}, {@code nodes} (with {@code source} file:line:col) and {@code edges}. */
public final class JsonRenderer implements DiagramRenderer {

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public String render(Diagram diagram) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode clusters = root.putArray("clusters");
    diagram.clusters().forEach(c -> clusters.addObject().put("id", c.id()).put("label", c.label()));
    ArrayNode nodes = root.putArray("nodes");
    for (Diagram.Node n : diagram.nodes()) {
      ObjectNode o = nodes.addObject().put("id", n.id()).put("label", n.label()).put("kind", n.kind().name().toLowerCase(Locale.ROOT));
      n.cluster().ifPresent(c -> o.put("cluster", c));
      n.source().ifPresent(s -> o.put("source", s.toString()));
    }
    ArrayNode edges = root.putArray("edges");
    diagram.edges().forEach(e -> edges.addObject().put("from", e.from()).put("to", e.to()).put("label", e.label())
        .put("style", e.style().name().toLowerCase(Locale.ROOT)));
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
