package io.ambientlint.rules.waypoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.severity.Severity;
import io.ambientlint.testing.RuleFixtures;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The E/W variants of AL106 and the related locations the fixtures cannot express. */
class WaypointRuleSeverityTest {

  private static List<Finding> findings(String fixture, String ruleId) throws URISyntaxException {
    Path root = Path.of(WaypointRuleSeverityTest.class.getResource("/fixtures").toURI());
    return RuleFixtures.analyze(root, root.resolve(fixture)).findings().stream()
        .filter(f -> f.ruleId().equals(ruleId)).toList();
  }

  @Test
  void missingBoundListenerIsAnErrorForIstioClassesAndAWarningForOthers() throws Exception {
    assertThat(findings("AL106/istio-class-without-listeners.yaml", "AL106")).singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    assertThat(findings("AL106/vendor-class-wrong-port.yaml", "AL106")).singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    assertThat(findings("AL106/extra-listener.yaml", "AL106")).singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
  }

  @Test
  void attachmentDeniedPointsAtTheLabelAndRelatesTheListenerAndTheGateway() throws Exception {
    Finding f = findings("AL103/selector-not-matching.yaml", "AL103").get(0);
    assertThat(f.message()).contains("Namespace books").contains("infra/waypoint")
        .contains("allows namespaces matching {mesh=shared}");
    assertThat(f.related()).extracting(r -> r.message())
        .containsExactly("the bound listener's allowed namespaces", "the waypoint Gateway infra/waypoint",
            "the use-waypoint-namespace label");
    assertThat(f.related().get(0).location().position().line()).isEqualTo(23);
  }

  @Test
  void trafficTypeMismatchRelatesTheDecidingWaypointForLabelOnTheClass() throws Exception {
    Finding f = findings("AL102/class-default-workload.yaml", "AL102").get(0);
    assertThat(f.message()).contains("waypoint-for is workload, so it does not serve service traffic");
    assertThat(f.related()).extracting(r -> r.location().position().line()).containsExactly(6, 11);
  }
}
