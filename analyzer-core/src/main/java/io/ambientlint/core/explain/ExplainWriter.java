package io.ambientlint.core.explain;

import io.ambientlint.core.model.Location;
import io.ambientlint.core.model.NodeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects what {@code explain} says about one object: titled sections of facts, each fact with the place in
 * the repository that establishes it ({@code file:line:col}), nested by indentation.
 */
public final class ExplainWriter {

  /** One line of the explanation. */
  public record Fact(int depth, String text, Optional<Location> source) {}

  /** A titled group of facts. */
  public record Section(String title, List<Fact> facts) {}

  private final List<Section> sections = new ArrayList<>();
  private List<Fact> current;
  private int depth;

  public ExplainWriter section(String title) {
    current = new ArrayList<>();
    sections.add(new Section(title, current));
    depth = 0;
    return this;
  }

  public ExplainWriter fact(String text) {
    return add(text, Optional.empty());
  }

  public ExplainWriter fact(String text, NodeRef source) {
    return add(text, Optional.of(source.location()));
  }

  public ExplainWriter fact(String text, Location source) {
    return add(text, Optional.ofNullable(source));
  }

  public ExplainWriter fact(String text, Optional<NodeRef> source) {
    return add(text, source.map(NodeRef::location));
  }

  /** Facts written inside {@code body} are nested one level under the previous fact. */
  public ExplainWriter nested(Runnable body) {
    depth++;
    try {
      body.run();
    } finally {
      depth--;
    }
    return this;
  }

  private ExplainWriter add(String text, Optional<Location> source) {
    if (current == null) {
      section("");
    }
    current.add(new Fact(depth, text, source));
    return this;
  }

  public List<Section> sections() {
    return sections.stream().filter(s -> !s.facts().isEmpty()).map(s -> new Section(s.title(), List.copyOf(s.facts()))).toList();
  }

  /** Plain text: a heading per section, facts indented, each followed by its source. */
  public String toText() {
    StringBuilder out = new StringBuilder();
    for (Section s : sections()) {
      if (!s.title().isEmpty()) {
        out.append(s.title()).append('\n');
      }
      for (Fact f : s.facts()) {
        out.append("  ".repeat(f.depth() + 1)).append(f.text());
        f.source().ifPresent(l -> out.append("  (").append(l).append(')'));
        out.append('\n');
      }
    }
    return out.toString();
  }
}
