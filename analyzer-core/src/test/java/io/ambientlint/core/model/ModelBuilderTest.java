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
    assertThat(model.ofKind("", "Namespace")).singleElement().satisfies(r -> assertThat(r.namespace()).isEmpty());
  }

  private static NamespaceOrigin origin(Model model, String name) {
    return model.ofKind("", "Service").stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow().namespaceOrigin();
  }

  @Test
  void documentsThatAreNotObjectsAreReportedWithTheirPosition() throws IOException {
    write("bad.yaml", "just a string\n---\n- a\n- b\n---\nkind: Service\nmetadata: {name: x}\n---\napiVersion: v1\nkind: Service\n");
    ModelBuilder.Result result = build("bad.yaml");
    assertThat(result.model().resources()).isEmpty();
    assertThat(result.diagnostics()).extracting(d -> d.position().line()).containsExactly(1, 3, 6, 9);
    assertThat(result.diagnostics()).allMatch(d -> d.kind() == Diagnostic.Kind.NOT_A_RESOURCE);
    assertThat(result.diagnostics().get(2).message()).contains("apiVersion");
  }
}
