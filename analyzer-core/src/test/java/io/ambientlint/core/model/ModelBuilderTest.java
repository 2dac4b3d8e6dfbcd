package io.ambientlint.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.load.LoadLimits;
import io.ambientlint.core.load.LoadedRepository;
import io.ambientlint.core.load.RepositoryLoader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBuilderTest {

  @TempDir
  Path dir;

  private void write(String path, String text) throws IOException {
    Path p = dir.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private ModelBuilder.Result build(String... paths) {
    LoadedRepository repo = new RepositoryLoader(dir, LoadLimits.DEFAULTS, List.of(), new ByteArrayInputStream(new byte[0]))
        .load(List.of(paths));
    return new ModelBuilder("fallback").build(repo);
  }

  private static String svc(String name) {
    return "apiVersion: v1\nkind: Service\nmetadata: {name: " + name + "}\n";
  }

  @Test
  void namespaceComesFromMetadataThenGitOpsContextThenDefault() throws IOException {
    write("repo/apps/argocd.yaml", """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata: {name: bookinfo, namespace: argocd}
        spec:
          source: {repoURL: x, path: apps/bookinfo}
          destination: {namespace: books}
        ---
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata: {name: shop, namespace: flux-system}
        spec: {path: ./apps/shop, targetNamespace: shop}
        """);
    write("repo/apps/bookinfo/svc.yaml", svc("reviews"));
    write("repo/apps/shop/svc.yaml", svc("cart"));
    write("repo/overlay/kustomization.yaml", "namespace: overlay-ns\n");
    write("repo/overlay/deep/svc.yaml", svc("deep"));
    write("repo/explicit.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: e, namespace: mine}\n");
    write("repo/other.yaml", svc("other"));
    write("repo/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: books, namespace: ignored}\n");
    Model model = build("repo").model();
    assertThat(origin(model, "reviews").source()).isEqualTo(NamespaceOrigin.Source.ARGO_CD_APPLICATION);
    assertThat(origin(model, "reviews").namespace()).isEqualTo("books");
    assertThat(origin(model, "cart").source()).isEqualTo(NamespaceOrigin.Source.FLUX_KUSTOMIZATION);
    assertThat(origin(model, "cart").namespace()).isEqualTo("shop");
    assertThat(origin(model, "deep").namespace()).isEqualTo("overlay-ns");
    assertThat(origin(model, "e").source()).isEqualTo(NamespaceOrigin.Source.METADATA);
    assertThat(origin(model, "other").namespace()).isEqualTo("fallback");
    assertThat(model.ofKind(Kind.NAMESPACE)).singleElement().satisfies(r -> assertThat(r.namespace()).isEmpty());
  }

  private static NamespaceOrigin origin(Model model, String name) {
    return model.ofKind(Kind.SERVICE).stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow().namespaceOrigin();
  }

  @Test
  void eachResourceGetsTheTypedViewOfItsKindOnceInLoadOrder() throws IOException {
    write("repo/a.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec: {template: {metadata: {labels: {app: web}}}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {selector: {app: web}, ports: [{port: 80}]}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: web, namespace: shop}
        spec: {parentRefs: [{group: "", kind: Service, name: web}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: debug, namespace: shop}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: shop}
        """);
    write("repo/b.yaml", """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: deny, namespace: books}
        spec: {action: DENY, rules: [{}]}
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: {name: strict, namespace: books}
        ---
        apiVersion: networking.istio.io/v1
        kind: WorkloadEntry
        metadata: {name: vm, namespace: books}
        spec: {labels: {app: vm}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: reviews, namespace: books}
        """);
    Model model = build("repo").model();

    assertThat(model.views(Kind.SERVICE, Service.class)).extracting(Service::name).containsExactly("web", "reviews");
    for (int i = 0; i < 2; i++) { // each view wraps the very resource the model lists at its place
      assertThat(model.views(Kind.SERVICE, Service.class).get(i).resource()).isSameAs(model.ofKind(Kind.SERVICE).get(i));
    }
    assertThat(model.workloads()).extracting(w -> w.resource().kind()).containsExactly("Deployment", "Pod", "WorkloadEntry");
    assertThat(model.workloads().get(0).podLabels()).containsEntry("app", "web");
    assertThat(model.views(Kind.HTTP_ROUTE, Route.class)).singleElement()
        .satisfies(r -> assertThat(r.parentRefs()).hasSize(1));
    assertThat(model.views(Kind.AUTHORIZATION_POLICY, AuthorizationPolicy.class)).singleElement()
        .satisfies(ap -> assertThat(ap.action()).isEqualTo(AuthorizationPolicy.DENY));
    assertThat(model.views(Kind.PEER_AUTHENTICATION, TargetablePolicy.class)).singleElement()
        .satisfies(p -> assertThat(p.kind()).isEqualTo(PolicyKind.PEER_AUTHENTICATION));
    assertThat(model.views(new Kind("", "ConfigMap"), ResourceView.class)).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> model.views(Kind.SERVICE, Route.class))
        .isInstanceOf(ClassCastException.class);

    assertThat(model.namespacesInUse()).containsExactlyInAnyOrder("shop", "books");
    String a = model.ofKind(Kind.DEPLOYMENT).get(0).path();
    assertThat(model.resourcesIn(a)).extracting(Resource::kind)
        .containsExactly("Deployment", "Service", "HTTPRoute", "Pod", "ConfigMap");
    assertThat(model.resourcesIn("no/such.yaml")).isEmpty();
  }

  @Test
  void documentsThatAreNotObjectsAreReportedWithTheirPosition() throws IOException {
    write("bad.yaml", "just a string\n---\n- a\n- b\n---\nkind: Service\nmetadata: {name: x}\n---\napiVersion: v1\nkind: Service\n");
    ModelBuilder.Result result = build("bad.yaml");
    assertThat(result.model().resources()).isEmpty();
    assertThat(result.diagnostics()).extracting(d -> d.position().line()).containsExactly(1, 3, 6, 9);
    // A scalar or a list is no Kubernetes object at all; a mapping with a kind or an apiVersion is a broken one.
    assertThat(result.diagnostics()).extracting(Diagnostic::kind).containsExactly(Diagnostic.Kind.NOT_KUBERNETES,
        Diagnostic.Kind.NOT_KUBERNETES, Diagnostic.Kind.NOT_A_RESOURCE, Diagnostic.Kind.NOT_A_RESOURCE);
    assertThat(result.diagnostics().get(2).message()).contains("apiVersion");
  }

  @Test
  void foreignFilesAreNotKubernetesNotBrokenObjects() throws IOException {
    write("package.json", "{\"name\": \"web\", \"version\": \"1.0.0\", \"scripts\": {\"test\": \"jest\"}}\n");
    write("ci.yaml", "stages: [build]\nbuild:\n  script: [make]\n");
    ModelBuilder.Result result = build("package.json", "ci.yaml");
    assertThat(result.diagnostics()).extracting(Diagnostic::kind).containsOnly(Diagnostic.Kind.NOT_KUBERNETES).hasSize(2);
  }
}
