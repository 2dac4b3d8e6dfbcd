package io.ambientlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-cluster analysis end to end: findings shared by clusters are merged and name their units. */
class UnitsCliTest {

  @TempDir
  Path dir;

  record Run(int exitCode, String out, String err) {}

  private Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), dir);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private void write(String path, String text) throws IOException {
    Path p = dir.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  private void application(String file, String name, String path, String server) throws IOException {
    write(file, """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: %s
        spec:
          source:
            repoURL: https://git.example.com/repo.git
            path: %s
          destination:
            server: %s
            namespace: web
        """.formatted(name, path, server));
  }

  /** A Service bound to a waypoint that no file defines: AL101 in every cluster that applies it. */
  private void webApp() throws IOException {
    write("repo/apps/web/service.yaml", """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: web
          labels:
            istio.io/use-waypoint: missing
        spec:
          ports:
          - port: 80
        """);
  }

  @Test
  void aFindingOfTwoClustersIsReportedOnceNamingBothUnitsWithTheFingerprintOfOneCluster() throws IOException {
    webApp();
    application("repo/argocd/prod.yaml", "web-prod", "apps/web", "https://prod.example.com");
    application("repo/argocd/staging.yaml", "web-staging", "apps/web", "https://staging.example.com");
    Run text = run("check", "repo");
    assertThat(text.out()).containsOnlyOnce("error AL101");
    assertThat(text.out()).contains("[waypoint-not-found] (units: web-prod, web-staging)");

    JsonNode json = new ObjectMapper().readTree(run("check", "-f", "json", "repo").out());
    JsonNode finding = json.path("findings").get(0);
    assertThat(finding.path("units").toString()).isEqualTo("[\"web-prod\",\"web-staging\"]");
    JsonNode sarif = new ObjectMapper().readTree(run("check", "-f", "sarif", "repo").out());
    JsonNode result = sarif.at("/runs/0/results/0");
    assertThat(result.at("/properties/ambient-lint~1units").toString()).isEqualTo("[\"web-prod\",\"web-staging\"]");

    // The same object analyzed without any Application: same fingerprint, no units.
    Files.delete(dir.resolve("repo/argocd/prod.yaml"));
    Files.delete(dir.resolve("repo/argocd/staging.yaml"));
    JsonNode plain = new ObjectMapper().readTree(run("check", "-f", "json", "repo").out()).path("findings").get(0);
    assertThat(plain.has("units")).isFalse();
    assertThat(plain.path("fingerprint").asText()).isEqualTo(finding.path("fingerprint").asText());
    assertThat(plain.path("message").asText()).isEqualTo(finding.path("message").asText());
  }

  @Test
  void theSameObjectInTwoClustersIsNoDuplicateButTwoUnitsOnOneClusterAre() throws IOException {
    webApp();
    application("repo/argocd/prod.yaml", "web-prod", "apps/web", "https://prod.example.com");
    application("repo/argocd/staging.yaml", "web-staging", "apps/web", "https://staging.example.com");
    assertThat(run("check", "repo").out()).doesNotContain("AL903");
    application("repo/argocd/again.yaml", "web-again", "apps/web", "https://prod.example.com");
    Run r = run("check", "repo");
    assertThat(r.out()).containsOnlyOnce("AL903");
    assertThat(r.out()).contains("Service web/web is applied to this cluster by unit web-prod and also by unit web-again");
  }

  @Test
  void unitsCommandListsUnitsWithClustersAndExplainNeedsAKnownCluster() throws IOException {
    webApp();
    application("repo/argocd/prod.yaml", "web-prod", "apps/web", "https://prod.example.com");
    JsonNode units = new ObjectMapper().readTree(run("units", "-f", "json", "repo").out()).path("units");
    assertThat(units).hasSize(2);
    assertThat(units.get(0).path("name").asText()).isEqualTo("web-prod");
    assertThat(units.get(0).path("cluster").asText()).isEqualTo("https://prod.example.com");
    assertThat(units.get(0).path("files").toString()).isEqualTo("[\"repo/apps/web/service.yaml\"]");
    assertThat(units.get(1).path("kind").asText()).isEqualTo("loose-files");
    Run explain = run("explain", "--unit", "web-prod", "Service/web/web", "repo");
    assertThat(explain.exitCode()).isZero();
    assertThat(explain.out()).startsWith("== cluster https://prod.example.com (environment web-prod; units: web-prod)\nService web/web");
    assertThat(run("explain", "--cluster", "nowhere", "Service/web/web", "repo").exitCode()).isEqualTo(2);
  }

  /** samples/upstream-overlay copied to {@code repo}, with its kustomization's resources replaced when given. */
  private void upstreamOverlay(String resources) throws IOException {
    Path sample = SamplesTest.samples().resolve("upstream-overlay");
    try (var files = Files.walk(sample)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        write("repo/" + sample.relativize(f).toString().replace('\\', '/'), Files.readString(f));
      }
    }
    if (resources != null) {
      Path k = dir.resolve("repo/overlays/prod/kustomization.yaml");
      String text = Files.readString(k);
      Files.writeString(k, text.substring(0, text.indexOf("resources:")) + resources
          + text.substring(text.indexOf("patches:")));
    }
  }

  @Test
  void anOverlayOnAnUpstreamInstallSaysWhatWasNotRenderedAndReportsNothingThatRestsOnIt() throws IOException {
    upstreamOverlay(null);
    Run check = run("check", "-f", "json", "repo");
    assertThat(check.exitCode()).isZero();
    JsonNode report = new ObjectMapper().readTree(check.out());
    assertThat(report.path("findings")).isEmpty();
    assertThat(report.path("notifications").findValuesAsText("message")).anySatisfy(m -> assertThat(m)
        .startsWith("3 objects referenced in cluster bookinfo/https://prod.k8s.example.com but not found "
            + "(core/Service/bookinfo/reviews, core/Service/bookinfo/reviews-v1, core/Service/bookinfo/reviews-v2) "
            + "are not reported as missing (AL201, AL206, AL301): unit bookinfo also applies objects"));
    JsonNode unit = new ObjectMapper().readTree(run("units", "-f", "json", "repo").out()).path("units").get(0);
    assertThat(unit.path("name").asText()).isEqualTo("bookinfo");
    assertThat(unit.path("notRendered").findValuesAsText("")).isEmpty();
    assertThat(unit.path("notRendered")).extracting(JsonNode::asText).satisfiesExactly(
        m -> assertThat(m).startsWith("remote resource https://github.com/istio/istio//samples/bookinfo"),
        m -> assertThat(m).startsWith("resource ../../../../vendor/platform-base is outside the analyzed folders"),
        m -> assertThat(m).startsWith("strategic merge patch Service reviews patches an object of a base that is not read"));
    // The patch is consumed by the render, never taken for a partial Service of its own.
    assertThat(unit.path("files").toString()).contains("reviews-waypoint.yaml");
  }

  @Test
  void theSameOverlayWithoutItsUpstreamBasesReportsTheMissingObjectsOncePerRule() throws IOException {
    upstreamOverlay("resources:\n- waypoint.yaml\n- routes.yaml\n- policy.yaml\n");
    Run check = run("check", "-f", "json", "repo");
    JsonNode findings = new ObjectMapper().readTree(check.out()).path("findings");
    // The patch now has no target at all: kustomize fails, the unit's objects are not analyzed (exit 3).
    assertThat(check.exitCode()).isEqualTo(3);
    assertThat(findings).isEmpty();
    Files.delete(dir.resolve("repo/overlays/prod/reviews-waypoint.yaml"));
    Files.writeString(dir.resolve("repo/overlays/prod/kustomization.yaml"), """
        namespace: bookinfo
        resources: [waypoint.yaml, routes.yaml, policy.yaml]
        """);
    findings = new ObjectMapper().readTree(run("check", "-f", "json", "repo").out()).path("findings");
    assertThat(findings).extracting(f -> f.path("ruleId").asText() + " " + f.path("missingObject").asText())
        .containsExactlyInAnyOrder("AL201 core/Service/bookinfo/reviews", "AL206 core/Service/bookinfo/reviews-v1",
            "AL206 core/Service/bookinfo/reviews-v2", "AL301 core/Service/bookinfo/reviews");
  }

  /** A Widget CRD whose version schemas give spec.size the type {@code sizeType}. */
  private static String widgetCrd(String sizeType, String... versions) {
    StringBuilder out = new StringBuilder("""
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        spec:
          group: example.com
          scope: Namespaced
          names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}
          versions:
        """);
    for (String v : versions) {
      out.append("""
            - name: %s
              served: true
              storage: %s
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec:
                      type: object
                      properties:
                        size: {type: %s}
          """.formatted(v, v.equals(versions[versions.length - 1]), sizeType));
    }
    return out.toString();
  }

  private static String widget(String name, String size) {
    return """
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: %s, namespace: shop}
        spec:
          size: %s
        """.formatted(name, size);
  }

  @Test
  void al902ChecksAResourceAgainstTheCrdOfItsOwnUnitBeforeANewerOneElsewhereAndNamesTheFile() throws IOException {
    // Unit widgets vendors an old CRD (v1 only, size is an integer); unit platform installs a newer one
    // (v1 and v2, size a string) in the same cluster.
    write("repo/apps/widgets/crd.yaml", widgetCrd("integer", "v1"));
    write("repo/apps/widgets/widget.yaml", widget("big", "\"big\""));
    write("repo/platform/crds/widget-crd.yaml", widgetCrd("string", "v1", "v2"));
    write("repo/apps/other/widget.yaml", widget("small", "3"));
    application("repo/argocd/widgets.yaml", "widgets", "apps/widgets", "https://prod.example.com");
    application("repo/argocd/platform.yaml", "platform", "platform/crds", "https://prod.example.com");
    application("repo/argocd/other.yaml", "other", "apps/other", "https://prod.example.com");
    JsonNode report = new ObjectMapper().readTree(run("check", "-f", "json", "repo").out());
    JsonNode findings = report.path("findings");
    assertThat(findings).extracting(f -> f.path("ruleId").asText() + " " + f.path("path").asText())
        .containsExactlyInAnyOrder("AL902 repo/apps/widgets/widget.yaml", "AL902 repo/apps/other/widget.yaml",
            "AL903 repo/apps/widgets/crd.yaml");
    // Two units applying one CRD to one cluster is itself a finding (Argo CD's shared resource).
    assertThat(findings).filteredOn(f -> f.path("ruleId").asText().equals("AL903")).singleElement()
        .satisfies(f -> assertThat(f.path("message").asText()).contains("unit widgets").contains("unit platform"));
    // Own unit's copy, though older: size must be an integer; the message names that file.
    assertThat(findings).filteredOn(f -> f.path("path").asText().equals("repo/apps/widgets/widget.yaml"))
        .singleElement().satisfies(f -> assertThat(f.path("message").asText())
            .contains("repo/apps/widgets/crd.yaml").doesNotContain("platform/crds"));
    // No copy in its own unit: the newest (v2), where size is a string.
    assertThat(findings).filteredOn(f -> f.path("path").asText().equals("repo/apps/other/widget.yaml"))
        .singleElement().satisfies(f -> assertThat(f.path("message").asText())
            .contains("repo/platform/crds/widget-crd.yaml"));
    assertThat(report.path("notifications").findValuesAsText("kind")).contains("crd-conflict");
  }

  private void routeTo(String file, String route, String backend) throws IOException {
    write(file, """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: %s, namespace: shop}
        spec:
          parentRefs: [{name: ingress, namespace: shop}]
          rules:
          - backendRefs: [{name: %s, port: 8080}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: ingress-%s, namespace: shop}
        spec:
          gatewayClassName: istio
          listeners: [{name: http, port: 80, protocol: HTTP}]
        """.formatted(route, backend, route));
  }

  @Test
  void aBaselinedMissingObjectStaysOneAcceptedFindingWhenReferencesAreAddedBeforeIt() throws IOException {
    write("repo/shop/gateway.yaml", """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: ingress, namespace: shop}
        spec:
          gatewayClassName: istio
          listeners: [{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: Same}}}]
        """);
    routeTo("repo/shop/m-route.yaml", "m", "catalog");
    routeTo("repo/shop/n-route.yaml", "n", "catalog");
    Run before = run("check", "-f", "json", "repo", "--write-baseline", "baseline.json");
    assertThat(Files.readString(dir.resolve("baseline.json"))).containsOnlyOnce("AL206");
    // A new reference that sorts first (a-route.yaml) now holds the finding; the baseline still accepts it.
    routeTo("repo/shop/a-route.yaml", "a", "catalog");
    Run after = run("check", "-f", "json", "repo", "--baseline", "baseline.json");
    JsonNode finding = new ObjectMapper().readTree(after.out()).path("findings").get(0);
    assertThat(finding.path("path").asText()).isEqualTo("repo/shop/a-route.yaml");
    assertThat(finding.path("message").asText()).contains("referenced 3 times");
    assertThat(finding.has("suppressed")).isTrue();
    assertThat(after.exitCode()).as(before.out()).isZero();
    // Another missing object is new.
    routeTo("repo/shop/b-route.yaml", "b", "cart");
    assertThat(run("check", "repo", "--baseline", "baseline.json").exitCode()).isEqualTo(1);
  }

  @Test
  void aRepositoryBesideTheWorkingDirectoryIsRenderedButNotWhatLiesOutsideIt() throws IOException {
    write("gitops/base/kustomization.yaml", "resources:\n- service.yaml\n");
    write("gitops/base/service.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 80\n");
    write("gitops/overlays/prod/kustomization.yaml", "namespace: shop\nresources:\n- ../../base\n");
    write("gitops/overlays/leaky/kustomization.yaml", "resources:\n- ../../../secrets\n");
    write("secrets/kustomization.yaml", "resources:\n- secret.yaml\n");
    write("secrets/secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n");
    Files.createDirectories(dir.resolve("work"));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"units", "../gitops"}, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        dir.resolve("work"));
    String units = out.toString(StandardCharsets.UTF_8);

    // The overlay beside the working directory renders with its base, as it does from inside the repository.
    assertThat(code).as(units + err).isZero();
    assertThat(units).contains("../gitops/base/service.yaml").doesNotContain("outside the analyzed folder;")
        .doesNotContain("secrets/secret.yaml");
    // What a kustomization names outside the analyzed folder is still not read: unknown, listed as not rendered.
    assertThat(units).contains("not rendered").contains("secrets");
  }
}
