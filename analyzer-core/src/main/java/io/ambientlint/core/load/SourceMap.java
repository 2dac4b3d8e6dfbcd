package io.ambientlint.core.load;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each node of one YAML/JSON document stands in its file, keyed by JSON pointer
 * ({@code /spec/parentRefs/1/port}). A pointer to a node that is absent falls back to its nearest present
 * ancestor, so a rule can point at "the port that should be here" and land on the parentRef.
 */
public final class SourceMap {

  private final Map<String, SourcePosition> positions;

  SourceMap(Map<String, SourcePosition> positions) {
    this.positions = positions;
  }

  public static SourceMap of(Map<String, SourcePosition> positions) {
    return new SourceMap(new HashMap<>(positions));
  }

  /** The position of the node at {@code pointer}, or of its nearest ancestor present in the document. */
  public SourcePosition find(String pointer) {
    String p = pointer;
    while (true) {
      SourcePosition pos = positions.get(p);
      if (pos != null) {
        return pos;
      }
      if (p.isEmpty()) {
        return SourcePosition.FILE_START;
      }
      int slash = p.lastIndexOf('/');
      p = slash <= 0 ? "" : p.substring(0, slash);
    }
  }

  /** True when the node itself (not only an ancestor) is in the document. */
  public boolean contains(String pointer) {
    return positions.containsKey(pointer);
  }

  /** Position of a mapping key (the {@code port:} part rather than its value), where recorded. */
  public SourcePosition findKey(String pointer) {
    SourcePosition key = positions.get(pointer + KEY_SUFFIX);
    return key != null ? key : find(pointer);
  }

  static final String KEY_SUFFIX = "#key";

  public int size() {
    return positions.size();
  }
}
