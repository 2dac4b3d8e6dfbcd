package io.ambientlint.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.load.LoadLimits;
import io.ambientlint.core.load.LoadedDocument;
import io.ambientlint.core.load.RepositoryLoader;
import io.ambientlint.core.model.KnownKinds;
import java.io.ByteArrayInputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled schemas against the real Istio and Gateway API CRDs of {@code ../shared/corpus} (skipped when the
 * corpus is absent; {@code AMBIENTLINT_CORPUS} names another place). The bundled schemas must never reject what a
 * real CRD accepts, and must catch the deliberately broken manifests the real CRDs reject.
 */
class RealCrdAcceptanceTest {

  private static final Set<String> GROUPS = Set.of(KnownKinds.GATEWAY_API, KnownKinds.ISTIO_NETWORKING,
      KnownKinds.ISTIO_SECURITY, KnownKinds.ISTIO_TELEMETRY, KnownKinds.ISTIO_EXTENSIONS);

  private static Path corpus;
  private static SchemaRegistry real;
  private static SchemaRegistry bundled;

  @BeforeAll
  static void loadRealCrds() {
    corpus = corpusRoot().orElse(null);
    if (corpus == null) {
      return;
    }
    List<KindSchemas> kinds = new ArrayList<>();
    // The experimental channel is a superset of the standard one, and the conformance suite uses it. Only the
    // kinds with a bundled schema are read: parsing the CRDs is most of this test's time.
    List<String> crds = new ArrayList<>(List.of("crds/istio/crd-all.gen.yaml"));
    for (String plural : List.of("gateways", "gatewayclasses", "httproutes", "grpcroutes", "tcproutes", "tlsroutes",
        "udproutes", "referencegrants")) {
      crds.add("crds/gateway-api/experimental/gateway.networking.k8s.io_" + plural + ".yaml");
    }
    for (LoadedDocument doc : load(corpus, crds)) {
      if (CrdReader.isCrd(doc.root())) {
        CrdReader.read(doc.root(), SchemaSource.CRD_OPTION, doc.path()).ifPresent(kinds::add);
      }
    }
    real = SchemaRegistry.of(kinds, List.of());
    bundled = SchemaRegistry.of(BundledSchemas.all(), List.of());
  }

  @Test
  void bundledSchemasAcceptEverySampleTheRealCrdsAccept() {
    assumeTrue(corpus != null, "corpus not found");
    List<String> falsePositives = new ArrayList<>();
    int checked = 0;
    for (LoadedDocument doc : load(corpus, List.of("istio", "gateway-api"))) {
      JsonNode root = doc.root();
      String apiVersion = root.path("apiVersion").asText();
      String group = KnownKinds.groupOf(apiVersion);
      String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
      String kind = root.path("kind").asText();
      if (!GROUPS.contains(group)) {
        continue;
      }
      Optional<CompiledSchema> realSchema = real.schema(group, kind, version);
      Optional<CompiledSchema> bundledSchema = bundled.schema(group, kind, version);
      if (realSchema.isEmpty() || bundledSchema.isEmpty() || !realSchema.get().validate(root).isEmpty()) {
        continue;
      }
      checked++;
      for (SchemaViolation v : bundledSchema.get().validate(root)) {
        falsePositives.add(doc.path() + " " + kind + " " + root.path("metadata").path("name").asText() + ": "
            + v.message());
      }
    }
    assertThat(falsePositives).isEmpty();
    // The corpus has a few hundred Istio and Gateway API objects; far fewer means the walk went wrong.
    assertThat(checked).isGreaterThan(200);
  }

  @Test
  void brokenManifestsAreRejectedByBothAtTheSameField() throws URISyntaxException {
    assumeTrue(corpus != null, "corpus not found");
    Path broken = Path.of(getClass().getResource("broken").toURI());
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (LoadedDocument doc : load(broken, List.of("."))) {
      JsonNode root = doc.root();
      String where = doc.path() + " " + root.path("metadata").path("name").asText();
      String expected = root.path("metadata").path("annotations").path("broken").asText();
      String apiVersion = root.path("apiVersion").asText();
      String group = KnownKinds.groupOf(apiVersion);
      String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
      String kind = root.path("kind").asText();
      for (SchemaRegistry registry : List.of(real, bundled)) {
        String which = registry == real ? "real CRD" : "bundled schema";
        Optional<CompiledSchema> schema = registry.schema(group, kind, version);
        if (schema.isEmpty()) {
          problems.add(where + ": no " + which);
          continue;
        }
        List<String> pointers = schema.get().validate(root).stream().map(SchemaViolation::pointer).toList();
        if (!pointers.contains(expected)) {
          problems.add(where + ": " + which + " reports " + pointers + ", expected " + expected);
        }
      }
      checked++;
    }
    assertThat(problems).isEmpty();
    assertThat(checked).isGreaterThanOrEqualTo(20);
  }

  /**
   * A stronger form of "never stricter": wherever a bundled schema is strict (closed object, enum, type, range,
   * required), the real CRD is at least as strict, field by field, for every kind and version both know.
   */
  @Test
  void bundledSchemasAreNowhereStricterThanTheRealCrds() {
    assumeTrue(corpus != null, "corpus not found");
    List<String> problems = new ArrayList<>();
    int compared = 0;
    for (KindSchemas b : bundled.kinds()) {
      for (String version : b.servedVersions()) {
        Optional<CompiledSchema> mine = bundled.schema(b.group(), b.kind(), version);
        Optional<CompiledSchema> theirs = real.schema(b.group(), b.kind(), version);
        if (mine.isPresent() && theirs.isPresent()) {
          compare(mine.get().converted(), theirs.get().converted(), b.kind() + " " + version + " ", problems);
          compared++;
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(compared).isGreaterThan(20);
  }

  private static void compare(JsonNode mine, JsonNode theirs, String path, List<String> problems) {
    if (mine.path("additionalProperties").isBoolean() && !mine.get("additionalProperties").asBoolean()) {
      if (!(theirs.path("additionalProperties").isBoolean() && !theirs.get("additionalProperties").asBoolean())) {
        problems.add(path + ": closed in the bundled schema, open in the CRD");
      }
      theirs.path("properties").fieldNames().forEachRemaining(f -> {
        if (!mine.path("properties").has(f)) {
          problems.add(path + "." + f + ": a field of the CRD that the bundled schema rejects");
        }
      });
    }
    // Nulls are pruned before validation, so "null" in a type list (nullable) makes no difference.
    Set<String> mineTypes = texts(mine.path("type"));
    Set<String> theirTypes = texts(theirs.path("type"));
    mineTypes.remove("null");
    theirTypes.remove("null");
    if (!mineTypes.isEmpty() && (theirTypes.isEmpty() || !mineTypes.containsAll(theirTypes))) {
      problems.add(path + ": bundled type " + mineTypes + ", CRD type " + theirTypes);
    }
    if (mine.has("enum") && (!theirs.has("enum") || !texts(mine.get("enum")).containsAll(texts(theirs.get("enum"))))) {
      problems.add(path + ": bundled enum " + mine.get("enum") + ", CRD enum " + theirs.path("enum"));
    }
    if (!texts(theirs.path("required")).containsAll(texts(mine.path("required")))) {
      problems.add(path + ": bundled requires " + mine.get("required") + ", CRD requires " + theirs.path("required"));
    }
    for (String bound : List.of("minimum", "minLength", "minItems", "exclusiveMinimum")) {
      if (mine.has(bound) && !(theirs.has(bound) && theirs.get(bound).asDouble() >= mine.get(bound).asDouble())) {
        problems.add(path + ": bundled " + bound + " " + mine.get(bound) + ", CRD " + theirs.path(bound));
      }
    }
    for (String bound : List.of("maximum", "maxLength", "maxItems", "exclusiveMaximum")) {
      if (mine.has(bound) && !(theirs.has(bound) && theirs.get(bound).asDouble() <= mine.get(bound).asDouble())) {
        problems.add(path + ": bundled " + bound + " " + mine.get(bound) + ", CRD " + theirs.path(bound));
      }
    }
    if (mine.has("pattern") && !mine.get("pattern").equals(theirs.path("pattern"))) {
      problems.add(path + ": bundled pattern " + mine.get("pattern") + ", CRD " + theirs.path("pattern"));
    }
    mine.path("properties").fields().forEachRemaining(e -> {
      if (!path.endsWith(" ") || !e.getKey().equals("metadata")) {
        JsonNode other = theirs.path("properties").path(e.getKey());
        if (!other.isMissingNode()) {
          compare(e.getValue(), other, path + "." + e.getKey(), problems);
        }
      }
    });
    if (mine.path("items").isObject() && theirs.path("items").isObject()) {
      compare(mine.get("items"), theirs.get("items"), path + "[]", problems);
    }
    if (mine.path("additionalProperties").isObject() && theirs.path("additionalProperties").isObject()) {
      compare(mine.get("additionalProperties"), theirs.get("additionalProperties"), path + ".*", problems);
    }
  }

  private static Set<String> texts(JsonNode node) {
    Set<String> out = new HashSet<>();
    if (node.isTextual()) {
      out.add(node.asText());
    }
    if (node.isArray()) {
      node.forEach(n -> out.add(n.isNull() ? "null" : n.asText()));
    }
    return out;
  }

  private static List<LoadedDocument> load(Path base, List<String> paths) {
    return new RepositoryLoader(base, LoadLimits.DEFAULTS, List.of(), new ByteArrayInputStream(new byte[0]))
        .load(paths).documents();
  }

  static Optional<Path> corpusRoot() {
    String env = System.getenv("AMBIENTLINT_CORPUS");
    if (env != null && Files.isDirectory(Path.of(env, "crds"))) {
      return Optional.of(Path.of(env));
    }
    String root = System.getProperty("ambientlint.projectRoot");
    if (root == null) {
      return Optional.empty();
    }
    Path corpus = Path.of(root).resolve("../shared/corpus").normalize();
    return Files.isDirectory(corpus.resolve("crds")) ? Optional.of(corpus) : Optional.empty();
  }
}
