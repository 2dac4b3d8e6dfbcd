package io.ambientlint.core.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.config.Config;
import io.ambientlint.core.config.ConfigLoader;
import io.ambientlint.core.config.GitopsSettings;
import io.ambientlint.core.load.LoadLimits;
import io.ambientlint.core.load.LoadedDocument;
import io.ambientlint.core.load.LoadedRepository;
import io.ambientlint.core.load.RepositoryLoader;
import io.ambientlint.core.model.Model;
import io.ambientlint.core.model.ModelBuilder;
import io.ambientlint.core.model.NamespaceOrigin;
import io.ambientlint.core.model.Resource;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The test repositories under resources/gitops, one per repository shape, with the units and clusters expected. */
class UnitDiscoveryTest {

  private static Path repositories() throws URISyntaxException {
    return Path.of(UnitDiscoveryTest.class.getResource("/gitops").toURI());
  }

  private static Deployment discover(String shape, GitopsSettings settings) throws URISyntaxException {
    LoadedRepository repository = new RepositoryLoader(repositories(), LoadLimits.DEFAULTS, List.of(),
        InputStream.nullInputStream()).load(List.of(shape));
    return new UnitDiscovery(settings, new FileSelectionRenderer()).discover(repository);
  }

  private static Deployment discover(String shape) throws URISyntaxException {
    return discover(shape, GitopsSettings.NONE);
  }

  /** cluster id -> sorted unit names. */
  private static Map<String, List<String>> clusters(Deployment d) {
    Map<String, List<String>> out = new TreeMap<>();
    for (ClusterPlan p : d.clusters()) {
      out.put(p.id(), p.units().stream().map(DeploymentUnit::name).sorted().toList());
    }
    return out;
  }

  private static DeploymentUnit unit(Deployment d, String name) {
    return d.units().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void appOfAppsSendsEachApplicationToItsOwnClusterAndReportsTheCycleOnce() throws Exception {
    Deployment d = discover("app-of-apps");
    assertThat(clusters(d)).containsExactly(
        Map.entry("apps/https://prod.k8s.example.com", List.of("frontend-prod", "monitoring", "upstream")),
        Map.entry("apps/https://staging.k8s.example.com", List.of("frontend-staging")),
        Map.entry("apps/in-cluster", List.of("apps", "root")));
    assertThat(unit(d, "frontend-prod").parent()).contains("root");
    assertThat(unit(d, "frontend-prod").sourceFiles()).containsExactly("app-of-apps/workloads/frontend/frontend.yaml");
    assertThat(unit(d, "frontend-prod").defaultNamespace()).isEqualTo("shop");
    assertThat(unit(d, "monitoring").notRendered()).singleElement().asString().contains("Helm chart kube-prometheus-stack");
    assertThat(unit(d, "upstream").notRendered()).singleElement().asString().contains("another repository");
    assertThat(d.notifications()).filteredOn(n -> n.message().contains("cycle")).singleElement()
        .satisfies(n -> assertThat(n.message()).contains("apps -> root"));
    assertThat(d.notifications()).filteredOn(n -> n.message().contains("github.com/other/repo")).hasSize(1);
    assertThat(d.discovered()).isTrue();
  }

  @Test
  void applicationSetExpandsGitDirectoriesWithExcludeAndMatrixWithGoTemplates() throws Exception {
    Deployment d = discover("appset-git-dirs");
    assertThat(clusters(d)).containsExactly(
        Map.entry("argocd/https://east.example.com", List.of("cart-east")),
        Map.entry("argocd/https://west.example.com", List.of("cart-west")),
        Map.entry("argocd/in-cluster", List.of("argocd", "cart", "checkout")),
        Map.entry("loose files/in-cluster", List.of("loose files")));
    assertThat(unit(d, "checkout").defaultNamespace()).isEqualTo("checkout");
    assertThat(unit(d, "cart-west").defaultNamespace()).isEqualTo("cart");
    assertThat(unit(d, "loose files").sourceFiles()).containsExactly("appset-git-dirs/services/legacy/service.yaml");
    assertThat(d.notifications()).singleElement().satisfies(n ->
        assertThat(n.message()).contains("pullRequest generator is not expanded"));
  }

  @Test
  void fluxSubstitutesVariablesForcesTheTargetNamespaceAndSendsKubeConfigElsewhere() throws Exception {
    Deployment d = discover("flux-substitution");
    assertThat(clusters(d)).containsExactly(
        Map.entry("flux-system/in-cluster", List.of("apps", "flux-system", "istiod")),
        Map.entry("flux-system/kubeConfig edge-kubeconfig", List.of("remote-apps")));
    DeploymentUnit apps = unit(d, "apps");
    LoadedDocument service = apps.documents().get(0);
    assertThat(service.root().at("/metadata/name").asText()).isEqualTo("podinfo-prod-eu");
    assertThat(service.root().at("/metadata/labels/tier").asText()).isEqualTo("frontend");
    assertThat(service.root().at("/metadata/labels/region").asText()).isEqualTo("eu-west-1");
    // The file itself is untouched: another unit applying it sees its own variables (none here).
    assertThat(unit(d, "remote-apps").documents().get(0).root().at("/metadata/name").asText())
        .isEqualTo("podinfo-${cluster_name}");
    ClusterPlan inCluster = d.clusters().get(0);
    Model model = new ModelBuilder("default", inCluster.placement()).build(inCluster.repository()).model();
    Resource podinfo = model.resources().stream().filter(r -> r.kind().equals("Service")).findFirst().orElseThrow();
    assertThat(podinfo.namespace()).isEqualTo("podinfo");
    assertThat(podinfo.namespaceOrigin().source()).isEqualTo(NamespaceOrigin.Source.FLUX_KUSTOMIZATION);
    assertThat(unit(d, "istiod").notRendered()).singleElement().asString().contains("Helm chart istiod");
  }

  @Test
  void eachOverlayIsAnEnvironmentOfItsOwnAndPatchFilesAreNotObjects() throws Exception {
    Deployment d = discover("overlays");
    assertThat(clusters(d)).containsExactly(
        Map.entry("overlays/dev/in-cluster", List.of("overlays/dev")),
        Map.entry("overlays/prod/in-cluster", List.of("overlays/prod")));
    DeploymentUnit prod = unit(d, "overlays/prod");
    assertThat(prod.documents()).extracting(LoadedDocument::path).containsExactly("overlays/base/service.yaml");
    assertThat(prod.sourceFiles()).contains("overlays/overlays/prod/replicas.yaml");
    assertThat(prod.notRendered()).singleElement().asString().contains("patches not applied");
  }

  @Test
  void scenarioFoldersGoToTheirOwnClustersAndTwoUnitsOnOneClusterShareIt() throws Exception {
    Deployment d = discover("scenarios");
    assertThat(clusters(d)).containsExactly(
        Map.entry("argocd/https://a.example.com", List.of("scenario-a", "shared")),
        Map.entry("argocd/https://b.example.com", List.of("scenario-b")),
        Map.entry("argocd/in-cluster", List.of("argocd")));
    ClusterPlan a = d.clusters().stream().filter(p -> p.id().equals("argocd/https://a.example.com")).findFirst().orElseThrow();
    assertThat(a.unitsByFile()).containsEntry("scenarios/scenario-a/policy.yaml", List.of("scenario-a", "shared"))
        .doesNotContainKey("scenarios/scenario-b/policy.yaml");
  }

  @Test
  void configEnvironmentsMergeRootsAndConfigUnitsReplaceDiscovery() throws Exception {
    Config config = ConfigLoader.parse("""
        environments:
        - name: all
          units: [overlays/*]
        """, "cfg", Config.builder());
    assertThat(clusters(discover("overlays", config.gitops())))
        .containsExactly(Map.entry("all/in-cluster", List.of("overlays/dev", "overlays/prod")));
    Config units = ConfigLoader.parse("""
        units:
        - name: a
          paths: [scenario-a]
          cluster: east
          namespace: shop
        - name: b
          paths: ["scenario-b/*.yaml"]
          cluster: west
        """, "cfg", Config.builder());
    Deployment d = discover("scenarios", units.gitops());
    assertThat(clusters(d)).containsExactly(
        Map.entry("config/east", List.of("a")),
        Map.entry("config/west", List.of("b")),
        Map.entry("loose files/in-cluster", List.of("loose files")));
    assertThat(unit(d, "a").sourceFiles()).containsExactly("scenarios/scenario-a/policy.yaml");
  }

  @Test
  void aPlainFolderIsOneUnitOfLooseFiles() throws Exception {
    Deployment d = discover("overlays/base");
    assertThat(d.discovered()).isTrue(); // base/ holds a kustomization: a Kustomize root
    LoadedRepository plain = new RepositoryLoader(repositories(), LoadLimits.DEFAULTS, List.of(),
        InputStream.nullInputStream()).load(List.of("app-of-apps/workloads"));
    Deployment loose = new UnitDiscovery(GitopsSettings.NONE, new FileSelectionRenderer()).discover(plain);
    assertThat(loose.discovered()).isFalse();
    assertThat(loose.units()).extracting(DeploymentUnit::kind).containsExactly(DeploymentUnit.Kind.LOOSE_FILES);
    assertThat(loose.clusters()).singleElement().satisfies(c ->
        assertThat(c.repository().documents()).hasSize(plain.documents().size()));
  }

  @Test
  void templatesFillTheDocumentedForms() throws Exception {
    Map<String, Object> fast = AppSetTemplate.pathParams("services/cart", null, false);
    assertThat(AppSetTemplate.fastString("{{path.basename}}-{{path[0]}} {{unknown}}", AppSetTemplate.flatten(fast)))
        .isEqualTo("cart-services {{unknown}}");
    Map<String, Object> go = AppSetTemplate.pathParams("services/cart", null, true);
    assertThat(AppSetTemplate.goString("{{ .path.path }}/{{index .path.segments 1}}", go)).isEqualTo("services/cart/cart");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> AppSetTemplate.goString("{{ .path.basename | upper }}", go))
        .isInstanceOf(AppSetTemplate.NotExpanded.class);
    assertThat(FluxSubstitution.substitute("${a}-${b:=x}-$${c}-${missing}", Map.of("a", "1")))
        .isEqualTo("1-x-${c}-");
  }
}
