package io.ambientlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.rule.RuleRegistry;
import io.ambientlint.testing.SarifSchema;
import io.ambientlint.testing.TestGitRepository;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pull-request workflow end to end with the real rules: a Git repository built with JGit, a base commit,
 * changes in the working tree, and {@code check --new-since}, {@code --baseline}, {@code --write-baseline}.
 */
class PullRequestWorkflowTest {

  @TempDir
  Path dir;

  record Run(int exitCode, String out, String err) {
    JsonNode json() throws IOException {
      return new ObjectMapper().readTree(out);
    }
  }

  private Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), dir);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** "AL903 gateway.networking.k8s.io/HTTPRoute/books/reviews", or the file for file-level findings. */
  private static List<String> keys(JsonNode list) {
    List<String> keys = new ArrayList<>();
    list.forEach(f -> keys.add(f.path("ruleId").asText() + " " + (f.has("object") ? f.path("object").asText() : f.path("path").asText())));
    return keys;
  }

  private static final String ROUTE = """
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: reviews, namespace: books}
      spec: {parentRefs: [{group: "", kind: Service, name: reviews}]}
      """;
  private static final String SERVICE = """
      apiVersion: v1
      kind: Service
      metadata: {name: ratings, namespace: books}
      spec: {ports: [{name: http, port: 9080}]}
      """;
  private static final String GATEWAY = """
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: waypoint, namespace: books}
      spec: {gatewayClassName: istio-waypoint, listeners: [{name: mesh, port: 15008, protocol: HBONE}]}
      """;
  private static final String GATEWAY_REFORMATTED = """
      # the waypoint, reformatted: block style, keys reordered, comments
      kind: Gateway
      apiVersion: gateway.networking.k8s.io/v1
      metadata:
        namespace: books
        name: waypoint
      spec:
        gatewayClassName: istio-waypoint
        listeners:
          - name: mesh      # HBONE from ztunnel
            protocol: HBONE
            port: 15008
      """;
  private static final String POLICY = """
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: allow-frontend, namespace: books}
      spec:
        action: ALLOW
        action: DENY
        rules: [{from: [{source: {namespaces: [frontend]}}]}]
      """;

  private static final String LEGACY = "apiVersion: v1\nkind: Service\nmetadata:\n  name: legacy\n  namespace: books\n"
      + "  labels: {app: legacy, app: old}\n";

  /**
   * The config of the test repository: every rule off but AL903 and AL905, which these tests are about, so
   * that rules added later (a route whose parent Service is missing, say) do not change the lists.
   */
  private static String config() {
    String others = RuleRegistry.load().metadata().stream().map(RuleMetadata::id)
        .filter(id -> !id.equals("AL903") && !id.equals("AL905")).map(id -> id + ": off").collect(Collectors.joining(", "));
    return "rules: {" + others + "}\n";
  }

  /** The base commit: three duplicated objects (AL903), a repeated label key (AL905). */
  private TestGitRepository base() throws Exception {
    TestGitRepository git = TestGitRepository.init(dir);
    git.write(".ambient-lint.yaml", config())
        .write("mesh/routes.yaml", ROUTE + "---\n" + ROUTE)
        .write("mesh/services.yaml", SERVICE + "---\n" + SERVICE)
        .write("mesh/gateway.yaml", GATEWAY + "---\n" + GATEWAY)
        .write("mesh/namespace.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: books}\n")
        .write("mesh/legacy.yaml", LEGACY)
        .commit("base");
    return git;
  }

  /** The pull request: fix the route, move objects to other files, reformat the Gateways, add a broken policy. */
  private static void change(TestGitRepository git) throws IOException {
    git.delete("mesh/legacy.yaml")
        .write("mesh/moved/legacy.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: other}\n---\n" + LEGACY)
        .write("mesh/routes.yaml", ROUTE)
        .write("mesh/services.yaml", SERVICE)
        .write("mesh/moved/ratings.yaml", SERVICE)
        .write("mesh/gateway.yaml", GATEWAY_REFORMATTED + "---\n" + GATEWAY_REFORMATTED)
        .write("mesh/namespace.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: books, labels: {team: a}}\n")
        .write("mesh/policy.yaml", POLICY)
        .write("mesh/policy-copy.yaml", POLICY.replace("  action: DENY\n", ""));
  }

  @Test
  void newSinceListsWhatTheChangeIntroducesFixesAndLeavesUnchanged() throws Exception {
    try (TestGitRepository git = base()) {
      change(git);

      Run r = run("check", "mesh", "--new-since", "main", "-f", "json");

      assertThat(r.exitCode()).isEqualTo(1);
      JsonNode json = r.json();
      assertThat(keys(json.path("introduced"))).containsExactlyInAnyOrder(
          "AL903 security.istio.io/AuthorizationPolicy/books/allow-frontend",
          "AL905 security.istio.io/AuthorizationPolicy/books/allow-frontend");
      assertThat(keys(json.path("fixed"))).containsExactly("AL903 gateway.networking.k8s.io/HTTPRoute/books/reviews");
      assertThat(json.path("fixed").get(0).path("path").asText()).isEqualTo("mesh/routes.yaml");
      assertThat(keys(json.path("unchanged"))).containsExactlyInAnyOrder(
          "AL903 core/Service/books/ratings", "AL903 gateway.networking.k8s.io/Gateway/books/waypoint",
          "AL905 core/Service/books/legacy");
      assertThat(json.path("unchanged").findValuesAsText("path")).contains("mesh/moved/ratings.yaml", "mesh/moved/legacy.yaml");
      assertThat(json.path("summary").path("errors").asInt()).isEqualTo(2);
      assertThat(json.path("summary").path("comparedWith").asText()).isEqualTo("main");
    }
  }

  @Test
  void textShowsOnlyIntroducedFindingsAndTheCounts() throws Exception {
    try (TestGitRepository git = base()) {
      change(git);

      Run r = run("mesh", "--new-since", "main");

      assertThat(r.out()).contains("AL905").contains("AuthorizationPolicy books/allow-frontend is defined again")
          .doesNotContain("Service books/ratings").doesNotContain("Gateway books/waypoint")
          .doesNotContain("legacy").contains("2 errors, 0 warnings, 0 notes")
          .contains("introduced 2, fixed 1, unchanged 3 (compared with main)");
    }
  }

  @Test
  void unchangedFindingsDoNotFailTheRun() throws Exception {
    try (TestGitRepository git = base()) {
      change(git);
      git.commit("change");
      git.write("mesh/extra.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: extra}\n");

      Run r = run("mesh", "--new-since", "HEAD");

      assertThat(r.exitCode()).isZero();
      assertThat(r.out()).contains("introduced 0, fixed 0, unchanged 5 (compared with HEAD)");
      assertThat(run("mesh", "--new-since", "HEAD~1").exitCode()).isEqualTo(1);
    }
  }

  @Test
  void sarifMarksBaselineStates() throws Exception {
    try (TestGitRepository git = base()) {
      change(git);

      Run r = run("mesh", "--new-since", "main", "-f", "sarif", "-o", "out/r.sarif");

      String sarif = Files.readString(dir.resolve("out/r.sarif"));
      assertThat(SarifSchema.violations(sarif)).isEmpty();
      JsonNode results = new ObjectMapper().readTree(sarif).path("runs").get(0).path("results");
      assertThat(results.findValuesAsText("baselineState")).containsExactlyInAnyOrder("new", "new", "unchanged", "unchanged", "unchanged");
      assertThat(results.findValues("suppressions")).isEmpty();
      assertThat(r.exitCode()).isEqualTo(1);
    }
  }

  @Test
  void baselineAcceptsTodaysFindingsAndFailsOnNewOnes() throws Exception {
    try (TestGitRepository git = base()) {
      Run write = run("mesh", "--write-baseline", "ambient-lint-baseline.json");
      assertThat(write.exitCode()).isZero();
      assertThat(write.out()).contains("4 suppressed").contains("introduced 0, fixed 0, unchanged 4");
      String file = Files.readString(dir.resolve("ambient-lint-baseline.json"));
      assertThat(file).contains("\"object\": \"gateway.networking.k8s.io/HTTPRoute/books/reviews\"").doesNotContain("line");

      assertThat(run("mesh", "--baseline", "ambient-lint-baseline.json").exitCode()).isZero();

      change(git);
      Run after = run("mesh", "--baseline", "ambient-lint-baseline.json", "-f", "json");
      assertThat(after.exitCode()).isEqualTo(1);
      JsonNode json = after.json();
      assertThat(keys(json.path("introduced"))).containsExactlyInAnyOrder(
          "AL903 security.istio.io/AuthorizationPolicy/books/allow-frontend",
          "AL905 security.istio.io/AuthorizationPolicy/books/allow-frontend");
      assertThat(keys(json.path("fixed"))).containsExactly("AL903 gateway.networking.k8s.io/HTTPRoute/books/reviews");
      assertThat(json.path("fixed").get(0).has("path")).isFalse();
      assertThat(keys(json.path("unchanged"))).hasSize(3);
      assertThat(json.path("unchanged").findValuesAsText("kind")).containsOnly("external");
    }
  }

  @Test
  void theConfigKeyNamesTheBaseline() throws Exception {
    try (TestGitRepository git = base()) {
      assertThat(run("mesh", "--write-baseline", "config/baseline.json").exitCode()).isZero();
      git.write(".ambient-lint.yaml", config() + "baseline: config/baseline.json\n");

      assertThat(run("mesh").exitCode()).isZero();
      assertThat(run("mesh").out()).contains("(compared with baseline config/baseline.json)");
      Run whole = run(".", "-f", "json");
      assertThat(whole.exitCode()).isZero();
      assertThat(whole.json().path("notifications").findValuesAsText("message"))
          .containsExactly("written by ambient-lint (a baseline or a JSON report), not a manifest");
      git.write(".ambient-lint.yaml", config() + "baseline: missing.json\n");
      assertThat(run("mesh").exitCode()).isEqualTo(2);
    }
  }

  @Test
  void usageErrorsAreExitCode2() throws Exception {
    Run noRepository = run("--new-since", "main", ".");
    assertThat(noRepository.exitCode()).isEqualTo(2);
    assertThat(noRepository.err()).contains("--new-since main: not inside a Git repository");
    try (TestGitRepository git = base()) {
      Run unknown = run("mesh", "--new-since", "no-such-ref");
      assertThat(unknown.exitCode()).isEqualTo(2);
      assertThat(unknown.err()).contains("unknown Git revision \"no-such-ref\"");
      assertThat(run("-", "--new-since", "main").exitCode()).isEqualTo(2);
      Run missing = run("mesh", "--baseline", "missing.json");
      assertThat(missing.exitCode()).isEqualTo(2);
      assertThat(missing.err()).contains("missing.json: baseline file not found");
    }
  }
}
