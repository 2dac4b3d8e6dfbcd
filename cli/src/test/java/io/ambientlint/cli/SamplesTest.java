package io.ambientlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.rule.RuleRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each folder under {@code samples/} is a small GitOps repository whose README lists, in a fenced block after
 * the line {@code <!-- expected findings -->}, what {@code ambient-lint} reports on it: one
 * {@code RULE path:line} a finding, paths relative to the sample. This test runs the CLI in the sample's folder
 * (so its {@code .ambient-lint.yaml} applies) and compares. After a rule change, regenerate the lists (and
 * everything else generated) with {@code -Dambientlint.regenerate=true} (CONTRIBUTING.md) and review the diff.
 */
class SamplesTest {

  static final String MARKER = "<!-- expected findings -->";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final boolean UPDATE =
      Boolean.getBoolean("ambientlint.regenerate") || Boolean.getBoolean("ambientlint.updateSamples");

  static Path samples() {
    String root = System.getProperty("ambientlint.projectRoot");
    Path base = root == null || root.isBlank() ? Path.of("..") : Path.of(root);
    return base.resolve("samples").toAbsolutePath().normalize();
  }

  record Report(int exitCode, List<String> findings, Set<String> severities, Set<String> ruleIds, Set<String> notificationKinds) {}

  static Report analyze(Path sample) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"check", ".", "--format", "json", "--fail-on", "none"},
        new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), sample);
    assertThat(err.toString(StandardCharsets.UTF_8)).as("standard error of the run on " + sample).isEmpty();
    JsonNode json = JSON.readTree(out.toByteArray());
    List<String> lines = new ArrayList<>();
    Set<String> severities = new TreeSet<>();
    Set<String> rules = new TreeSet<>();
    for (JsonNode f : json.path("findings")) {
      if (f.has("suppressed")) {
        continue;
      }
      lines.add(f.path("ruleId").asText() + " " + f.path("path").asText() + ":" + f.path("line").asInt());
      severities.add(f.path("severity").asText());
      rules.add(f.path("ruleId").asText());
    }
    Set<String> kinds = new TreeSet<>();
    json.path("notifications").forEach(n -> kinds.add(n.path("kind").asText()));
    return new Report(code, lines, severities, rules, kinds);
  }

  /** The lines of the fenced block that follows the marker in the sample's README. */
  static List<String> expected(Path readme) throws IOException {
    List<String> lines = Files.readAllLines(readme);
    int marker = lines.indexOf(MARKER);
    assertThat(marker).as(readme + " has the line " + MARKER).isNotNegative();
    List<String> out = new ArrayList<>();
    int i = marker + 1;
    while (i < lines.size() && !lines.get(i).startsWith("```")) {
      i++;
    }
    for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
      if (!lines.get(i).isBlank()) {
        out.add(lines.get(i).trim());
      }
    }
    return out;
  }

  static void rewrite(Path readme, List<String> findings) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(readme));
    int open = lines.indexOf(MARKER) + 1;
    while (!lines.get(open).startsWith("```")) {
      open++;
    }
    int close = open + 1;
    while (!lines.get(close).startsWith("```")) {
      close++;
    }
    List<String> updated = new ArrayList<>(lines.subList(0, open + 1));
    updated.addAll(findings);
    updated.addAll(lines.subList(close, lines.size()));
    Files.write(readme, updated, StandardCharsets.UTF_8);
  }

  static List<Path> sampleFolders() throws IOException {
    try (Stream<Path> s = Files.list(samples())) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> eachSampleReportsWhatItsReadmeSays() throws IOException {
    assertThat(sampleFolders()).extracting(p -> p.getFileName().toString())
        .contains("bookinfo-ambient", "broken-mesh", "pluggable-waypoint", "gitops-layout");
    return sampleFolders().stream().map(sample -> DynamicTest.dynamicTest(sample.getFileName().toString(), () -> {
      Path readme = sample.resolve("README.md");
      assertThat(readme).as("every sample has a README").isRegularFile();
      List<String> actual = analyze(sample).findings();
      if (UPDATE) {
        rewrite(readme, actual);
      }
      assertEquals(String.join("\n", expected(readme)), String.join("\n", actual),
          "findings on samples/" + sample.getFileName() + " differ from its README; if the change is intended, "
              + "regenerate with -Dambientlint.regenerate=true (see CONTRIBUTING.md) and review the diff");
    }));
  }

  @Test
  void brokenMeshShowsEveryRegisteredRule() throws IOException {
    Set<String> registered = new TreeSet<>();
    for (RuleMetadata m : RuleRegistry.load().metadata()) {
      registered.add(m.id());
    }
    Report report = analyze(samples().resolve("broken-mesh"));
    // Rules about the repository as a whole (AL112: nothing enrolled in ambient) cannot fire in an ambient sample.
    Set<String> shown = new TreeSet<>(report.ruleIds());
    shown.addAll(analyze(samples().resolve("ambient-not-enrolled")).ruleIds());
    assertThat(shown).as("rules with at least one finding on samples/broken-mesh or samples/ambient-not-enrolled (add a "
        + "case for a new rule there)").containsAll(registered);
    assertThat(report.exitCode()).isZero(); // --fail-on none, and every file is readable
  }

  @Test
  void correctSamplesAreCleanAndThePluggableOneHasOnlyNotes() throws IOException {
    for (String clean : List.of("bookinfo-ambient", "gitops-layout")) {
      Report report = analyze(samples().resolve(clean));
      assertThat(report.findings()).as("findings on samples/" + clean).isEmpty();
      assertThat(report.notificationKinds()).as("notifications on samples/" + clean).isSubsetOf("skipped");
    }
    Report pluggable = analyze(samples().resolve("pluggable-waypoint"));
    assertThat(pluggable.severities()).as("severities on samples/pluggable-waypoint").isSubsetOf("note");
    assertThat(pluggable.notificationKinds()).isEmpty();
  }
}
