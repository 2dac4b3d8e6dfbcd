package io.ambientlint.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ambientlint.core.load.LoadLimits;
import io.ambientlint.core.load.LoadedDocument;
import io.ambientlint.core.load.RepositoryLoader;
import io.ambientlint.core.model.KnownKinds;
import io.ambientlint.core.schema.QuickCheck.Verdict;
import java.io.ByteArrayInputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The quick check must never disagree with networknt: VALID only where networknt accepts, INVALID only where it
 * rejects. Checked on small schemas per keyword, and on real manifests and thousands of mutations of them.
 */
class QuickCheckTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Verdict verdict(String schema, String instance) {
    return new QuickCheck(json(schema)).check(json(instance));
  }

  @Test
  void typesAreExactExceptWhereNetworkntConverts() {
    String port = "{'type': 'integer', 'minimum': 1, 'maximum': 65535}";
    assertThat(verdict(port, "80")).isEqualTo(Verdict.VALID);
    assertThat(verdict(port, "0")).isEqualTo(Verdict.INVALID);
    assertThat(verdict(port, "'80'")).isEqualTo(Verdict.INVALID);
    // 80.0 counts as an integer for networknt in draft 7; null may be excused by nullable: not decided here.
    assertThat(verdict(port, "80.0")).isEqualTo(Verdict.UNKNOWN);
    assertThat(verdict(port, "null")).isEqualTo(Verdict.UNKNOWN);
    assertThat(verdict("{'type': ['integer', 'string']}", "'http'")).isEqualTo(Verdict.VALID);
    assertThat(verdict("{'type': 'number'}", "3")).isEqualTo(Verdict.VALID);
  }

  @Test
  void stringsFollowNetworkntRegexAndLengthRules() {
    // Unanchored, like ECMA regexes; lengths in code points.
    assertThat(verdict("{'type': 'string', 'pattern': '[a-z]+'}", "'ABc'")).isEqualTo(Verdict.VALID);
    assertThat(verdict("{'type': 'string', 'pattern': '^[a-z]+$'}", "'ABc'")).isEqualTo(Verdict.INVALID);
    assertThat(verdict("{'type': 'string', 'maxLength': 1}", "'\uD83D\uDE00'")).isEqualTo(Verdict.VALID);
    assertThat(verdict("{'type': 'string', 'minLength': 2}", "'a'")).isEqualTo(Verdict.INVALID);
    assertThat(verdict("{'enum': ['Same', 'All']}", "'All'")).isEqualTo(Verdict.VALID);
    assertThat(verdict("{'enum': ['Same', 'All']}", "'all'")).isEqualTo(Verdict.INVALID);
    assertThat(verdict("{'enum': [1, 2]}", "1")).isEqualTo(Verdict.UNKNOWN);
  }

  @Test
  void objectsAndArrays() {
    String closed = "{'type': 'object', 'required': ['name'], 'additionalProperties': false,"
        + " 'properties': {'name': {'type': 'string'}, 'ports': {'type': 'array', 'maxItems': 2, 'uniqueItems': true,"
        + " 'items': {'type': 'integer'}}}}";
    assertThat(verdict(closed, "{'name': 'a', 'ports': [1, 2]}")).isEqualTo(Verdict.VALID);
    assertThat(verdict(closed, "{'ports': [1]}")).isEqualTo(Verdict.INVALID);
    assertThat(verdict(closed, "{'name': 'a', 'extra': 1}")).isEqualTo(Verdict.INVALID);
    assertThat(verdict(closed, "{'name': 'a', 'ports': [1, 1]}")).isEqualTo(Verdict.INVALID);
    assertThat(verdict(closed, "{'name': 'a', 'ports': [1, 2, 3]}")).isEqualTo(Verdict.INVALID);
    assertThat(verdict(closed, "{'name': 'a', 'ports': ['x']}")).isEqualTo(Verdict.INVALID);
    assertThat(verdict("{'additionalProperties': {'type': 'string'}}", "{'a': 'b', 'c': 1}"))
        .isEqualTo(Verdict.INVALID);
  }

  @Test
  void junctionsAreDecidedOnlyWhenEveryBranchIs() {
    // Istio's protobuf oneof: at most one of exact/prefix.
    String match = "{'oneOf': [{'not': {'anyOf': [{'required': ['exact']}, {'required': ['prefix']}]}},"
        + " {'required': ['exact']}, {'required': ['prefix']}]}";
    assertThat(verdict(match, "{}")).isEqualTo(Verdict.VALID);
    assertThat(verdict(match, "{'exact': 'a'}")).isEqualTo(Verdict.VALID);
    assertThat(verdict(match, "{'exact': 'a', 'prefix': 'b'}")).isEqualTo(Verdict.INVALID);
    assertThat(verdict("{'oneOf': [{'type': 'integer'}, {'type': 'number'}]}", "1.5")).isEqualTo(Verdict.UNKNOWN);
    assertThat(verdict("{'if': {'type': 'null'}, 'else': {'required': ['a']}}", "{}")).isEqualTo(Verdict.INVALID);
    assertThat(verdict("{'if': {'type': 'null'}, 'else': {'required': ['a']}}", "{'a': 1}")).isEqualTo(Verdict.VALID);
    assertThat(verdict("{'allOf': [{'minProperties': 1}, {'maxProperties': 1}]}", "{'a': 1, 'b': 2}"))
        .isEqualTo(Verdict.INVALID);
  }

  @Test
  void keywordsItDoesNotModelAreLeftToNetworknt() {
    assertThat(verdict("{'type': 'integer', 'multipleOf': 2}", "4")).isEqualTo(Verdict.UNKNOWN);
    assertThat(verdict("{'properties': {'a': {'format': 'date'}}}", "{'a': 'x'}")).isEqualTo(Verdict.UNKNOWN);
    assertThat(verdict("{'properties': {'a': {'format': 'date'}}}", "{'b': 'x'}")).isEqualTo(Verdict.VALID);
    assertThat(verdict("{'items': [{'type': 'string'}]}", "['x']")).isEqualTo(Verdict.UNKNOWN);
    assertThat(verdict("{'uniqueItems': true}", "{'a': 1, 'b': 1}")).isEqualTo(Verdict.UNKNOWN);
  }

  @Test
  void agreesWithNetworkntOnTheBrokenSamplesAndTheirMutations() throws URISyntaxException {
    Path broken = Path.of(getClass().getResource("broken").toURI());
    int[] decided = agreement(SchemaRegistry.of(BundledSchemas.all(), List.of()), load(broken, List.of(".")), 20_000);
    // Most mutations must be decided here (either way), or the comparison proves little.
    assertThat(decided[0]).isGreaterThan(100);
    assertThat(decided[1]).isGreaterThan(1_000);
  }

  @Test
  void agreesWithNetworkntOnTheCorpusAndItsMutations() {
    Optional<Path> corpus = RealCrdAcceptanceTest.corpusRoot();
    assumeTrue(corpus.isPresent(), "corpus not found");
    List<KindSchemas> kinds = new ArrayList<>();
    for (LoadedDocument doc : load(corpus.get(), List.of("crds/istio/crd-all.gen.yaml",
        "crds/gateway-api/experimental/gateway.networking.k8s.io_httproutes.yaml",
        "crds/gateway-api/experimental/gateway.networking.k8s.io_gateways.yaml"))) {
      if (CrdReader.isCrd(doc.root())) {
        CrdReader.read(doc.root(), SchemaSource.CRD_OPTION, doc.path()).ifPresent(kinds::add);
      }
    }
    kinds.addAll(BundledSchemas.all());
    List<LoadedDocument> docs = load(corpus.get(), List.of("istio", "gateway-api"));
    int[] decided = agreement(SchemaRegistry.of(kinds, List.of()), docs, 60_000);
    assertThat(decided[0]).isGreaterThan(1_000);
    assertThat(decided[1]).isGreaterThan(1_000);
  }

  /** Checks every document and mutations of it; returns how many were decided valid and invalid. */
  private static int[] agreement(SchemaRegistry registry, List<LoadedDocument> docs, int budget) {
    List<String> disagreements = new ArrayList<>();
    int[] decided = new int[2];
    int[] left = {budget};
    for (LoadedDocument doc : docs) {
      JsonNode root = doc.root();
      String apiVersion = root.path("apiVersion").asText();
      String group = KnownKinds.groupOf(apiVersion);
      String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
      Optional<CompiledSchema> schema = registry.schema(group, root.path("kind").asText(), version);
      if (schema.isEmpty()) {
        continue;
      }
      Consumer<JsonNode> compare = instance -> {
        left[0]--;
        Verdict v = schema.get().quickVerdict(instance);
        if (v == Verdict.UNKNOWN) {
          return;
        }
        decided[v == Verdict.VALID ? 0 : 1]++;
        if ((v == Verdict.VALID) != schema.get().validatorAccepts(instance)) {
          disagreements.add(doc.path() + ": quick says " + v + " of " + instance);
        }
      };
      compare.accept(root);
      mutations(root, root, compare, left);
      if (left[0] <= 0) {
        break;
      }
    }
    assertThat(disagreements).isEmpty();
    return decided;
  }

  /** Each node replaced in turn by values of other types, removed, or given an unknown field. */
  private static void mutations(JsonNode root, JsonNode node, Consumer<JsonNode> check, int[] left) {
    List<JsonNode> replacements = List.of(NODES.numberNode(7), NODES.numberNode(-1), NODES.numberNode(70000),
        NODES.textNode("x"), NODES.textNode(""), NODES.textNode("TCP"), NODES.booleanNode(true), NODES.nullNode(),
        NODES.arrayNode(), NODES.objectNode(), NODES.numberNode(2.5));
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        if (left[0] <= 0) {
          return;
        }
        ObjectNode parent = (ObjectNode) node;
        JsonNode original = parent.get(name);
        for (JsonNode r : replacements) {
          parent.set(name, r);
          check.accept(root);
        }
        parent.remove(name);
        check.accept(root);
        parent.set(name, original);
        if (original.isObject()) {
          ((ObjectNode) original).put("zzUnknown", "x");
          check.accept(root);
          ((ObjectNode) original).remove("zzUnknown");
        }
        if (original.isArray() && !original.isEmpty()) {
          ((ArrayNode) original).add(original.get(0).deepCopy());
          check.accept(root);
          ((ArrayNode) original).remove(original.size() - 1);
        }
        mutations(root, original, check, left);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size() && left[0] > 0; i++) {
        JsonNode original = node.get(i);
        for (JsonNode r : replacements) {
          ((ArrayNode) node).set(i, r);
          check.accept(root);
        }
        ((ArrayNode) node).set(i, original);
        mutations(root, original, check, left);
      }
    }
  }

  private static List<LoadedDocument> load(Path base, List<String> paths) {
    return new RepositoryLoader(base, LoadLimits.DEFAULTS, List.of(), new ByteArrayInputStream(new byte[0]))
        .load(paths).documents();
  }
}
