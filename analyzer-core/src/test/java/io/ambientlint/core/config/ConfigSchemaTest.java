package io.ambientlint.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.ambientlint.core.load.LoadLimits;
import io.ambientlint.core.load.YamlDocumentReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/ambient-lint.schema.json}, the JSON Schema editors validate {@code .ambient-lint.yaml} with, agrees
 * with {@link ConfigLoader}: it knows the same keys, accepts every sample config and what the loader reads, and
 * rejects unknown keys.
 */
class ConfigSchemaTest {

  private static final Path PROJECT = projectRoot();
  private static final JsonSchema SCHEMA = schema();

  private static Path projectRoot() {
    String root = System.getProperty("ambientlint.projectRoot");
    return (root == null || root.isBlank() ? Path.of("..") : Path.of(root)).toAbsolutePath().normalize();
  }

  private static JsonSchema schema() {
    try (InputStream in = Files.newInputStream(PROJECT.resolve("docs/ambient-lint.schema.json"))) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode yaml(String text) {
    return new YamlDocumentReader(LoadLimits.DEFAULTS).read("config.yaml", text).documents().get(0).root();
  }

  private static List<String> violations(String text) {
    return SCHEMA.validate(yaml(text)).stream().map(Object::toString).toList();
  }

  static final String EVERY_KEY = """
      rootNamespace: mesh-root
      clusterDomain: corp.local
      defaultNamespace: apps
      waypointClasses: [vendor-waypoint]
      autoAllowWaypointPolicy: true
      serviceEntryVisibility: false
      rules: {AL402: off, AL307: error, AL101: on, AL102: false}
      exclude: ["generated/**"]
      external:
      - {kind: Gateway, namespace: shared, name: waypoint}
      - {group: gateway.networking.k8s.io, kind: Gateway, name: edge}
      failOn: warning
      limits: {maxFileBytes: 1000, maxAliasesPerDocument: 5, maxDepth: 50, maxDocumentsPerFile: 10,
        maxNodesPerDocument: 100, maxFindingsPerRule: 10}
      crds: [crds/]
      baseline: ambient-lint-baseline.json
      overrides:
      - paths: ["legacy/**", "**/*-test.yaml"]
        rules: {AL402: off, AL307: warning}
      """;

  @Test
  void schemaKnowsExactlyTheLoadersKeys() {
    JsonNode schema = new ObjectMapper().valueToTree(SCHEMA.getSchemaNode());
    TreeSet<String> keys = new TreeSet<>();
    schema.path("properties").fieldNames().forEachRemaining(keys::add);
    assertThat(keys).isEqualTo(new TreeSet<>(ConfigLoader.TOP_LEVEL_KEYS));
    assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
  }

  @Test
  void acceptsEverySampleConfigAndEveryKeyTheLoaderReads() throws IOException {
    List<Path> samples = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(PROJECT.resolve("samples"))) {
      dirs.map(d -> d.resolve(ConfigLoader.DEFAULT_FILE)).filter(Files::isRegularFile).forEach(samples::add);
    }
    assertThat(samples).as("sample configs").isNotEmpty();
    for (Path sample : samples) {
      String text = Files.readString(sample);
      assertThat(violations(text)).as(sample.toString()).isEmpty();
      ConfigLoader.parse(text, sample.toString(), Config.builder());
    }
    assertThat(violations(EVERY_KEY)).isEmpty();
    Config parsed = ConfigLoader.parse(EVERY_KEY, ConfigLoader.DEFAULT_FILE, Config.builder());
    assertThat(parsed.overrides()).hasSize(1);
  }

  @Test
  void rejectsUnknownKeysAndValuesTheLoaderRejects() {
    List<String> rejected = List.of(
        "waypointClass: [a]\n",
        "limits: {maxDepths: 3}\n",
        "external: [{kind: Gateway, name: w, nmespace: x}]\n",
        "overrides: [{paths: [a/**], rules: {AL402: off}, rule: {}}]\n",
        "overrides: [{paths: [], rules: {AL402: off}}]\n",
        "overrides: [{paths: [a/**]}]\n",
        "rules: {AL402: loud}\n",
        "rules: {X1: off}\n",
        "failOn: sometimes\n",
        "limits: {maxDepth: 0}\n");
    for (String text : rejected) {
      assertThat(violations(text)).as("schema on " + text).isNotEmpty();
      assertThatThrownBy(() -> ConfigLoader.parse(text, ConfigLoader.DEFAULT_FILE, Config.builder()))
          .as("loader on " + text).isInstanceOf(ConfigException.class);
    }
  }
}
