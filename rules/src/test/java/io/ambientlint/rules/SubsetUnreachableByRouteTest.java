package io.ambientlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.rule.Finding;
import io.ambientlint.testing.RuleFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** AL406's advice: a Service per version, never a Service selector on node topology labels. */
class SubsetUnreachableByRouteTest {

  private static String messageOf(String fixture) {
    Path root = RuleFixtureTest.fixturesRoot();
    return RuleFixtures.analyze(root, root.resolve(fixture)).findings().stream()
        .filter(f -> f.ruleId().equals("AL406")).map(Finding::message).findFirst().orElseThrow();
  }

  @Test
  void versionSubsetsGetAServicePerVersion() {
    assertThat(messageOf("AL406/subsets-with-route.yaml"))
        .contains("Service books/reviews-v1 with selector app=reviews,version=v1");
  }

  @Test
  void nodeTopologySubsetsAreNeverSuggestedAsServiceSelectors() {
    assertThat(messageOf("AL406/topology-subsets.yaml"))
        .contains("subset zone-a selects by node topology (topology.kubernetes.io/zone)")
        .contains("locality")
        .doesNotContain("selector app=ratings,topology");
  }
}
