package io.ambientlint.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Source maps of single documents of a multi-document file, made from their own piece of the text. */
class SourceTextTest {

  private static final String FILE = """
      # Services of team a
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: first
      --- # the second
      apiVersion: v1
      kind: List
      items:
      - kind: Service
        metadata:
          name: second
      ---
      kind: Service
      metadata:
        name: third
        annotations:
          note: |
            a block scalar
      """;

  private static SourceText read(String text, List<YamlDocumentReader.ParsedDocument> into) {
    YamlDocumentReader.Result result = new YamlDocumentReader(LoadLimits.DEFAULTS).read("team-a.yaml", text);
    assertThat(result.diagnostics()).isEmpty();
    into.addAll(result.documents());
    return new SourceText("team-a.yaml", text, LoadLimits.DEFAULTS, result.documents().size());
  }

  @Test
  void eachDocumentIsParsedAloneAndKeepsTheFilesLineNumbers() {
    List<YamlDocumentReader.ParsedDocument> documents = new java.util.ArrayList<>();
    SourceText source = read(FILE, documents);
    JsonNode third = documents.get(2).root();
    assertThat(source.sourceMap(2, third, "").find("/metadata/annotations/note"))
        .isEqualTo(new SourcePosition(19, 11, 21, 1));
    JsonNode item = documents.get(1).root().at("/items/0");
    assertThat(source.sourceMap(1, item, "/items/0").find("/items/0/metadata/name"))
        .isEqualTo(new SourcePosition(13, 11, 13, 17));
    assertThat(source.sourceMap(0, documents.get(0).root(), "").findKey("/metadata/name"))
        .isEqualTo(new SourcePosition(6, 3, 6, 7));
    assertThat(source.wholeFileParsed()).as("no document needed the whole file parsed again").isFalse();
  }

  @Test
  void aTreeThatIsNotTheDocumentsShapeFallsBackToTheWholeFile() {
    List<YamlDocumentReader.ParsedDocument> documents = new java.util.ArrayList<>();
    SourceText source = read(FILE, documents);
    // A document changed after reading (a substituted variable that became a mapping, say) no longer matches its piece.
    JsonNode changed = documents.get(2).root().deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) changed).put("extra", "x");
    assertThat(source.sourceMap(2, changed, "").find("/metadata/name")).isEqualTo(new SourcePosition(17, 9, 17, 14));
    assertThat(source.wholeFileParsed()).isTrue();
  }

  @Test
  void piecesThatDoNotMatchTheDocumentsOneToOneFallBackToTheWholeFile() {
    // Told the file holds one document more than it has pieces: the cut cannot say which piece is which.
    String text = "a: 1\n---\nc: 3\n";
    List<YamlDocumentReader.ParsedDocument> documents = new java.util.ArrayList<>();
    read(text, documents);
    SourceText source = new SourceText("team-a.yaml", text, LoadLimits.DEFAULTS, 3);
    assertThat(source.sourceMap(1, documents.get(1).root(), "").find("/c")).isEqualTo(new SourcePosition(3, 4, 3, 5));
    assertThat(source.wholeFileParsed()).isTrue();
  }

  @Test
  void theDocumentStartsAreTheDashLinesAndContentBeforeTheFirstCounts() {
    SourceText.DocumentStarts starts = SourceText.DocumentStarts.of("# only a comment\n%YAML 1.2\n---\na: 1\r\n---\tx\n----\n---");
    assertThat(starts.offsets()).containsExactly(0, 27, 37, 48);
    assertThat(starts.lines()).containsExactly(0, 2, 4, 6);
    assertThat(starts.firstPiece()).isEqualTo(1);
    assertThat(SourceText.DocumentStarts.of("a: 1\n---\nb: 2\n").firstPiece()).isZero();
  }
}
