package io.ambientlint.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.Analyzer;
import io.ambientlint.core.config.Config;
import io.ambientlint.core.config.ExternalObject;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.ResourceId;
import io.ambientlint.core.model.Service;
import io.ambientlint.core.severity.Severity;
import io.ambientlint.testing.TestGraphs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A missing object referenced many times is one finding at its first reference, fingerprinted by the object. */
class MissingObjectsTest {

  /** Test rule: a Service's {@code test/uses} label names another Service of its namespace, which must exist. */
  static final class UsesRule implements Rule {
    static final RuleMetadata META = RuleMetadata.builder("AL996", "test-uses-missing")
        .severity(Severity.ERROR).summary("s").description("d").help("h").tags("test").build();

    @Override
    public RuleMetadata metadata() {
      return META;
    }

    @Override
    public void check(MeshGraph graph, Findings findings) {
      for (Service s : graph.services()) {
        String used = s.resource().labels().get("test/uses");
        ResourceId target = new ResourceId("", "Service", s.resource().namespace(), String.valueOf(used));
        if (used != null && !graph.exists(target)) {
          findings.report(META, s.resource().labelNode("test/uses"), "%s uses missing Service %s",
              s.displayName(), used).missing(target.qualified());
        }
      }
    }
  }

  private static List<Finding> findings(String yaml, Config config) {
    return new Analyzer(config, new RuleRegistry(List.of(new UsesRule())), Path.of("."))
        .analyze(TestGraphs.fromYaml(yaml, config)).findings();
  }

  private static List<Finding> findings(String yaml) {
    return findings(yaml, Config.DEFAULTS);
  }

  private static String service(String name, String uses) {
    return "apiVersion: v1\nkind: Service\nmetadata: {name: " + name + ", namespace: shop, labels: {test/uses: "
        + uses + "}}\nspec: {ports: [{port: 8080}]}\n---\n";
  }

  private static final String THREE_REFERENCES = service("b", "catalog") + service("c", "catalog")
      + service("d", "catalog") + service("e", "cart");

  @Test
  void threeReferencesAreOneFindingAtTheFirstWithTheOthersRelated() {
    List<Finding> found = findings(THREE_REFERENCES);
    assertThat(found).hasSize(2);
    Finding catalog = found.get(0);
    assertThat(catalog.location().position().line()).isEqualTo(3);
    assertThat(catalog.message()).startsWith("Service shop/b uses missing Service catalog")
        .contains("referenced 3 times");
    assertThat(catalog.related()).extracting(r -> r.location().position().line()).containsExactly(8, 13);
    assertThat(catalog.related()).extracting(RelatedLocation::message)
        .allMatch(m -> m.startsWith("another reference by Service/shop/"));
    assertThat(catalog.missingObject()).isEqualTo("core/Service/shop/catalog");
    Finding cart = found.get(1);
    assertThat(cart.message()).isEqualTo("Service shop/e uses missing Service cart");
    assertThat(cart.related()).isEmpty();
  }

  @Test
  void theFingerprintIsTheRuleAndTheMissingObjectWhicheverReferenceComesFirst() {
    String catalog = findings(THREE_REFERENCES).get(0).fingerprint();
    String anEarlierReference = service("a", "catalog") + THREE_REFERENCES;
    String firstRemoved = THREE_REFERENCES.substring(THREE_REFERENCES.indexOf("---\n") + 4);
    String alone = service("z", "catalog");
    assertThat(findings(anEarlierReference).get(0).location().position().line()).isEqualTo(3);
    assertThat(findings(anEarlierReference).get(0).message()).contains("Service shop/a").contains("referenced 4 times");
    assertThat(findings(anEarlierReference).get(0).fingerprint()).isEqualTo(catalog);
    assertThat(findings(firstRemoved).get(0).fingerprint()).isEqualTo(catalog);
    assertThat(findings(alone).get(0).fingerprint()).isEqualTo(catalog);
    assertThat(findings(THREE_REFERENCES).get(1).fingerprint()).isNotEqualTo(catalog);
  }

  @Test
  void anObjectDeclaredExternalIsNotReported() {
    Config config = Config.DEFAULTS.toBuilder().addExternal(new ExternalObject("", "Service", "shop", "catalog")).build();
    assertThat(findings(THREE_REFERENCES, config)).extracting(Finding::message)
        .containsExactly("Service shop/e uses missing Service cart");
  }

  @Test
  void aSuppressedReferenceStaysApartFromTheReportedOnes() {
    String suppressed = "apiVersion: v1\nkind: Service\nmetadata: {name: a, namespace: shop, labels: {test/uses: catalog},"
        + " annotations: {ambient-lint.io/ignore: AL996}}\nspec: {ports: [{port: 8080}]}\n---\n" + THREE_REFERENCES;
    List<Finding> found = findings(suppressed);
    assertThat(found).filteredOn(Finding::isSuppressed).hasSize(1);
    assertThat(found).filteredOn(f -> !f.isSuppressed() && f.missingObject().endsWith("catalog")).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("Service shop/b").contains("referenced 3 times"));
  }
}
