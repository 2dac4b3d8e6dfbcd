package io.ambientlint.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ambientlint.testing.RuleFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The fixture harness itself: expectations and pinned message fragments fail when they do not hold. */
class FixtureHarnessTest {

  private static final String UNBOUND_ROUTE = """
      apiVersion: v1
      kind: Namespace
      metadata: {name: books, labels: {istio.io/dataplane-mode: ambient}}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: ratings, namespace: books}
      spec: {selector: {app: ratings}, ports: [{name: http, port: 9080}]}
      ---
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: ratings, namespace: books}
      spec:
        parentRefs:
        - group: ""          # expect: AL202 %s
          kind: Service
          name: ratings
      """;

  @TempDir
  Path root;

  private Path fixture(String marker) throws IOException {
    Path file = Files.createDirectories(root.resolve("AL202")).resolve("route.yaml");
    Files.writeString(file, UNBOUND_ROUTE.formatted(marker));
    return file;
  }

  @Test
  void aPinnedFragmentTheMessageContainsPasses() throws IOException {
    Path fixture = fixture("\"Service books/ratings\" \"(MissingUseWaypointLabel)\"");
    assertThat(RuleFixtures.messageFragments(root, fixture).values())
        .containsExactly(java.util.List.of("Service books/ratings", "(MissingUseWaypointLabel)"));
    assertThatCode(() -> RuleFixtures.check(root, fixture, "AL202")).doesNotThrowAnyException();
  }

  @Test
  void aPinnedFragmentTheMessageLacksFailsAndQuotesTheMessage() throws IOException {
    Path fixture = fixture("\"traffic is \\\"dropped\\\"\"");
    assertThat(RuleFixtures.messageFragments(root, fixture).values())
        .containsExactly(java.util.List.of("traffic is \"dropped\""));
    assertThatThrownBy(() -> RuleFixtures.check(root, fixture, "AL202")).isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("AL202 should contain \"traffic is \"dropped\"\"")
        .hasMessageContaining("do not use HTTPRoute books/ratings");
  }

  @Test
  void aMissingFindingFailsEvenWithoutFragments() throws IOException {
    Path fixture = fixture("");
    Files.writeString(fixture, Files.readString(fixture).replace("dataplane-mode: ambient", "dataplane-mode: ambient, "
        + "istio.io/use-waypoint: waypoint"));
    assertThatThrownBy(() -> RuleFixtures.check(root, fixture, "AL202")).isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("missing: [AL202/route.yaml:15 AL202]");
  }
}
