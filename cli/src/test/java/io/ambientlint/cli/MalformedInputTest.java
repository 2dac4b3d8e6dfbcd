package io.ambientlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.Analyzer;
import io.ambientlint.core.config.Config;
import io.ambientlint.core.config.ConfigLoader;
import io.ambientlint.core.config.FailOn;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.report.JsonReporter;
import io.ambientlint.core.rule.RuleRegistry;
import io.ambientlint.testing.SarifSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The malformed-input corpus: each hostile file lies in a repository beside healthy files
 * ({@code malformed/good/}). For each, through the command line and through {@link Analyzer}: the bad file
 * gets a diagnostic with its path and position (a finding or a tool notification), no stack trace, the exit
 * code of docs/architecture.md "Exit codes", valid SARIF, and the healthy files' findings are exactly those of a run without it.
 */
class MalformedInputTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RuleRegistry RULES = RuleRegistry.load();
  private static final List<String> GOOD_FILES = List.of("repo/mesh.yaml", "repo/routes.yaml");

  @TempDir
  Path dir;

  record Run(int exitCode, String out, String err, JsonNode json, String sarif) {

    /**
     * Text lines about {@code path}, without the path: {@code 4:1: error AL901 ...}; the text report only counts
     * skipped files and files that are not Kubernetes manifests, so their notes come from the JSON report, in the
     * same form.
     */
    List<String> linesAbout(String path) {
      List<String> lines = new ArrayList<>(
          out.lines().filter(l -> l.startsWith(path + ":")).map(l -> l.substring(path.length() + 1)).toList());
      json.path("notifications").forEach(n -> {
        String kind = n.path("kind").asText();
        if ((kind.equals("skipped") || kind.equals("not-kubernetes")) && n.path("path").asText().equals(path)) {
          lines.add(n.path("line").asInt() + ":" + n.path("column").asInt() + ": note: " + n.path("message").asText());
        }
      });
      return lines;
    }

    /** The JSON findings located in the healthy files, as they are serialized. */
    List<JsonNode> goodFindings() {
      List<JsonNode> list = new ArrayList<>();
      json.path("findings").forEach(f -> {
        if (GOOD_FILES.contains(f.path("path").asText())) {
          list.add(f);
        }
      });
      return list;
    }
  }

  // ---- the committed corpus -------------------------------------------------------------------------------

  /**
   * File, exit code with the default {@code --fail-on error} (the healthy files alone give 1), and the exact
   * text lines about the file. {@code wrong-types.yaml} lists only its notifications: rules may report
   * findings on its objects.
   */
  static Stream<Arguments> corpus() {
    return Stream.of(
        Arguments.of("invalid-unclosed-flow.yaml", 1, List.of("6:1: error AL901 invalid YAML: while parsing a flow sequence")),
        Arguments.of("invalid-indentation.yaml", 1, List.of("5:14: error AL901 invalid YAML: mapping values are not allowed here")),
        Arguments.of("tabs.yaml", 1, List.of("4:1: error AL901 invalid YAML: while scanning for the next token, found character '\\t(TAB)'")),
        Arguments.of("unterminated-string.yaml", 1, List.of("6:1: error AL901 invalid YAML: while scanning a quoted scalar, found unexpected end of stream")),
        Arguments.of("undefined-alias.yaml", 1, List.of("4:9: error AL901 alias *nowhere refers to no anchor &nowhere defined before it")),
        Arguments.of("truncated-json.json", 1, List.of("2:1: error AL901 invalid YAML: while parsing a flow node")),
        Arguments.of("duplicate-keys.yaml", 1, List.of("6:3: error AL905 key \"namespace\" is repeated")),
        Arguments.of("crlf-duplicate-key.yaml", 1, List.of("6:3: error AL905 key \"namespace\" is repeated")),
        Arguments.of("alias-bomb.yaml", 3, List.of("8:14: warning: document expands to more than 2000000 nodes")),
        // Issue 19: 1,700 aliases of one 10,000-character scalar in 19 KB; counting aliases to mappings missed them.
        Arguments.of("alias-long-scalar.yaml", 3, List.of("1680:3: warning: document expands to more than 16777216 characters through aliases")),
        // Issue 19: an empty Chart.yaml is no Helm chart; it used to hide every manifest below it.
        Arguments.of("Chart.yaml", 1, List.of("1:1: note: empty file")),
        Arguments.of("binary.yaml", 3, List.of("1:8: error: binary data (NUL bytes)")),
        Arguments.of("latin1.yaml", 3, List.of("3:21: error: not UTF-8 text")),
        Arguments.of("hostile-names.yaml", 1, List.of("8:35: error AL101 istio.io/use-waypoint=wp\\r\\n::error file=a.yaml::pwned "
            + "\\u0023#[add-matcher]m.json on Service hostile/x\\n::add-mask::secret\\u001B]0;t\\u0007\\u202E\\uDC00 <img")),
        Arguments.of("bom.yaml", 1, List.of()),
        Arguments.of("scalar-document.yaml", 1, List.of("1:1: note: document is a plain value, not a Kubernetes object")),
        Arguments.of("list-document.yaml", 1, List.of("1:1: note: document is a list, not a Kubernetes object")),
        Arguments.of("missing-kind.yaml", 1, List.of("1:1: warning: not a Kubernetes object: missing or invalid kind")),
        Arguments.of("missing-api-version.yaml", 1, List.of("1:1: warning: not a Kubernetes object: missing or invalid apiVersion")),
        Arguments.of("missing-name.yaml", 1, List.of("1:1: warning: not a Kubernetes object: missing or invalid metadata.name")),
        Arguments.of("metadata-list.yaml", 1, List.of("1:1: warning: not a Kubernetes object: missing or invalid metadata.name")),
        Arguments.of("empty.yaml", 1, List.of("1:1: note: empty file")),
        // Empty documents (lone ---) are skipped as kubectl skips them: nothing to report.
        Arguments.of("dashes-only.yaml", 1, List.of()),
        Arguments.of("wrong-types.yaml", 1, List.of(
            "57:1: warning: not a Kubernetes object: missing or invalid metadata.name",
            "173:1: warning: not a Kubernetes object: missing or invalid metadata.name",
            "179:9: note: document is a plain value",
            "179:19: note: document is a plain value",
            "179:22: note: empty document",
            "179:28: warning: not a Kubernetes object: missing or invalid apiVersion, metadata.name",
            "181:1: note: not a Kubernetes object: missing or invalid apiVersion, kind, metadata.name")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void corpusFileIsReportedAndTheRestIsUnchanged(String file, int exitCode, List<String> expected) throws IOException {
    Files.copy(resource("malformed/bad/" + file), repo().resolve(file));
    Run run = assertIsolated("repo/" + file, exitCode, expected);
    if (file.equals("wrong-types.yaml")) {
      assertThat(run.linesAbout("repo/" + file)).filteredOn(l -> !l.contains(" AL")).hasSize(expected.size());
    }
  }

  @Test
  void byteOrderMarkIsNotPartOfTheFirstColumn() throws IOException {
    Files.copy(resource("malformed/bad/bom.yaml"), repo().resolve("bom.yaml"));
    AnalysisResult result = analyze(Config.DEFAULTS);
    assertThat(result.graph().resources()).anySatisfy(r -> {
      assertThat(r.id().name()).isEqualTo("bom");
      assertThat(r.node("/kind").location().position().toString()).isEqualTo("2:7");
      assertThat(r.node("/apiVersion").location().position().toString()).isEqualTo("1:13");
    });
  }

  // ---- generated: too large to commit ---------------------------------------------------------------------

  @Test
  void thousandDeepFlowNestingIsALimitAtTheFirstLevelTooDeep() throws IOException {
    write("repo/deep.yaml", "a: " + "[".repeat(1000) + "]".repeat(1000) + "\n");
    assertIsolated("repo/deep.yaml", 3, List.of("1:259: warning: document nests deeper than 256 levels"));
  }

  @Test
  void thousandDeepBlockNestingIsALimit() throws IOException {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      yaml.append(" ".repeat(i)).append("a:\n");
    }
    yaml.append(" ".repeat(1000)).append("b\n");
    write("repo/deep.yaml", yaml.toString());
    assertIsolated("repo/deep.yaml", 3, List.of("257:257: warning: document nests deeper than 256 levels"));
  }

  @Test
  void hundredThousandDeepNestingNeverOverflowsTheStack() throws IOException {
    write("repo/deep.json", "[".repeat(100_000) + "]".repeat(100_000));
    assertIsolated("repo/deep.json", 3, List.of("1:257: warning: document nests deeper than 256 levels"));
  }

  @Test
  void sixtyFourMegabyteFileIsOverTheDefaultSizeLimit() throws IOException {
    Path big = repo().resolve("big.yaml");
    try (var file = new java.io.RandomAccessFile(big.toFile(), "rw")) {
      file.setLength(64L * 1024 * 1024); // sparse: the size alone must stop it before any read
    }
    assertIsolated("repo/big.yaml", 3,
        List.of("1:1: error: file is 67108864 bytes, over the limit of 16777216 (limits.maxFileBytes)"));
  }

  @Test
  void sixtyFourMegabyteFileIsAnalyzedWhenTheLimitAllowsIt() throws IOException {
    write(".ambient-lint.yaml", "limits: {maxFileBytes: 100000000}\n");
    String line = "    " + "x".repeat(59) + "\n";
    int lines = 64 * 1024 * 1024 / line.length() + 1;
    Path big = repo().resolve("big.yaml");
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(big), 1 << 20)) {
      out.write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big, namespace: malformed}\ndata:\n  blob: |\n"
          .getBytes(StandardCharsets.UTF_8));
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < lines; i++) {
        out.write(bytes);
      }
      out.write("  blob: again\n".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(Files.size(big)).isGreaterThan(64L * 1024 * 1024);
    // Past snakeyaml's default code-point limit (3 MB): the repeated key at the very end is still found.
    assertIsolated("repo/big.yaml", 1, List.of((lines + 6) + ":3: error AL905 key \"blob\" is repeated"));
  }

  @Test
  void moreDocumentsThanTheDefaultLimit() throws IOException {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i <= 10_000; i++) {
      yaml.append("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c").append(i).append(", namespace: malformed}\n---\n");
    }
    write("repo/many.yaml", yaml.toString());
    assertIsolated("repo/many.yaml", 3, List.of("40000:1: warning: more than 10000 documents in one file"));
  }

  @Test
  void configuredLimitsApplyEndToEnd() throws IOException {
    write(".ambient-lint.yaml", "limits: {maxAliasesPerDocument: 2, maxDepth: 4, maxDocumentsPerFile: 2, maxNodesPerDocument: 20}\n");
    write("repo/aliases.yaml", "a: &a [1]\nb: *a\nc: *a\nd: *a\n");
    write("repo/depth.yaml", "a: {b: {c: {d: {e: 1}}}}\n");
    write("repo/docs.yaml", String.join("---\n", configMap("d1"), configMap("d2"), configMap("d3")));
    write("repo/nodes.yaml", "a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]\n");
    Run run = assertIsolated("repo/aliases.yaml", 3, List.of("4:4: warning: more than 2 aliases in one document"));
    assertThat(run.linesAbout("repo/depth.yaml")).singleElement().asString().startsWith("1:16: warning: document nests deeper than 4 levels");
    assertThat(run.linesAbout("repo/docs.yaml")).singleElement().asString().startsWith("8:1: warning: more than 2 documents in one file");
    assertThat(run.linesAbout("repo/nodes.yaml")).singleElement().asString().startsWith("1:68: warning: document expands to more than 20 nodes");
  }

  @Test
  void findingsPerRuleAreCutWithANoteAndNoInputLoss() throws IOException {
    write(".ambient-lint.yaml", "limits: {maxFindingsPerRule: 2}\n");
    write("repo/keys.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: k, namespace: malformed}\n"
        + "data: {a: 1, a: 2, a: 3, a: 4, a: 5}\n");
    Run run = cli();
    assertThat(run.out()).contains("note: rule AL905 reported");
    assertThat(run.json().path("findings").findValuesAsText("ruleId")).filteredOn("AL905"::equals).hasSize(2);
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(SarifSchema.violations(run.sarif())).isEmpty();
  }

  // ---- the file system ------------------------------------------------------------------------------------

  @Test
  void folderSymlinkLoopIsFollowedOnce() throws IOException {
    Files.createSymbolicLink(repo().resolve("loop"), repo());
    assertIsolated("repo/loop", 1, List.of("1:1: note: folder already analyzed through another path (symbolic link loop)"));
  }

  @Test
  void fileSymlinkLoopIsUnreadable() throws IOException {
    Files.createSymbolicLink(repo().resolve("a.yaml"), repo().resolve("b.yaml"));
    Files.createSymbolicLink(repo().resolve("b.yaml"), repo().resolve("a.yaml"));
    Run run = assertIsolated("repo/a.yaml", 3, List.of("1:1: error: broken or looping symbolic link"));
    assertThat(run.linesAbout("repo/b.yaml")).singleElement().asString().startsWith("1:1: error: broken or looping symbolic link");
  }

  @Test
  void symlinkOutsideTheRootIsNotFollowed() throws IOException {
    write("elsewhere/secret.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: s, namespace: x, labels: {a: 1, a: 2}}\n");
    Files.createSymbolicLink(repo().resolve("outside.yaml"), dir.resolve("elsewhere/secret.yaml"));
    Files.createSymbolicLink(repo().resolve("outside-dir"), dir.resolve("elsewhere"));
    Run run = assertIsolated("repo/outside.yaml", 1, List.of("1:1: note: symbolic link points outside the analyzed folder"));
    assertThat(run.linesAbout("repo/outside-dir")).singleElement().asString().startsWith("1:1: note: symbolic link points outside");
    assertThat(run.out()).doesNotContain("secret.yaml").doesNotContain(dir.toString());
  }

  @Test
  void unreadableFileAndFolder() throws IOException {
    write("repo/secret.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: s, namespace: x}\n");
    write("repo/private/x.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: p, namespace: x}\n");
    Path file = repo().resolve("secret.yaml");
    Path folder = repo().resolve("private");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("---------"));
    try {
      // As root (containers, some CI), permissions do not stop reads: there is nothing to test then.
      Assumptions.assumeFalse(Files.isReadable(file), "running with permission to read anything (root)");
      Run run = assertIsolated("repo/secret.yaml", 3, List.of("1:1: error: cannot read file: AccessDeniedException"));
      assertThat(run.linesAbout("repo/private")).singleElement().asString().startsWith("1:1: error: cannot list folder");
    } finally {
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    }
  }

  // ---- the harness ----------------------------------------------------------------------------------------

  /**
   * Runs the repository with and without {@code badPath} (which the caller created), through the command line
   * and through {@link Analyzer}, and checks everything the class promises.
   */
  private Run assertIsolated(String badPath, int exitCode, List<String> expectedLines) throws IOException {
    Run with = cli();
    assertThat(with.err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("    at ");
    assertThat(with.exitCode()).as(with.out()).isEqualTo(exitCode);
    List<String> lines = with.linesAbout(badPath);
    if (!badPath.endsWith("wrong-types.yaml")) {
      assertThat(lines).as(with.out()).hasSize(expectedLines.size());
    }
    for (String expected : expectedLines) {
      assertThat(lines).as(with.out()).anySatisfy(l -> assertThat(l).startsWith(expected));
    }
    assertThat(SarifSchema.violations(with.sarif())).isEmpty();
    assertThat(with.sarif()).doesNotContain(dir.toString());

    Config config = config();
    AnalysisResult result = analyze(config);
    assertThat(result.notificationsOf(Diagnostic.Kind.RULE_FAILURE)).isEmpty();
    assertThat(ExitCodes.of(result.outcome(config.failOn()))).isEqualTo(exitCode);
    assertThat(ExitCodes.of(result.outcome(FailOn.NONE))).isEqualTo(exitCode == 3 ? 3 : 0);

    List<JsonNode> goodWith = goodFindings(result);
    assertThat(with.goodFindings()).isEqualTo(goodWith);

    // Without the bad file (and whatever else the case added to the repository) the healthy files give the
    // same findings, byte for byte.
    Path aside = dir.resolve("aside");
    Files.createDirectories(aside);
    moveAsideAllButGood(aside);
    try {
      Run without = cli();
      assertThat(without.linesAbout(badPath)).isEmpty();
      assertThat(without.goodFindings()).isNotEmpty().isEqualTo(with.goodFindings());
      assertThat(goodFindings(analyze(config))).isEqualTo(goodWith);
    } finally {
      restore(aside);
    }
    return with;
  }

  private Path repo() throws IOException {
    Path repo = dir.resolve("repo");
    if (!Files.isDirectory(repo)) {
      Files.createDirectories(repo);
      Files.copy(resource("malformed/good/mesh.yaml"), repo.resolve("mesh.yaml"));
      Files.copy(resource("malformed/good/routes.yaml"), repo.resolve("routes.yaml"));
    }
    return repo;
  }

  private void moveAsideAllButGood(Path aside) throws IOException {
    try (Stream<Path> children = Files.list(repo())) {
      for (Path child : children.toList()) {
        if (!GOOD_FILES.contains("repo/" + child.getFileName())) {
          Files.move(child, aside.resolve(child.getFileName()), java.nio.file.LinkOption.NOFOLLOW_LINKS);
        }
      }
    }
  }

  private void restore(Path aside) throws IOException {
    try (Stream<Path> children = Files.list(aside)) {
      for (Path child : children.toList()) {
        Files.move(child, repo().resolve(child.getFileName()), java.nio.file.LinkOption.NOFOLLOW_LINKS);
      }
    }
  }

  private Run cli() throws IOException {
    repo();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"repo", "-f", "json", "-o", "out/r.json", "-f", "sarif", "-o", "out/r.sarif", "-f", "text"},
        new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), dir);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
        JSON.readTree(dir.resolve("out/r.json").toFile()), Files.readString(dir.resolve("out/r.sarif")));
  }

  private Config config() throws IOException {
    Path file = dir.resolve(".ambient-lint.yaml");
    return Files.exists(file) ? ConfigLoader.load(file, ".ambient-lint.yaml", Config.builder()) : Config.DEFAULTS;
  }

  private AnalysisResult analyze(Config config) throws IOException {
    repo();
    return new Analyzer(config, RULES, dir).analyze(List.of("repo"), new ByteArrayInputStream(new byte[0]));
  }

  private static List<JsonNode> goodFindings(AnalysisResult result) {
    return result.findings().stream().filter(f -> GOOD_FILES.contains(f.location().path()))
        .map(f -> (JsonNode) JsonReporter.toJson(f)).toList();
  }

  private static String configMap(String name) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: " + name + ", namespace: malformed}\n";
  }

  private void write(String path, String text) throws IOException {
    repo();
    Path p = dir.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  private static Path resource(String name) {
    try {
      return Path.of(MalformedInputTest.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
