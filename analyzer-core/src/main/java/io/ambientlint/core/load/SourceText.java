package io.ambientlint.core.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One file's text, and the source maps of its documents, computed on first use: positions are needed only
 * for the few documents a finding points into, so the loader does not record them for every node.
 *
 * <p>In a file of several documents, only the document asked for is parsed again: the text is cut at its
 * {@code ---} lines, which in a file that read without a problem start exactly one document each (a line that
 * begins with {@code ---} ends any scalar or collection of a document whose root is a mapping or sequence).
 * The cut is used only when the pieces match the documents one to one and the piece parsed has the shape of
 * the document asked for; otherwise the whole file is parsed again, as before.
 */
public final class SourceText {

  private final String path;
  private final String text;
  private final LoadLimits limits;
  /** Documents the file holds when it read without a problem; -1 when not known. */
  private final int documentCount;
  private volatile List<SourceMap> maps;
  /** Guarded by this: maps of single documents parsed on their own, and where the documents start. */
  private SourceMap[] documentMaps;
  private DocumentStarts starts;

  /** The maps of documents that are not read from one text (a rendered Kustomize object, say). */
  public SourceText(String path, List<SourceMap> maps) {
    this(path, "", LoadLimits.DEFAULTS, -1);
    this.maps = List.copyOf(maps);
  }

  public SourceText(String path, String text, LoadLimits limits) {
    this(path, text, limits, -1);
  }

  /** {@code documentCount}: how many documents the text held when it read without any diagnostic. */
  public SourceText(String path, String text, LoadLimits limits, int documentCount) {
    this.path = path;
    this.text = text;
    this.limits = limits;
    this.documentCount = documentCount;
  }

  /** Whether the whole file has been parsed again for its maps (for tests: single documents should not need it). */
  boolean wholeFileParsed() {
    return maps != null;
  }

  /** The source map of document {@code index}, from a parse of the whole file (empty when it could not be read). */
  private SourceMap sourceMap(int index) {
    List<SourceMap> m = maps;
    if (m == null) {
      synchronized (this) {
        m = maps;
        if (m == null) {
          m = List.copyOf(new YamlDocumentReader(limits).sourceMaps(path, text));
          maps = m;
        }
      }
    }
    return index < m.size() ? m.get(index) : SourceMap.empty();
  }

  /**
   * The source map of document {@code index}, whose tree is {@code root} (the node at {@code pointerPrefix} of
   * the document, for an item of a List): parsed on its own when the file holds several documents.
   */
  public SourceMap sourceMap(int index, JsonNode root, String pointerPrefix) {
    if (maps == null && documentCount > 1 && index < documentCount) {
      SourceMap own = documentMap(index, root, pointerPrefix);
      if (own != null) {
        return own;
      }
    }
    return sourceMap(index);
  }

  private synchronized SourceMap documentMap(int index, JsonNode root, String pointerPrefix) {
    if (starts == null) {
      starts = DocumentStarts.of(text);
      documentMaps = new SourceMap[documentCount];
    }
    if (documentMaps[index] != null) {
      return documentMaps[index];
    }
    int piece = index + starts.firstPiece();
    if (starts.pieces() - starts.firstPiece() != documentCount) {
      return null;
    }
    String part = text.substring(starts.offset(piece), piece + 1 < starts.pieces() ? starts.offset(piece + 1) : text.length());
    Optional<YamlDocumentReader.DocumentMap> parsed = new YamlDocumentReader(limits).documentMap(path, part, starts.line(piece));
    if (parsed.isEmpty() || !sameShape(parsed.get().shape().at(pointerPrefix), root)) {
      return null;
    }
    documentMaps[index] = parsed.get().map();
    return documentMaps[index];
  }

  /** Same keys in the same order and lists of the same length, all the way down; scalars are not compared. */
  static boolean sameShape(JsonNode a, JsonNode b) {
    if (a.isObject() != b.isObject() || a.isArray() != b.isArray() || a.size() != b.size()) {
      return false;
    }
    if (a.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> ia = a.fields();
      Iterator<Map.Entry<String, JsonNode>> ib = b.fields();
      while (ia.hasNext()) {
        Map.Entry<String, JsonNode> ea = ia.next();
        Map.Entry<String, JsonNode> eb = ib.next();
        if (!ea.getKey().equals(eb.getKey()) || !sameShape(ea.getValue(), eb.getValue())) {
          return false;
        }
      }
    } else if (a.isArray()) {
      for (int i = 0; i < a.size(); i++) {
        if (!sameShape(a.get(i), b.get(i))) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Where the pieces of a text cut at its {@code ---} lines start: piece 0 is what comes before the first such
   * line and holds a document only if it has content (not just blank lines, comments, directives or
   * {@code ...}).
   */
  record DocumentStarts(int[] offsets, int[] lines, int firstPiece) {

    int pieces() {
      return offsets.length;
    }

    int offset(int piece) {
      return offsets[piece];
    }

    int line(int piece) {
      return lines[piece];
    }

    /** Line breaks as snakeyaml counts them: LF, CR LF, and a CR not followed by LF. */
    static DocumentStarts of(String text) {
      int n = text.length();
      int[] offsets = new int[8];
      int[] lines = new int[8];
      int pieces = 1;
      boolean contentBeforeFirst = false;
      int line = 0;
      int i = 0;
      while (i < n) {
        int end = i;
        while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
          end++;
        }
        if (isDocumentStart(text, i, end)) {
          if (pieces == offsets.length) {
            offsets = java.util.Arrays.copyOf(offsets, pieces * 2);
            lines = java.util.Arrays.copyOf(lines, pieces * 2);
          }
          offsets[pieces] = i;
          lines[pieces] = line;
          pieces++;
        } else if (pieces == 1 && hasContent(text, i, end)) {
          contentBeforeFirst = true;
        }
        if (end < n && text.charAt(end) == '\r' && end + 1 < n && text.charAt(end + 1) == '\n') {
          end++;
        }
        i = end + 1;
        line++;
      }
      return new DocumentStarts(java.util.Arrays.copyOf(offsets, pieces), java.util.Arrays.copyOf(lines, pieces),
          contentBeforeFirst ? 0 : 1);
    }

    private static boolean isDocumentStart(String text, int start, int end) {
      return text.startsWith("---", start) && (start + 3 == end || text.charAt(start + 3) == ' '
          || text.charAt(start + 3) == '\t');
    }

    private static boolean hasContent(String text, int start, int end) {
      int i = start;
      while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\uFEFF')) {
        i++;
      }
      if (i == end || text.charAt(i) == '#' || (i == start && text.charAt(i) == '%')) {
        return false;
      }
      return !(text.startsWith("...", i) && text.substring(i + 3, end).isBlank());
    }
  }
}
