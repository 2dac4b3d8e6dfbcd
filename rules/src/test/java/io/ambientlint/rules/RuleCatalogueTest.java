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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The catalogue is complete: every rule has a firing fixture and a near-miss fixture, and its generated page
 * in {@code docs/rules/} is current. Regenerate the pages with
 * {@code mvn -pl rules -am test -Dtest=RuleCatalogueTest -Dsurefire.failIfNoSpecifiedTests=false -Dambientlint.updateDocs=true}.
 */
class RuleCatalogueTest {

  private final List<RuleMetadata> rules = RuleRegistry.load().metadata();

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
    boolean update = Boolean.getBoolean("ambientlint.updateDocs");
    List<String> stale = new ArrayList<>();
    List<Path> expectedFiles = new ArrayList<>();
    for (RuleMetadata m : rules) {
      Path page = docs.resolve(m.id() + ".md");
      expectedFiles.add(page);
      stale.addAll(compare(page, RuleDocs.page(m), update));
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
        .as("docs/rules is stale; regenerate with mvn -pl rules -am test -Dtest=RuleCatalogueTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dambientlint.updateDocs=true")
        .isEmpty();
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
