package io.ambientlint.core.load;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each node of one YAML/JSON document stands in its file, looked up by JSON pointer
 * ({@code /spec/parentRefs/1/port}). A pointer to a node that is absent falls back to its nearest present
 * ancestor, so a rule can point at "the port that should be here" and land on the parentRef.
 *
 * <p>Stored as a tree shaped like the document (a child per key or index), not as a map from pointer strings:
 * a pointer string per node costs the depth times the key length, which deep nesting with long keys turns
 * into more memory than the file has bytes.
 *
 * <p>A document rendered by Kustomize takes its nodes from several files (base, patches, the kustomization):
 * each node then also records its file, and the map keeps the chain of steps that rendered the object.
 */
public final class SourceMap {

  /** One node: its position, its key's position (in a mapping), and its children by key or index. */
  static final class Node {
    SourcePosition position;
    SourcePosition keyPosition;
    /** For a rendered document: the file of the node and of its key, when it differs from the document's. */
    String file;
    String keyFile;
    private Map<String, Node> children;

    /** The child under {@code key} (an index as text in a sequence), created empty if absent. */
    Node child(String key) {
      if (children == null) {
        children = new HashMap<>(4);
      }
      return children.computeIfAbsent(key, k -> new Node());
    }

    /** A fresh child, replacing what a repeated key recorded before (the later value wins, as in the tree). */
    Node replaceChild(String key) {
      if (children == null) {
        children = new HashMap<>(4);
      }
      Node n = new Node();
      children.put(key, n);
      return n;
    }

    Node get(String key) {
      return children == null ? null : children.get(key);
    }
  }

  private final Node root;
  private final int size;
  private final boolean rendered;
  private final List<RenderStep> renderChain;

  SourceMap(Node root, int size) {
    this(root, size, false, List.of());
  }

  private SourceMap(Node root, int size, boolean rendered, List<RenderStep> renderChain) {
    this.root = root;
    this.size = size;
    this.rendered = rendered;
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
    Node root = new Node();
    for (Map.Entry<String, SourcePosition> e : positions.entrySet()) {
      String pointer = e.getKey();
      boolean key = pointer.endsWith(KEY_SUFFIX);
      Node n = nodeAt(root, key ? pointer.substring(0, pointer.length() - KEY_SUFFIX.length()) : pointer);
      if (key) {
        n.keyPosition = e.getValue();
        n.keyFile = files.get(pointer);
      } else {
        n.position = e.getValue();
        n.file = files.get(pointer);
      }
    }
    return new SourceMap(root, positions.size(), true, List.copyOf(renderChain));
  }

  private static Node nodeAt(Node root, String path) {
    Node n = root;
    if (!path.isEmpty()) {
      for (String token : path.substring(1).split("/", -1)) {
        n = n.child(unescape(token));
      }
    }
    return n;
  }

  /** The file that holds the node {@link #find} returns for {@code pointer}; {@code documentPath} for a plain file. */
  public String fileAt(String pointer, String documentPath) {
    if (!rendered) {
      return documentPath;
    }
    Node found = deepest(pointer, false);
    return found == null || found.file == null ? documentPath : found.file;
  }

  /** As {@link #fileAt}, for the position {@link #findKey} returns. */
  public String keyFileAt(String pointer, String documentPath) {
    if (!rendered) {
      return documentPath;
    }
    Node n = deepest(pointer, true);
    return n != null && n.keyPosition != null && n.keyFile != null ? n.keyFile : fileAt(pointer, documentPath);
  }

  /** Empty for a document read as it is from one file. */
  public List<RenderStep> renderChain() {
    return renderChain;
  }

  /** A map from pointers ({@code /a/0/b}, and {@code /a#key} for a key's position), for tests and callers outside. */
  public static SourceMap of(Map<String, SourcePosition> positions) {
    Node root = new Node();
    for (Map.Entry<String, SourcePosition> e : positions.entrySet()) {
      String pointer = e.getKey();
      boolean key = pointer.endsWith(KEY_SUFFIX);
      Node n = nodeAt(root, key ? pointer.substring(0, pointer.length() - KEY_SUFFIX.length()) : pointer);
      if (key) {
        n.keyPosition = e.getValue();
      } else {
        n.position = e.getValue();
      }
    }
    return new SourceMap(root, positions.size());
  }

  static SourceMap empty() {
    return new SourceMap(new Node(), 0);
  }

  /** The position of the node at {@code pointer}, or of its nearest ancestor present in the document. */
  public SourcePosition find(String pointer) {
    Node found = deepest(pointer, false);
    return found == null || found.position == null ? SourcePosition.FILE_START : found.position;
  }

  /** True when the node itself (not only an ancestor) is in the document. */
  public boolean contains(String pointer) {
    Node n = deepest(pointer, true);
    return n != null && n.position != null;
  }

  /** Position of a mapping key (the {@code port:} part rather than its value), where recorded. */
  public SourcePosition findKey(String pointer) {
    Node n = deepest(pointer, true);
    return n != null && n.keyPosition != null ? n.keyPosition : find(pointer);
  }

  /**
   * The node at {@code pointer}; when {@code exact} is false, else its deepest ancestor with a position. Reads
   * the pointer token by token without splitting it into strings up front.
   */
  private Node deepest(String pointer, boolean exact) {
    Node n = root;
    Node best = root.position != null ? root : null;
    int i = 0;
    while (i < pointer.length()) {
      if (pointer.charAt(i) != '/') {
        return exact ? null : best;
      }
      int end = pointer.indexOf('/', i + 1);
      if (end < 0) {
        end = pointer.length();
      }
      Node child = n.get(unescape(pointer.substring(i + 1, end)));
      if (child == null || (!exact && child.position == null)) {
        return exact ? null : best;
      }
      n = child;
      best = child;
      i = end;
    }
    return n;
  }

  private static String unescape(String token) {
    return token.indexOf('~') < 0 ? token : token.replace("~1", "/").replace("~0", "~");
  }

  public static final String KEY_SUFFIX = "#key";

  /** How many positions are recorded (nodes and keys). */
  public int size() {
    return size;
  }
}
