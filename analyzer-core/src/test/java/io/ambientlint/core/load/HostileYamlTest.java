package io.ambientlint.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Small hostile files that used to cost superlinear time or memory. Each is just over its limit; the tests
 * assert that reading completes and what it reports, never how long it took (benchmarks/ measures time).
 */
class HostileYamlTest {

  private final YamlDocumentReader reader = new YamlDocumentReader(LoadLimits.DEFAULTS);

  @Test
  void aliasesToALongScalarAreLimitedByCharacters() {
    // 20 KB of file: a 10,000-character name repeated through 2,000 aliases is 20 M characters, over the 16 MiB
    // of maxFileBytes; 2,000 aliases of a scalar are not counted by maxAliasesPerDocument (mappings and lists).
    StringBuilder yaml = new StringBuilder("name: &n " + "x".repeat(10_000) + "\nrefs:\n");
    for (int i = 0; i < 2_000; i++) {
      yaml.append("- *n\n");
    }
    YamlDocumentReader.Result r = reader.read("f.yaml", yaml.toString());
    assertThat(r.documents()).isEmpty();
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.kind()).isEqualTo(Diagnostic.Kind.LIMIT);
      assertThat(d.message()).startsWith("document expands to more than 16777216 characters through aliases");
      assertThat(d.position().line()).isEqualTo(2 + 1_677); // 1,677 aliases: 10,008 + 16,770,000 characters
    });
  }

  @Test
  void aliasesJustUnderTheCharacterLimitAreRead() {
    YamlDocumentReader small = new YamlDocumentReader(new LoadLimits(1_000, 100, 256, 100, 100_000));
    String yaml = "a: &n " + "x".repeat(100) + "\nb: [*n, *n, *n, *n, *n, *n, *n, *n]\n";
    assertThat(small.read("f.yaml", yaml).diagnostics()).isEmpty();
    assertThat(small.read("f.yaml", yaml.replace("*n]", "*n, *n]")).diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.message()).startsWith("document expands to more than 1000 characters"));
  }

  @Test
  void millionsOfRepeatedKeysAreListedUpToALimit() {
    // Under maxNodesPerDocument (2,000,000), which would end the document first.
    String yaml = "a: 1\n".repeat(1_000_000);
    YamlDocumentReader.Result r = reader.read("f.yaml", yaml);
    assertThat(r.diagnostics()).hasSize(YamlDocumentReader.MAX_LISTED_DUPLICATE_KEYS + 1);
    assertThat(r.diagnostics()).allMatch(d -> d.kind() == Diagnostic.Kind.DUPLICATE_KEY);
    Diagnostic last = r.diagnostics().get(r.diagnostics().size() - 1);
    assertThat(last.message()).startsWith((1_000_000 - 1 - YamlDocumentReader.MAX_LISTED_DUPLICATE_KEYS)
        + " more repeated keys in this file from here on, not listed one by one");
    assertThat(last.position().line()).isEqualTo(YamlDocumentReader.MAX_LISTED_DUPLICATE_KEYS + 2);
  }

  @Test
  void aLongRepeatedKeyIsQuotedShortened() {
    // Explicit keys: implicit ones are limited to 1,024 characters by YAML itself.
    String key = "k".repeat(100_000);
    YamlDocumentReader.Result r = reader.read("f.yaml", "? " + key + "\n: 1\n? " + key + "\n: 2\n");
    assertThat(r.diagnostics()).singleElement().satisfies(d ->
        assertThat(d.message()).hasSizeLessThan(YamlDocumentReader.MAX_QUOTED_KEY_CHARS + 200).contains("k\u2026\""));
  }

  @Test
  void millionsOfEmptyDocumentsStopAtTheDocumentLimit() {
    YamlDocumentReader.Result r = reader.read("f.yaml", "---\n".repeat(1_000_000));
    assertThat(r.documents()).hasSize(LoadLimits.DEFAULTS.maxDocumentsPerFile());
    assertThat(r.diagnostics()).singleElement().satisfies(d -> assertThat(d.message()).startsWith("more than 10000 documents"));
  }

  @Test
  void aVeryLongIntegerIsTextNotAQuadraticParse() {
    String digits = "9".repeat(1_000_000);
    YamlDocumentReader.Result r = reader.read("f.yaml", "port: " + digits + "\nsmall: 12345678901234567890\n");
    assertThat(r.documents().get(0).root().get("port").isTextual()).isTrue();
    assertThat(r.documents().get(0).root().get("port").asText()).hasSize(1_000_000);
    assertThat(r.documents().get(0).root().get("small").isBigInteger()).isTrue();
  }

  @Test
  void aVeryLongScalarIsReadWhole() {
    String folded = ("word ".repeat(20) + "\n  ").repeat(20_000);
    YamlDocumentReader.Result r = reader.read("f.yaml", "a: " + folded + "\nb: \"" + "q".repeat(500_000) + "\"\n");
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.documents().get(0).root().get("b").asText()).hasSize(500_000);
  }

  @Test
  void sourceMapsOfDeepNestingWithLongKeysHoldNoPointerPerNode() {
    // 200 levels of 50,000-character keys (explicit: implicit keys stop at 1,024): a JSON pointer per node
    // would be 200 strings of up to 10 M characters (2 GB); the tree holds each key once, shared with the document.
    StringBuilder yaml = new StringBuilder();
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      String key = (char) ('a' + i % 26) + "k".repeat(50_000);
      yaml.append("  ".repeat(i)).append("? ").append(key).append('\n').append("  ".repeat(i)).append(":\n");
      pointer.append('/').append(key);
    }
    yaml.append("  ".repeat(200)).append("leaf\n");
    String text = yaml.toString();
    assertThat(reader.read("f.yaml", text).diagnostics()).isEmpty();
    SourceMap map = reader.sourceMaps("f.yaml", text).get(0);
    assertThat(map.find(pointer.toString()).line()).isEqualTo(401);
    assertThat(map.findKey(pointer.toString()).line()).isEqualTo(399);
    assertThat(map.find(pointer + "/missing").line()).isEqualTo(401);
  }
}
