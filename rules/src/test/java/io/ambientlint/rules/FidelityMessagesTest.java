package io.ambientlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.severity.Severity;
import io.ambientlint.testing.RuleFixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runtime effects issue 17 asks the messages to state (the fixtures check where findings are). */
class FidelityMessagesTest {

  private static List<Finding> findings(String fixture, String ruleId) {
    Path root = RuleFixtureTest.fixturesRoot();
    return RuleFixtures.analyze(root, root.resolve(fixture)).findings().stream()
        .filter(f -> f.ruleId().equals(ruleId)).toList();
  }

  @Test
  void serviceEntryBackendSuggestsHostnameAndWeightZeroDoesNotClaimFailure() {
    List<Finding> f = findings("AL208/serviceentry-backend.yaml", "AL208");
    assertThat(f.get(0).message()).contains("fail (InvalidKind)").contains("kind: Hostname, name: payments.example.com");
    assertThat(f.get(1).message()).contains("weight 0").contains("receives no traffic").doesNotStartWith("requests");
    Finding weightZero = findings("AL206/weight-zero.yaml", "AL206").get(0);
    assertThat(weightZero.severity()).isEqualTo(Severity.WARNING);
    assertThat(weightZero.message()).contains("receives no traffic");
  }

  @Test
  void waypointGatewayParentAdvisesTheServiceAsParent() {
    assertThat(findings("AL204/waypoint-gateway-parent.yaml", "AL204").get(0).message())
        .contains("supports no route kind").contains("kind: Service");
  }

  @Test
  void partlyQualifiedHostsSuggestTheFqdn() {
    assertThat(findings("AL408/partly-qualified-hosts.yaml", "AL408").get(0).message())
        .contains("takes literally").contains("reviews.books.svc.cluster.local");
  }

  @Test
  void aWinningPrivateVirtualServiceIsNotToBeDeleted() {
    assertThat(findings("AL401/private-virtualservice-wins.yaml", "AL401").get(0).message())
        .startsWith("HTTPRoute books/reviews never receives requests").contains("would change live behaviour");
  }

  @Test
  void trustDomainsWidenAnAllowRule() {
    assertThat(findings("AL305/allow-rule-dropped.yaml", "AL305")).extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).contains("trustDomains").contains("from ANY trust domain"));
  }

  @Test
  void sourceLabelsFallThrough() {
    assertThat(findings("AL402/source-labels-ignored.yaml", "AL402")).extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).contains("fall through to the later routes").doesNotContain("every client"));
  }

  @Test
  void aGatewayParentNamedLikeAServiceSuggestsTheServiceKind() {
    assertThat(findings("AL201/service-named-as-gateway.yaml", "AL201").get(0).message())
        .contains("group: \"\" and kind: Service");
  }
}
