package io.ambientlint.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlDocumentReaderTest {

  private final YamlDocumentReader reader = new YamlDocumentReader(LoadLimits.DEFAULTS);

  private String lastText;

  private YamlDocumentReader.Result read(String text) {
    lastText = text;
    return reader.read("f.yaml", text);
  }

  /** The source map of a document of the text last read: the precise pass agrees with the fast one. */
  private SourceMap map(int document) {
    return reader.sourceMaps("f.yaml", lastText).get(document);
  }

  @Test
  void positionsInMultiDocumentBlockStyle() {
    YamlDocumentReader.Result r = read("""
        apiVersion: v1
        kind: Service
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        spec:
          parentRefs:
          - name: a
          - name: b
            port: 9080
        """);
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.documents()).hasSize(2);
    SourceMap map = map(1);
    assertThat(map.find("/spec/parentRefs/1/port")).isEqualTo(new SourcePosition(10, 11, 10, 15));
    assertThat(map.find("/spec/parentRefs/1")).extracting(SourcePosition::line, SourcePosition::column).containsExactly(9, 5);
    assertThat(map.findKey("/spec/parentRefs/1/port")).extracting(SourcePosition::line, SourcePosition::column)
        .containsExactly(10, 5);
    // An absent node falls back to its nearest present ancestor.
    assertThat(map.find("/spec/parentRefs/0/port")).isEqualTo(map.find("/spec/parentRefs/0"));
  }

  @Test
  void positionsWithCrlfLineEndings() {
    YamlDocumentReader.Result r = read("apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  name: reviews\r\n");
    assertThat(r.diagnostics()).isEmpty();
    assertThat(map(0).find("/metadata/name"))
        .extracting(SourcePosition::line, SourcePosition::column).containsExactly(4, 9);
    assertThat(r.documents().get(0).root().at("/metadata/name").asText()).isEqualTo("reviews");
  }

  @Test
  void positionsInFlowStyle() {
    YamlDocumentReader.Result r = read("spec: {parentRefs: [{name: a}, {name: b, port: 80}]}\n");
    SourceMap map = map(0);
    assertThat(map.find("/spec/parentRefs/1/port")).extracting(SourcePosition::line, SourcePosition::column)
        .containsExactly(1, 48);
  }

  @Test
  void positionsInJson() {
    YamlDocumentReader.Result r = read("{\n  \"kind\": \"Service\",\n  \"spec\": {\"ports\": [{\"port\": 80}]}\n}\n");
    assertThat(r.diagnostics()).isEmpty();
    assertThat(map(0).find("/spec/ports/0/port"))
        .extracting(SourcePosition::line, SourcePosition::column).containsExactly(3, 31);
    assertThat(r.documents().get(0).root().at("/spec/ports/0/port").isInt()).isTrue();
  }

  @Test
  void scalarsAreTypedByTheCoreSchema() {
    var root = read("a: 1\nb: true\nc: null\nd: \"1\"\ne: 1.5\nf: 0x10\ng: enabled\n").documents().get(0).root();
    assertThat(root.get("a").isInt()).isTrue();
    assertThat(root.get("b").isBoolean()).isTrue();
    assertThat(root.get("c").isNull()).isTrue();
    assertThat(root.get("d").isTextual()).isTrue();
    assertThat(root.get("e").isDouble()).isTrue();
    assertThat(root.get("f").intValue()).isEqualTo(16);
    assertThat(root.get("g").asText()).isEqualTo("enabled");
  }

  @Test
  void duplicateKeysAreReportedAtTheRepeatedKey() {
    YamlDocumentReader.Result r = read("metadata:\n  labels:\n    app: a\n    app: b\n");
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(Diagnostic.Kind.DUPLICATE_KEY);
      assertThat(d.position()).extracting(SourcePosition::line, SourcePosition::column).containsExactly(4, 5);
    });
    assertThat(r.documents().get(0).root().at("/metadata/labels/app").asText()).isEqualTo("b");
  }

  @Test
  void syntaxErrorKeepsEarlierDocumentsAndGivesThePosition() {
    YamlDocumentReader.Result r = read("a: 1\n---\nb: [1, 2\n");
    assertThat(r.documents()).hasSize(1);
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(Diagnostic.Kind.YAML_INVALID);
      assertThat(d.position().line()).isEqualTo(4);
    });
  }

  @Test
  void aliasBombIsStoppedByTheAliasLimit() {
    StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ",").append('*').append(prev);
      }
      bomb.append("]\n");
      prev = c;
    }
    YamlDocumentReader.Result r = read(bomb.toString());
    assertThat(r.documents()).isEmpty();
    assertThat(r.diagnostics()).singleElement().satisfies(d ->
        assertThat(d.kind()).isIn(Diagnostic.Kind.YAML_INVALID, Diagnostic.Kind.LIMIT));
  }

  @Test
  void deepNestingIsALimitNotACrash() {
    String deep = "[".repeat(1000) + "]".repeat(1000) + "\n";
    YamlDocumentReader.Result r = read(deep);
    assertThat(r.documents()).isEmpty();
    assertThat(r.diagnostics()).singleElement().satisfies(d -> assertThat(d.kind()).isEqualTo(Diagnostic.Kind.LIMIT));
  }

  @Test
  void customTagsAreNotConstructed() {
    YamlDocumentReader.Result r = read("a: !!java.lang.Runtime x\nb: !custom {c: 1}\n");
    assertThat(r.documents().get(0).root().get("a").asText()).isEqualTo("x");
    assertThat(r.documents().get(0).root().at("/b/c").intValue()).isEqualTo(1);
  }

  @Test
  void aliasesShareTheAnchoredTreeAndPointAtTheAlias() {
    YamlDocumentReader.Result r = read("base: &b {app: x}\ncopy: *b\n");
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.documents().get(0).root().at("/copy/app").asText()).isEqualTo("x");
    assertThat(map(0).find("/copy/app")).extracting(SourcePosition::line, SourcePosition::column).containsExactly(2, 7);
  }

  @Test
  void recursiveAndUndefinedAliasesAreRefused() {
    assertThat(read("a: &a [1, *a]\n").diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.message()).contains("recursive"));
    assertThat(read("a: *nope\n").diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.kind()).isEqualTo(Diagnostic.Kind.YAML_INVALID));
  }

  @Test
  void complexKeysAreReportedAndTheirValuesSkipped() {
    YamlDocumentReader.Result r = read("? [a, b]\n: {x: 1}\nc: 2\n");
    assertThat(r.diagnostics()).singleElement().satisfies(d -> assertThat(d.message()).contains("plain value"));
    assertThat(r.documents().get(0).root().toString()).isEqualTo("{\"c\":2}");
  }

  @Test
  void emptyAndSeparatorOnlyFilesHaveNoDocuments() {
    assertThat(read("").documents()).isEmpty();
    assertThat(read("---\n").documents()).extracting(d -> d.root().isNull()).isEqualTo(List.of(true));
  }

  @Test
  void aliasesAreCountedPerDocument() {
    String doc = "a: &a {x: 1}\n" + "b: [" + "*a, ".repeat(59) + "*a]\n";
    YamlDocumentReader.Result r = read(String.join("---\n", doc, doc, doc));
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.documents()).hasSize(3);
    YamlDocumentReader.Result over = new YamlDocumentReader(new LoadLimits(1 << 20, 59, 256, 100, 100_000)).read("f.yaml", doc);
    assertThat(over.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(Diagnostic.Kind.LIMIT);
      assertThat(d.position().toString()).isEqualTo("2:241");
      assertThat(d.message()).contains("more than 59 aliases").contains("limits.maxAliasesPerDocument");
    });
  }

  @Test
  void twoHundredThousandLevelsStopTheFileAtOnce() {
    // Reading on would cost snakeyaml's scanner time quadratic in the depth; stopping keeps this instant.
    long start = System.nanoTime();
    YamlDocumentReader.Result r = read("ok: 1\n---\n" + "[".repeat(200_000) + "]".repeat(200_000) + "\n---\nok: 2\n");
    assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    assertThat(r.documents()).extracting(d -> d.root().path("ok").asInt()).containsExactly(1);
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(Diagnostic.Kind.LIMIT);
      assertThat(d.position().toString()).isEqualTo("3:257");
      assertThat(d.message()).contains("the rest of the file are not analyzed (limits.maxDepth)");
    });
  }

  @Test
  void aLoneCarriageReturnAtTheEndStillEndsTheLine() {
    YamlDocumentReader.Result r = read("a: 1\rb: 2\r");
    assertThat(map(0).find("/b").toString()).isEqualTo("2:4");
    assertThat(r.documents()).hasSize(1);
    SourcePosition document = map(0).find("");
    assertThat(document.endLine()).isEqualTo(3);
    assertThat(document.endColumn()).isEqualTo(1);
  }

  @Test
  void aTagSnakeyamlCannotRepresentIsText() {
    // Found by PipelineFuzzTest: the %20 escape decodes to a space that snakeyaml's Tag refuses.
    YamlDocumentReader.Result r = read("a: !x%20 1\n");
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.documents().get(0).root().path("a").isTextual()).isTrue();
  }

  @Test
  void anEmojiAcrossSnakeyamlsBufferBoundaryIsRead() {
    // Found by YamlDocumentReaderFuzzTest: a surrogate pair split at snakeyaml's 1,024-character read made it throw.
    for (int pad = 1015; pad < 1030; pad++) {
      String text = "a: " + "x".repeat(pad) + "\uD83D\uDE00\nb: 1\n";
      YamlDocumentReader.Result r = read(text);
      assertThat(r.diagnostics()).as("padding %d", pad).isEmpty();
      assertThat(r.documents().get(0).root().path("b").asInt()).isEqualTo(1);
      assertThat(map(0).find("/b").toString()).isEqualTo("2:4");
    }
  }
}
