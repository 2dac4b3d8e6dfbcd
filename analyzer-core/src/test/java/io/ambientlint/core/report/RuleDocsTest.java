package io.ambientlint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuleDocsTest {

  private static final RuleMetadata RULE = RuleMetadata.builder("AL998", "demo-rule")
      .severity(Severity.ERROR).summary("Something is wrong").description("What it checks.").help("Fix it.")
      .build();

  @Test
  void sinceDefaultsToTheFirstReleaseAndCanBeSet() {
    assertThat(RULE.since()).isEqualTo("0.1.0");
    RuleMetadata later = RuleMetadata.builder("AL998", "demo-rule").summary("s").description("d").help("h")
        .since("0.4.0").build();
    assertThat(RuleDocs.page(later)).contains("| Since | 0.4.0 |");
  }

  @Test
  void headerNamesTheGeneratingTestAndTheSwitch() {
    String page = RuleDocs.page(RULE);
    assertThat(page.lines().findFirst().orElseThrow())
        .contains("RuleCatalogueTest", "-Dambientlint.regenerate=true")
        .doesNotContain("RuleDocsTest");
    assertThat(RuleDocs.index(java.util.List.of(RULE))).startsWith(RuleDocs.GENERATED);
  }

  @Test
  void examplesAppearBetweenTheFixAndTheConfigurationWithTheirSourceAndCut() {
    String page = RuleDocs.page(RULE,
        Optional.of(new RuleDocs.Example("fixtures/AL998/fires.yaml", "kind: A   # <-- AL998\n", 3)),
        Optional.of(new RuleDocs.Example("fixtures/AL998/near-miss.yaml", "kind: B\n", 0)));
    int fix = page.indexOf("## How to fix");
    int firing = page.indexOf("## Example: reported");
    int nearMiss = page.indexOf("## Example: not reported");
    int config = page.indexOf("## Configuration");
    assertThat(fix).isLessThan(firing);
    assertThat(firing).isLessThan(nearMiss);
    assertThat(nearMiss).isLessThan(config);
    assertThat(page).contains("From `fixtures/AL998/fires.yaml`:\n\n```yaml\nkind: A   # <-- AL998\n# ... 3 more lines")
        .contains("From `fixtures/AL998/near-miss.yaml`:\n\n```yaml\nkind: B\n```");
  }

  @Test
  void withoutExamplesThePageHasNoExampleSection() {
    assertThat(RuleDocs.page(RULE)).doesNotContain("## Example");
  }
}
