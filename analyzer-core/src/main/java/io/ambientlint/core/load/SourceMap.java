package io.ambientlint.core.load;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where each node of one YAML/JSON document stands in its file, looked up by JSON pointer
 * ({@code /spec/parentRefs/1/port}). A pointer to a node that is absent falls back to its nearest present
 * ancestor, so a rule can point at "the port that should be here" and land on the parentRef.
 *
 * <p>Stored compactly, because a findings-dense repository keeps the maps of a third of its documents: each node
 * is an int id with its parent, its key (the parser's shared key string) or item index, and eight ints of
 * position, in flat arrays; children are found through one open-addressing table per document. No object per
 * node and no pointer string per node (a pointer string costs the depth times the key length, which deep nesting
 * with long keys turns into more memory than the file has bytes).
 *
 * <p>A document rendered by Kustomize takes its nodes from several files (base, patches, the kustomization):
 * each node then also records its file, and the map keeps the chain of steps that rendered the object.
 */
public final class SourceMap {

  /** Position ints per node: value line, column, end line, end column, then the same for its key. */
  private static final int STRIDE = 8;
  private static final int KEY = 4;
  /** Per process, so that a hostile file cannot choose keys that collide in the child table. */
  private static final long SEED = ThreadLocalRandom.current().nextLong() | 1L;

  private final int nodeCount;
  private final int[] parent;
  /** A mapping child's key, or null for a sequence item (whose index is in {@link #index}). */
  private final String[] key;
  private final int[] index;
  /** Line 0 means "no position recorded". */
  private final int[] positions;
  /** Node id + 1 by hash of (parent, key or index); 0 is an empty slot. */
  private final int[] table;
  private final int size;
  /** For a rendered document: the file of each node and of its key, when it differs from the document's. */
  private final String[] file;
  private final String[] keyFile;
  private final List<RenderStep> renderChain;

  private SourceMap(Builder b, String[] file, String[] keyFile, List<RenderStep> renderChain) {
    this.nodeCount = b.count;
    this.parent = Arrays.copyOf(b.parent, b.count);
    this.key = Arrays.copyOf(b.key, b.count);
    this.index = Arrays.copyOf(b.index, b.count);
    this.positions = Arrays.copyOf(b.positions, b.count * STRIDE);
    this.table = b.table;
    this.size = b.positionCount;
    this.file = file;
    this.keyFile = keyFile;
    this.renderChain = renderChain;
  }

  /** One step that made a rendered object what it is: its base file, a patch applied, the kustomization. */
  public record RenderStep(String path, SourcePosition position, String message) {}

  /**
   * Builds one document's map node by node, in the order the parser meets them. Node 0 is the document's
   * root. A key that repeats in one mapping starts a fresh node that replaces the earlier one, as the later
   * value replaces the earlier in the tree.
   */
  static final class Builder {
    private int count = 1;
    private int[] parent = new int[16];
    private String[] key = new String[16];
    private int[] index = new int[16];
    private int[] positions = new int[16 * STRIDE];
    private int[] table = new int[32];
    private int positionCount;
    /** Lines of the file above the text being parsed, added to every line recorded. */
    private final int linesAbove;

    Builder() {
      this(0);
    }

    Builder(int linesAbove) {
      this.linesAbove = linesAbove;
      parent[0] = -1;
      index[0] = -1;
    }

    static final int ROOT = 0;

    /** A fresh child of {@code of} under {@code childKey}, replacing an earlier one with the same key. */
    int replaceChild(int of, String childKey) {
      return add(of, childKey, -1, true);
    }

    /** The child of {@code of} under {@code childKey}, created empty if absent. */
    int child(int of, String childKey) {
      int slot = slotOf(of, childKey, -1);
      return table[slot] != 0 ? table[slot] - 1 : add(of, childKey, -1, false);
    }

    /** Item {@code i} of the sequence {@code of}. */
    int item(int of, int i) {
      return add(of, null, i, true);
    }

    void position(int node, SourcePosition p) {
      set(node, 0, p);
    }

    void keyPosition(int node, SourcePosition p) {
      set(node, KEY, p);
    }

    boolean hasPosition(int node) {
      return positions[node * STRIDE] != 0;
    }

    private void set(int node, int at, SourcePosition p) {
      int o = node * STRIDE + at;
      if (positions[o] == 0) {
        positionCount++;
      }
      positions[o] = p.line() + linesAbove;
      positions[o + 1] = p.column();
      positions[o + 2] = p.endLine() + linesAbove;
      positions[o + 3] = p.endColumn();
    }

    private int add(int of, String childKey, int i, boolean replace) {
      if (count == parent.length) {
        int n = count * 2;
        parent = Arrays.copyOf(parent, n);
        key = Arrays.copyOf(key, n);
        index = Arrays.copyOf(index, n);
        positions = Arrays.copyOf(positions, n * STRIDE);
      }
      int id = count++;
      parent[id] = of;
      key[id] = childKey;
      index[id] = i;
      if (count * 2 > table.length) {
        rehash();
      }
      int slot = slotOf(of, childKey, i);
      if (replace || table[slot] == 0) {
        table[slot] = id + 1;
      }
      return id;
    }

    /** The slot of (of, key or index): the one holding that child, else the empty one where it would go. */
    private int slotOf(int of, String childKey, int i) {
      return SourceMap.slotOf(table, parent, key, index, of, childKey, i);
    }

    private void rehash() {
      int[] old = table;
      table = new int[old.length * 2];
      for (int entry : old) {
        if (entry != 0) {
          int n = entry - 1;
          table[slotOf(parent[n], key[n], index[n])] = entry;
        }
      }
    }

    SourceMap build() {
      return new SourceMap(this, null, null, List.of());
    }
  }

  private static int slotOf(int[] table, int[] parent, String[] key, int[] index, int of, String childKey, int i) {
    int mask = table.length - 1;
    int slot = (int) hash(of, childKey, i) & mask;
    while (true) {
      int entry = table[slot];
      if (entry == 0) {
        return slot;
      }
      int n = entry - 1;
      if (parent[n] == of && index[n] == i && (childKey == null ? key[n] == null : childKey.equals(key[n]))) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  private static long hash(int of, String childKey, int i) {
    long h = SEED ^ (of * 0x9E3779B97F4A7C15L);
    if (childKey == null) {
      h = mix(h ^ i);
    } else {
      for (int c = 0; c < childKey.length(); c++) {
        h = (h ^ childKey.charAt(c)) * 0xBF58476D1CE4E5B9L;
      }
      h = mix(h ^ childKey.length());
    }
    return h ^ (h >>> 32);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * The map of a rendered document whose nodes come from several files ({@code files} has the same keys as
   * {@code positions}), with the chain of steps that rendered it.
   */
  public static SourceMap rendered(Map<String, SourcePosition> positions, Map<String, String> files,
      List<RenderStep> renderChain) {
    Builder b = new Builder();
    String[][] fileOf = new String[2][];
    int[] nodes = new int[positions.size()];
    boolean[] isKey = new boolean[positions.size()];
    String[] nodeFiles = new String[positions.size()];
    int k = 0;
    for (Map.Entry<String, SourcePosition> e : positions.entrySet()) {
      String pointer = e.getKey();
      isKey[k] = pointer.endsWith(KEY_SUFFIX);
      nodes[k] = fill(b, pointer, e.getValue(), isKey[k]);
      nodeFiles[k] = files.get(pointer);
      k++;
    }
    fileOf[0] = new String[b.count];
    fileOf[1] = new String[b.count];
    for (int j = 0; j < k; j++) {
      fileOf[isKey[j] ? 1 : 0][nodes[j]] = nodeFiles[j];
    }
    return new SourceMap(b, fileOf[0], fileOf[1], List.copyOf(renderChain));
  }

  /** A map from pointers ({@code /a/0/b}, and {@code /a#key} for a key's position), for tests and callers outside. */
  public static SourceMap of(Map<String, SourcePosition> positions) {
    Builder b = new Builder();
    for (Map.Entry<String, SourcePosition> e : positions.entrySet()) {
      fill(b, e.getKey(), e.getValue(), e.getKey().endsWith(KEY_SUFFIX));
    }
    return b.build();
  }

  private static int fill(Builder b, String pointer, SourcePosition position, boolean isKey) {
    String path = isKey ? pointer.substring(0, pointer.length() - KEY_SUFFIX.length()) : pointer;
    int n = Builder.ROOT;
    if (!path.isEmpty()) {
      for (String token : path.substring(1).split("/", -1)) {
        n = b.child(n, unescape(token));
      }
    }
    if (isKey) {
      b.keyPosition(n, position);
    } else {
      b.position(n, position);
    }
    return n;
  }

  static SourceMap empty() {
    return new Builder().build();
  }

  /** The file that holds the node {@link #find} returns for {@code pointer}; {@code documentPath} for a plain file. */
  public String fileAt(String pointer, String documentPath) {
    if (file == null) {
      return documentPath;
    }
    int found = deepest(pointer, false);
    return found < 0 || file[found] == null ? documentPath : file[found];
  }

  /** As {@link #fileAt}, for the position {@link #findKey} returns. */
  public String keyFileAt(String pointer, String documentPath) {
    if (file == null) {
      return documentPath;
    }
    int n = deepest(pointer, true);
    return n >= 0 && has(n, KEY) && keyFile[n] != null ? keyFile[n] : fileAt(pointer, documentPath);
  }

  /** Empty for a document read as it is from one file. */
  public List<RenderStep> renderChain() {
    return renderChain;
  }

  /** The position of the node at {@code pointer}, or of its nearest ancestor present in the document. */
  public SourcePosition find(String pointer) {
    int found = deepest(pointer, false);
    return found < 0 || !has(found, 0) ? SourcePosition.FILE_START : at(found, 0);
  }

  /** True when the node itself (not only an ancestor) is in the document. */
  public boolean contains(String pointer) {
    int n = deepest(pointer, true);
    return n >= 0 && has(n, 0);
  }

  /** Position of a mapping key (the {@code port:} part rather than its value), where recorded. */
  public SourcePosition findKey(String pointer) {
    int n = deepest(pointer, true);
    return n >= 0 && has(n, KEY) ? at(n, KEY) : find(pointer);
  }

  private boolean has(int node, int at) {
    return positions[node * STRIDE + at] != 0;
  }

  private SourcePosition at(int node, int at) {
    int o = node * STRIDE + at;
    return new SourcePosition(positions[o], positions[o + 1], positions[o + 2], positions[o + 3]);
  }

  /**
   * The node at {@code pointer}; when {@code exact} is false, else its deepest ancestor with a position (-1
   * when there is none). Reads the pointer token by token.
   */
  private int deepest(String pointer, boolean exact) {
    int n = Builder.ROOT;
    int best = has(n, 0) ? n : -1;
    int i = 0;
    while (i < pointer.length()) {
      if (pointer.charAt(i) != '/') {
        return exact ? -1 : best;
      }
      int end = pointer.indexOf('/', i + 1);
      if (end < 0) {
        end = pointer.length();
      }
      int child = child(n, unescape(pointer.substring(i + 1, end)));
      if (child < 0 || (!exact && !has(child, 0))) {
        return exact ? -1 : best;
      }
      n = child;
      best = child;
      i = end;
    }
    return n;
  }

  /** The child under a mapping key, else (for a token that is an index) the sequence item; -1 if none. */
  private int child(int of, String token) {
    int entry = table[slotOf(table, parent, key, index, of, token, -1)];
    if (entry != 0) {
      return entry - 1;
    }
    int item = indexOf(token);
    if (item < 0) {
      return -1;
    }
    entry = table[slotOf(table, parent, key, index, of, null, item)];
    return entry - 1;
  }

  /** The index a pointer token names ({@code 0}, {@code 12}; not {@code 012}), or -1. */
  private static int indexOf(String token) {
    int n = token.length();
    if (n == 0 || n > 9 || (n > 1 && token.charAt(0) == '0')) {
      return -1;
    }
    int value = 0;
    for (int c = 0; c < n; c++) {
      char ch = token.charAt(c);
      if (ch < '0' || ch > '9') {
        return -1;
      }
      value = value * 10 + (ch - '0');
    }
    return value;
  }

  private static String unescape(String token) {
    return token.indexOf('~') < 0 ? token : token.replace("~1", "/").replace("~0", "~");
  }

  public static final String KEY_SUFFIX = "#key";

  /** How many positions are recorded (nodes and keys). */
  public int size() {
    return size;
  }

  /** How many nodes the map holds (for tests of its footprint). */
  int nodeCount() {
    return nodeCount;
  }
}
