package io.ambientlint.core.load;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each node of one YAML/JSON document stands in its file, keyed by JSON pointer
 * ({@code /spec/parentRefs/1/port}). A pointer to a node that is absent falls back to its nearest present
 * ancestor, so a rule can point at "the port that should be here" and land on the parentRef.
 */
public final class SourceMap {

  private final Map<String, SourcePosition> positions;
  /** For a rendered document (Kustomize): the file of each node, which may differ from node to node. */
  private final Map<String, String> files;
  private final List<RenderStep> renderChain;

  SourceMap(Map<String, SourcePosition> positions) {
    this(positions, Map.of(), List.of());
  }

  private SourceMap(Map<String, SourcePosition> positions, Map<String, String> files, List<RenderStep> renderChain) {
    this.positions = positions;
    this.files = files;
    this.renderChain = renderChain;
  }

  /** One step that made a rendered object what it is: its base file, a patch applied, the kustomization. */
  public record RenderStep(String path, SourcePosition position, String message) {}

  /**
   * The map of a rendered document whose nodes come from several files ({@code files} has the same keys as
   * {@code positions}), with the chain of steps that rendered it.
   */
  public static SourceMap rendered(Map<String, SourcePosition> positions, Map<String, String> files,
      List<RenderStep> renderChain) {
    return new SourceMap(new HashMap<>(positions), new HashMap<>(files), List.copyOf(renderChain));
  }

  /** The file that holds the node {@link #find} returns for {@code pointer}; {@code documentPath} for a plain file. */
  public String fileAt(String pointer, String documentPath) {
    if (files.isEmpty()) {
      return documentPath;
    }
    String p = pointer;
    while (true) {
      if (positions.containsKey(p)) {
        return files.getOrDefault(p, documentPath);
      }
      if (p.isEmpty()) {
        return documentPath;
      }
      int slash = p.lastIndexOf('/');
      p = slash <= 0 ? "" : p.substring(0, slash);
    }
  }

  /** As {@link #fileAt}, for the position {@link #findKey} returns. */
  public String keyFileAt(String pointer, String documentPath) {
    String key = files.get(pointer + KEY_SUFFIX);
    return key != null ? key : fileAt(pointer, documentPath);
  }

  /** Empty for a document read as it is from one file. */
  public List<RenderStep> renderChain() {
    return renderChain;
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

  public static final String KEY_SUFFIX = "#key";

  public int size() {
    return positions.size();
  }
}
