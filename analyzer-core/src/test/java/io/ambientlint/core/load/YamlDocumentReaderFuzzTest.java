package io.ambientlint.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the YAML-to-source-map layer: whatever the text, reading it never throws, and every node of every
 * document it yields, and every diagnostic, has a recorded position inside the text. Regression inputs (the
 * seeds and every input that once failed) live in {@code YamlDocumentReaderFuzzTestInputs/<method>/}.
 */
class YamlDocumentReaderFuzzTest {

  /** Small limits so the fuzzer reaches them with inputs of a few kilobytes. */
  private static final LoadLimits LIMITS = new LoadLimits(64 * 1024, 10, 32, 50, 5_000);

  @FuzzTest(maxDuration = "30s")
  void everyPointerHasAPositionInsideTheInput(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    TextBounds bounds = new TextBounds(text);
    YamlDocumentReader reader = new YamlDocumentReader(LIMITS);
    YamlDocumentReader.Result result = reader.read("fuzz.yaml", text);
    // Source maps come from a second, precise pass over the same text: it must agree on every document.
    List<SourceMap> maps = reader.sourceMaps("fuzz.yaml", text);
    for (YamlDocumentReader.ParsedDocument document : result.documents()) {
      bounds.check(document.position(), "document " + document.index());
      assertThat(maps.size()).isGreaterThan(document.index());
      // Without aliases every node has a position of its own; with them, an alias's position stands for the
      // nodes it shares (and the anchor's own site may be gone, replaced by a repeated key: found by fuzzing).
      boolean aliasFree = text.indexOf('*') < 0;
      checkTree(document.root(), "", maps.get(document.index()), bounds, 0, new IdentityHashMap<>(), !aliasFree);
    }
    for (Diagnostic diagnostic : result.diagnostics()) {
      assertThat(diagnostic.path()).isEqualTo("fuzz.yaml");
      assertThat(diagnostic.message()).isNotBlank();
      bounds.check(diagnostic.position(), diagnostic.toString());
    }
  }

  /**
   * A document whose map is made from its own piece of the file (cut at the {@code ---} lines) has exactly the
   * positions the whole file's parse gives it, for every node and key.
   */
  @FuzzTest(maxDuration = "30s")
  void aDocumentParsedOnItsOwnHasTheWholeFilesPositions(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    YamlDocumentReader reader = new YamlDocumentReader(LIMITS);
    YamlDocumentReader.Result result = reader.read("fuzz.yaml", text);
    if (!result.diagnostics().isEmpty() || result.documents().size() < 2) {
      return; // the cut is used only for files of several documents that read without a problem
    }
    List<SourceMap> whole = reader.sourceMaps("fuzz.yaml", text);
    SourceText source = new SourceText("fuzz.yaml", text, LIMITS, result.documents().size());
    for (YamlDocumentReader.ParsedDocument document : result.documents()) {
      SourceMap own = source.sourceMap(document.index(), document.root(), "");
      samePositions(document.root(), "", own, whole.get(document.index()), 0);
    }
  }

  static void samePositions(JsonNode node, String pointer, SourceMap actual, SourceMap expected, int depth) {
    if (depth > LIMITS.maxDepth() + 1) {
      return; // an alias repeats a tree: its nodes are checked once, where it is defined
    }
    assertThat(actual.find(pointer)).as(pointer).isEqualTo(expected.find(pointer));
    assertThat(actual.findKey(pointer)).as(pointer + " (key)").isEqualTo(expected.findKey(pointer));
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        samePositions(field.getValue(), JsonPointers.child(pointer, field.getKey()), actual, expected, depth + 1);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        samePositions(node.get(i), JsonPointers.child(pointer, i), actual, expected, depth + 1);
      }
    }
  }

  /**
   * Every node resolves to a position inside the text; outside aliases (and when {@code insideAlias} is not
   * already set) it must be recorded for the node itself. Inside an alias (the anchored tree, shared by
   * identity) the alias's own position stands for its descendants, which is where {@link SourceMap#find}
   * falls back to.
   */
  private static void checkTree(JsonNode node, String pointer, SourceMap map, TextBounds bounds, int depth,
      Map<JsonNode, Boolean> seen, boolean insideAlias) {
    assertThat(depth).isLessThanOrEqualTo(LIMITS.maxDepth() + 1);
    boolean aliased = insideAlias || node.isContainerNode() && seen.put(node, Boolean.TRUE) != null;
    if (!insideAlias) {
      assertThat(map.contains(pointer)).as("position recorded for %s", pointer).isTrue();
    }
    bounds.check(map.find(pointer), pointer);
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        String child = JsonPointers.child(pointer, field.getKey());
        bounds.check(map.findKey(child), child + " (key)");
        checkTree(field.getValue(), child, map, bounds, depth + 1, seen, aliased);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        checkTree(node.get(i), JsonPointers.child(pointer, i), map, bounds, depth + 1, seen, aliased);
      }
    }
  }

  /**
   * The lines of the text as YAML counts them (line breaks are LF, CR LF and lone CR) and their lengths in
   * code points; a position may be one past the end of a line, or column 1 of the line after the last break.
   */
  static final class TextBounds {
    private final int[] lineLengths;

    TextBounds(String text) {
      java.util.List<Integer> lengths = new java.util.ArrayList<>();
      int length = 0;
      for (int i = 0; i < text.length(); ) {
        int c = text.codePointAt(i);
        i += Character.charCount(c);
        if (c == '\n' || c == '\r') {
          if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
            i++;
          }
          lengths.add(length);
          length = 0;
        } else {
          length++;
        }
      }
      lengths.add(length);
      lineLengths = lengths.stream().mapToInt(Integer::intValue).toArray();
    }

    void check(SourcePosition p, String what) {
      checkPoint(p.line(), p.column(), what + " start " + p);
      checkPoint(p.endLine(), p.endColumn(), what + " end " + p.endLine() + ":" + p.endColumn());
      assertThat(p.endLine() > p.line() || p.endLine() == p.line() && p.endColumn() >= p.column())
          .as("%s: end %d:%d before start %s", what, p.endLine(), p.endColumn(), p).isTrue();
    }

    private void checkPoint(int line, int column, String what) {
      assertThat(line).as(what).isBetween(1, lineLengths.length);
      assertThat(column).as(what).isBetween(1, lineLengths[line - 1] + 1);
    }
  }
}
