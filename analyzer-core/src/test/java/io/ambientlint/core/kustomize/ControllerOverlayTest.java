package io.ambientlint.core.kustomize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ambientlint.core.config.GitopsSettings;
import io.ambientlint.core.gitops.Deployment;
import io.ambientlint.core.gitops.DeploymentUnit;
import io.ambientlint.core.gitops.FileSelectionRenderer;
import io.ambientlint.core.gitops.UnitDiscovery;
import io.ambientlint.core.load.LoadLimits;
import io.ambientlint.core.load.LoadedDocument;
import io.ambientlint.core.load.LoadedRepository;
import io.ambientlint.core.load.RepositoryLoader;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Argo CD {@code source.kustomize} and Flux Kustomization options applied as the controllers apply them (they
 * rewrite the folder's kustomization), compared with {@code kubectl kustomize} on the kustomization the controller
 * would have written, kept beside each test repository as {@code *-equivalent}. The kubectl comparisons skip
 * when kubectl is not installed; the other assertions always run.
 */
class ControllerOverlayTest {

  private static Path base() throws Exception {
    return Path.of(ControllerOverlayTest.class.getResource("/controller-options").toURI());
  }

  private static Deployment discover(String shape) throws Exception {
    return discover(shape, new KustomizeUnitRenderer(base(), LoadLimits.DEFAULTS));
  }

  private static Deployment discover(String shape, io.ambientlint.core.gitops.UnitRenderer renderer) throws Exception {
    LoadedRepository repository = new RepositoryLoader(base(), LoadLimits.DEFAULTS, List.of(),
        InputStream.nullInputStream()).load(List.of(shape));
    return new UnitDiscovery(GitopsSettings.NONE, renderer).discover(repository);
  }

  private static DeploymentUnit unit(Deployment d, String name) {
    return d.units().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
  }

  private static Map<String, JsonNode> byId(List<JsonNode> objects) {
    Map<String, JsonNode> out = new TreeMap<>();
    objects.forEach(o -> out.put(KustomizeDifferentialTest.ids(List.of(o)).get(0), o));
    return out;
  }

  private static Map<String, JsonNode> objectsOf(DeploymentUnit u) {
    return byId(u.documents().stream().map(LoadedDocument::root).toList());
  }

  private static Map<String, JsonNode> kubectl(String equivalent) throws Exception {
    return byId(KustomizeDifferentialTest.kubectlKustomize(base().resolve(equivalent)));
  }

  private static LoadedDocument document(DeploymentUnit u, String kind) {
    return u.documents().stream().filter(d -> d.root().path("kind").asText().equals(kind)).findFirst().orElseThrow();
  }

  @Test
  void argoCdOptionsEditTheFoldersKustomization() throws Exception {
    DeploymentUnit prod = unit(discover("argo"), "prod");
    Map<String, JsonNode> objects = objectsOf(prod);
    // namePrefix replaces the folder's base- (kustomize edit set nameprefix); namespace replaces books.
    assertThat(objects).containsOnlyKeys("Deployment books-prod/prod-reviews-v2", "Service books-prod/prod-reviews-v2",
        "ServiceAccount books-prod/prod-reviews-v2");
    JsonNode deployment = objects.get("Deployment books-prod/prod-reviews-v2");
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(3);
    assertThat(deployment.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("registry.example.com/reviews:2.0");
    assertThat(deployment.at("/spec/template/spec/serviceAccountName").asText()).isEqualTo("prod-reviews-v2");
    assertThat(deployment.at("/metadata/labels")).hasToString("{\"team\":\"books\",\"env\":\"prod\"}");
    assertThat(prod.notRendered()).isEmpty();
    // Provenance: what the options set points at the Application.
    LoadedDocument d = document(prod, "Deployment");
    assertThat(d.fileOf("/metadata/name")).isEqualTo("argo/apps/prod.yaml");
    assertThat(d.fileOf("/spec/replicas")).isEqualTo("argo/apps/prod.yaml");
    assertThat(d.positionOf("/spec/replicas").line()).isEqualTo(20); // count: "3"
    assertThat(d.fileOf("/spec/template/spec/containers/1/name")).isEqualTo("argo/app/deploy.yaml");
  }

  @Test
  void argoCdOptionsRenderAsKubectlKustomizeOnTheEditedKustomization() throws Exception {
    Assumptions.assumeTrue(KustomizeDifferentialTest.kubectlAvailable(), "kubectl is not installed");
    assertThat(objectsOf(unit(discover("argo"), "prod"))).isEqualTo(kubectl("argo-equivalent"));
  }

  @Test
  void fluxOptionsEditTheFoldersKustomizationAndCommonMetadataLabelsOnlyTheObjects() throws Exception {
    DeploymentUnit reviews = unit(discover("flux"), "reviews");
    Map<String, JsonNode> objects = objectsOf(reviews);
    assertThat(objects).containsOnlyKeys("Deployment books-prod/prod-reviews", "Service books-prod/prod-reviews",
        "ServiceAccount books-prod/prod-reviews");
    JsonNode deployment = objects.get("Deployment books-prod/prod-reviews");
    // images merge field by field: the folder's newName stays, the Kustomization's tag wins.
    assertThat(deployment.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("mirror.example.com/reviews:2.0");
    assertThat(deployment.at("/metadata/labels/env").asText()).isEqualTo("prod");
    assertThat(deployment.at("/metadata/annotations/owner").asText()).isEqualTo("sre");
    assertThat(deployment.at("/spec/selector/matchLabels").has("env")).isFalse();
    assertThat(deployment.at("/spec/template/metadata/labels").has("env")).isFalse();
    assertThat(document(reviews, "Deployment").fileOf("/metadata/labels/env")).isEqualTo("flux/clusters/prod.yaml");
    assertThat(reviews.notRendered()).isEmpty();
  }

  @Test
  void fluxOptionsRenderAsKubectlKustomizeOnTheGeneratedKustomization() throws Exception {
    Assumptions.assumeTrue(KustomizeDifferentialTest.kubectlAvailable(), "kubectl is not installed");
    Deployment d = discover("flux");
    Map<String, JsonNode> expected = kubectl("flux-equivalent");
    expected.values().forEach(o -> {
      ObjectNode metadata = (ObjectNode) o.get("metadata");
      metadata.withObject("labels").put("env", "prod"); // commonMetadata, set by Flux after the build
      metadata.withObject("annotations").put("owner", "sre");
    });
    assertThat(objectsOf(unit(d, "reviews"))).isEqualTo(expected);
    // A folder without a kustomization: Flux lists its manifests (a sub-folder with one as a whole).
    assertThat(objectsOf(unit(d, "plain"))).isEqualTo(kubectl("flux-plain-equivalent"));
  }

  @Test
  void aFolderWithoutAKustomizationGetsTheOneFluxWrites() throws Exception {
    DeploymentUnit plain = unit(discover("flux"), "plain");
    assertThat(objectsOf(plain)).containsOnlyKeys("Service plain/api-internal", "Service plain/web");
    assertThat(objectsOf(plain).get("Service plain/web").at("/metadata/labels/patched").asText()).isEqualTo("yes");
    assertThat(plain.sourceFiles()).contains("flux/plain/web.yaml", "flux/plain/sub/api.yaml");
  }

  @Test
  void withoutRenderingTheOptionsAreListedAsNotApplied() throws Exception {
    DeploymentUnit prod = unit(discover("argo", new FileSelectionRenderer()), "prod");
    assertThat(prod.notRendered()).singleElement().asString().contains("namePrefix").contains("patches");
    DeploymentUnit plain = unit(discover("flux", new FileSelectionRenderer()), "plain");
    // Taken as written (the namespace is placed later, by the model): no suffix from sub/, no patch.
    assertThat(objectsOf(plain)).containsOnlyKeys("Service /api", "Service /web");
    assertThat(plain.notRendered()).singleElement().asString().contains("patches").doesNotContain("targetNamespace");
  }

  @Test
  void aLabelTheKustomizationAlreadySetsFailsTheBuildUnlessForced() throws Exception {
    KustomizeUnitRenderer renderer = new KustomizeUnitRenderer(base(), LoadLimits.DEFAULTS);
    Deployment d = discover("argo-conflict", renderer);
    assertThat(unit(d, "clash").documents()).isEmpty();
    assertThat(renderer.diagnostics()).filteredOn(n -> n.path().equals("argo-conflict/apps/apps.yaml")).singleElement()
        .satisfies(n -> {
          assertThat(n.message()).contains("Application clash adds label team").contains("already in kustomization file");
          assertThat(n.position().line()).isEqualTo(11);
        });
    DeploymentUnit forced = unit(d, "forced");
    assertThat(objectsOf(forced).get("Service /reviews").at("/metadata/labels/team").asText()).isEqualTo("shop");
    // ignoreMissingComponents: the component that exists is added, the missing one skipped.
    assertThat(objectsOf(forced).get("Service /reviews").at("/metadata/annotations/component").asText())
        .isEqualTo("team-label");
    assertThat(forced.notRendered()).isEmpty();
  }
}
