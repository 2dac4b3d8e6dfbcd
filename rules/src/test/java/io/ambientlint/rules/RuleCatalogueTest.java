package io.ambientlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.report.RuleDocs;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.rule.RuleRegistry;
import io.ambientlint.testing.RuleFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The catalogue is complete: every rule has a firing fixture and a near-miss fixture, a case in
 * {@code samples/broken-mesh}, and its generated page in {@code docs/rules/} is current. Regenerate everything
 * generated with {@code -Dambientlint.regenerate=true} (the command is in CONTRIBUTING.md).
 */
class RuleCatalogueTest {

  static final String REGENERATE = "mvn -B -q test -pl rules,cli -am -Dtest='RuleCatalogueTest,SamplesTest' "
      + "-Dsurefire.failIfNoSpecifiedTests=false -Dambientlint.regenerate=true";

  private final List<RuleMetadata> rules = RuleRegistry.load().metadata();

  /**
   * The samples show every rule (samples/broken-mesh, or a sample of its own where a rule cannot fire beside the
   * others, like AL112); SamplesTest in the cli module runs them. Checked here too, from the samples' expected
   * findings, so that a new rule without a case fails in the module where the rule is added. Skipped while
   * regenerating: the lists are rewritten by SamplesTest in the same run.
   */
  @Test
  void everyRuleHasACaseInTheSamples() throws IOException {
    if (Boolean.getBoolean("ambientlint.regenerate")) {
      return;
    }
    StringBuilder expected = new StringBuilder();
    try (var samples = Files.list(projectRoot().resolve("samples"))) {
      for (Path readme : samples.map(s -> s.resolve("README.md")).filter(Files::isRegularFile).sorted().toList()) {
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int marker = text.indexOf("<!-- expected findings -->");
        if (marker >= 0) {
          expected.append(text.substring(marker));
        }
      }
    }
    List<String> missing = rules.stream().map(RuleMetadata::id)
        .filter(id -> !expected.toString().contains("\n" + id + " ")).toList();
    assertThat(missing).as("rules without a case in samples/broken-mesh: add one to its manifests, then "
        + REGENERATE + " and review the diff").isEmpty();
  }

  @Test
  void everyRuleHasAFiringAndANearMissFixture() {
    List<String> problems = new ArrayList<>();
    List<Path> fixtures = RuleFixtures.fixtures(RuleFixtureTest.fixturesRoot());
    for (RuleMetadata m : rules) {
      List<Path> own = fixtures.stream().filter(f -> f.getParent().getFileName().toString().equals(m.id())).toList();
      if (own.stream().noneMatch(RuleFixtures::fires)) {
        problems.add(m.id() + " has no fixture where it fires");
      }
      if (own.stream().allMatch(RuleFixtures::fires)) {
        problems.add(m.id() + " has no near-miss fixture where it stays silent");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void ruleDocsAreGeneratedFromMetadata() throws IOException {
    Path docs = projectRoot().resolve("docs/rules");
    boolean update = Boolean.getBoolean("ambientlint.regenerate") || Boolean.getBoolean("ambientlint.updateDocs");
    List<String> stale = new ArrayList<>();
    List<Path> expectedFiles = new ArrayList<>();
    for (RuleMetadata m : rules) {
      Path page = docs.resolve(m.id() + ".md");
      expectedFiles.add(page);
      stale.addAll(compare(page, RuleDocs.page(m, example(m.id(), true), example(m.id(), false)), update));
    }
    Path index = docs.resolve("README.md");
    expectedFiles.add(index);
    stale.addAll(compare(index, RuleDocs.index(rules), update));
    if (Files.isDirectory(docs)) {
      try (var existing = Files.list(docs)) {
        existing.filter(p -> !expectedFiles.contains(p)).forEach(p -> stale.add(p + " belongs to no rule"));
      }
    }
    assertThat(stale)
        .as("docs/rules is stale; regenerate with " + REGENERATE)
        .isEmpty();
  }

  @Test
  void examplesMarkOnlyThisRulesLinesAndDropTheExpectations() {
    String firing = example("AL202", true).orElseThrow().yaml();
    assertThat(firing).contains("# <-- AL202").doesNotContain("expect:");
    String nearMiss = example("AL202", false).orElseThrow().yaml();
    assertThat(nearMiss).doesNotContain("# <--").doesNotContain("expect:");
  }

  @Test
  void firingExamplesAreCutButKeepAMarkedLine() {
    for (RuleMetadata m : rules) {
      example(m.id(), true).ifPresent(e -> {
        assertThat(e.yaml()).as(m.id() + " firing example").contains("# <-- " + m.id());
        if (e.omittedLines() > 0) {
          assertThat(e.yaml().lines().count()).as(m.id()).isGreaterThanOrEqualTo(EXAMPLE_MAX_LINES);
        }
      });
    }
  }

  /** Longer fixtures are cut here on the page; the marked lines are always shown. */
  static final int EXAMPLE_MAX_LINES = 40;

  private static final Pattern EXPECT_COMMENT = Pattern.compile("\\s*#\\s*expect:(.*)$");
  private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern RULE_ID = Pattern.compile("AL\\d{3}");

  /**
   * The shortest single-file fixture of the rule that fires (or stays silent), preferring those that need no
   * config of their own, so the page shows the case with the least around it.
   */
  static Optional<RuleDocs.Example> example(String ruleId, boolean firing) {
    Path root = RuleFixtureTest.fixturesRoot();
    return RuleFixtures.fixtures(root).stream()
        .filter(f -> f.getParent().getFileName().toString().equals(ruleId))
        .filter(Files::isRegularFile)
        .filter(f -> RuleFixtures.fires(f) == firing)
        .min(Comparator.comparing(RuleCatalogueTest::hasOwnConfig)
            .thenComparing(RuleCatalogueTest::lineCount)
            .thenComparing(f -> f.getFileName().toString()))
        .map(f -> toExample(ruleId, f, "rules/src/test/resources/fixtures/" + root.relativize(f).toString().replace('\\', '/')));
  }

  private static RuleDocs.Example toExample(String ruleId, Path fixture, String source) {
    List<String> lines = readLines(fixture);
    List<String> shown = new ArrayList<>();
    int lastMarked = -1;
    for (String line : lines) {
      Matcher expect = EXPECT_COMMENT.matcher(line);
      if (!expect.find()) {
        shown.add(line);
        continue;
      }
      String code = line.substring(0, expect.start());
      Matcher ids = RULE_ID.matcher(QUOTED.matcher(expect.group(1)).replaceAll(""));
      boolean mine = false;
      while (ids.find()) {
        mine |= ids.group().equals(ruleId);
      }
      if (mine) {
        lastMarked = shown.size();
        shown.add(code + "   # <-- " + ruleId);
      } else if (!code.isBlank()) {
        // Other rules' expectations would only distract from this rule on its own page.
        shown.add(code);
      }
    }
    int keep = Math.min(shown.size(), Math.max(EXAMPLE_MAX_LINES, lastMarked + 1));
    return new RuleDocs.Example(source, String.join("\n", shown.subList(0, keep)), shown.size() - keep);
  }

  private static boolean hasOwnConfig(Path fixture) {
    String name = fixture.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
    return Files.isRegularFile(fixture.resolveSibling(name + ".ambient-lint.yaml"));
  }

  private static int lineCount(Path fixture) {
    return readLines(fixture).size();
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> compare(Path file, String content, boolean update) throws IOException {
    if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
      return List.of();
    }
    if (update) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
      return List.of();
    }
    return List.of(file + " is missing or out of date");
  }

  static Path projectRoot() {
    String root = System.getProperty("ambientlint.projectRoot");
    return root != null ? Path.of(root) : Path.of("..").toAbsolutePath().normalize();
  }
}
