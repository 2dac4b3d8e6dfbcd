package io.ambientlint.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.load.LoadedDocument;
import io.ambientlint.core.load.LoadedRepository;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns loaded documents into {@link Resource}s: checks that each is a Kubernetes object, and gives those
 * without {@code metadata.namespace} the namespace their GitOps context applies (DESIGN §2.1).
 */
public final class ModelBuilder {

  /** The resources, and the documents that were not Kubernetes objects. */
  public record Result(Model model, List<Diagnostic> diagnostics) {}

  /** A GitOps tool's claim on a folder: files under {@code path} go to {@code namespace}. */
  private record GitOpsTarget(NamespaceOrigin.Source source, String path, String namespace, Location at, String detail) {}

  private final String defaultNamespace;

  public ModelBuilder(String defaultNamespace) {
    this.defaultNamespace = defaultNamespace;
  }

  public Result build(LoadedRepository repository) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<LoadedDocument> objects = new ArrayList<>();
    for (LoadedDocument doc : repository.documents()) {
      describeNonResource(doc).ifPresentOrElse(
          message -> diagnostics.add(Diagnostic.at(Diagnostic.Kind.NOT_A_RESOURCE, doc.path(), doc.positionOf(""), message)),
          () -> objects.add(doc));
    }
    List<GitOpsTarget> targets = gitOpsTargets(objects);
    Set<String> clusterScopedCustomKinds = clusterScopedCustomKinds(objects);
    List<Resource> resources = new ArrayList<>(objects.size());
    java.util.Map<String, String> rootRelative = new java.util.HashMap<>();
    repository.files().forEach(f -> rootRelative.put(f.path(), f.rootRelativePath()));
    for (LoadedDocument doc : objects) {
      JsonNode root = doc.root();
      String apiVersion = root.path("apiVersion").asText();
      String kind = root.path("kind").asText();
      String group = KnownKinds.groupOf(apiVersion);
      String name = root.path("metadata").path("name").asText();
      NamespaceOrigin origin;
      if (KnownKinds.isClusterScoped(group, kind) || clusterScopedCustomKinds.contains(group + "/" + kind)) {
        origin = NamespaceOrigin.of(NamespaceOrigin.Source.CLUSTER_SCOPED, "", null, "");
      } else {
        JsonNode ns = root.path("metadata").path("namespace");
        if (ns.isTextual() && !ns.asText().isEmpty()) {
          origin = new NamespaceOrigin(NamespaceOrigin.Source.METADATA, ns.asText(),
              () -> new Location(doc.path(), doc.positionOf("/metadata/namespace")), "");
        } else {
          origin = inferNamespace(rootRelative.getOrDefault(doc.path(), doc.path()), repository, targets);
        }
      }
      resources.add(Resource.of(new ResourceId(group, kind, origin.namespace(), name), apiVersion, root, doc, origin));
    }
    return new Result(new Model(resources), diagnostics);
  }

  /** Why a document is not a Kubernetes object, or empty when it is one. */
  private static Optional<String> describeNonResource(LoadedDocument doc) {
    JsonNode root = doc.root();
    if (root.isNull() || root.isMissingNode()) {
      return Optional.of("empty document");
    }
    if (!root.isObject()) {
      return Optional.of("document is a " + (root.isArray() ? "list" : "plain value")
          + ", not a Kubernetes object (a mapping with apiVersion, kind and metadata.name); it is not analyzed");
    }
    List<String> missing = new ArrayList<>();
    if (!root.path("apiVersion").isTextual() || root.path("apiVersion").asText().isBlank()) {
      missing.add("apiVersion");
    }
    if (!root.path("kind").isTextual() || root.path("kind").asText().isBlank()) {
      missing.add("kind");
    }
    JsonNode name = root.path("metadata").path("name");
    if (!name.isTextual() || name.asText().isBlank()) {
      missing.add(root.path("metadata").path("generateName").isTextual() ? "metadata.name (generateName cannot be checked)"
          : "metadata.name");
    }
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("not a Kubernetes object: missing or invalid " + String.join(", ", missing) + "; it is not analyzed");
  }

  private static Set<String> clusterScopedCustomKinds(List<LoadedDocument> objects) {
    Set<String> kinds = new HashSet<>();
    for (LoadedDocument doc : objects) {
      JsonNode root = doc.root();
      if ("CustomResourceDefinition".equals(root.path("kind").asText())
          && "Cluster".equals(root.path("spec").path("scope").asText())) {
        kinds.add(root.path("spec").path("group").asText() + "/" + root.path("spec").path("names").path("kind").asText());
      }
    }
    return kinds;
  }

  private static List<GitOpsTarget> gitOpsTargets(List<LoadedDocument> objects) {
    List<GitOpsTarget> targets = new ArrayList<>();
    for (LoadedDocument doc : objects) {
      JsonNode root = doc.root();
      String apiVersion = root.path("apiVersion").asText();
      String kind = root.path("kind").asText();
      if (!kind.equals("Application") && !kind.equals("Kustomization")) {
        continue;
      }
      String name = root.path("metadata").path("namespace").asText("") + "/" + root.path("metadata").path("name").asText();
      JsonNode spec = root.path("spec");
      if (apiVersion.startsWith("argoproj.io/") && kind.equals("Application")) {
        JsonNode destination = spec.path("destination").path("namespace");
        if (!destination.isTextual() || destination.asText().isEmpty()) {
          continue;
        }
        Location at = new Location(doc.path(), doc.positionOf("/spec/destination/namespace"));
        List<JsonNode> sources = new ArrayList<>();
        if (spec.path("source").isObject()) {
          sources.add(spec.get("source"));
        }
        spec.path("sources").forEach(sources::add);
        for (JsonNode source : sources) {
          JsonNode path = source.path("path");
          if (path.isTextual()) {
            targets.add(new GitOpsTarget(NamespaceOrigin.Source.ARGO_CD_APPLICATION, normalise(path.asText()),
                destination.asText(), at, "Application " + name));
          }
        }
      } else if (apiVersion.startsWith("kustomize.toolkit.fluxcd.io/") && kind.equals("Kustomization")) {
        JsonNode target = spec.path("targetNamespace");
        if (target.isTextual() && !target.asText().isEmpty()) {
          targets.add(new GitOpsTarget(NamespaceOrigin.Source.FLUX_KUSTOMIZATION, normalise(spec.path("path").asText("")),
              target.asText(), new Location(doc.path(), doc.positionOf("/spec/targetNamespace")), "Kustomization " + name));
        }
      }
    }
    return targets;
  }

  private NamespaceOrigin inferNamespace(String rootRelativePath, LoadedRepository repository, List<GitOpsTarget> targets) {
    // Nearest kustomization.yaml with a namespace, in the file's folder or above.
    String dir = rootRelativePath.contains("/") ? rootRelativePath.substring(0, rootRelativePath.lastIndexOf('/')) : "";
    while (true) {
      LoadedRepository.KustomizeNamespace k = repository.kustomizeNamespaces().get(dir);
      if (k != null) {
        return NamespaceOrigin.of(NamespaceOrigin.Source.KUSTOMIZATION, k.namespace(), new Location(k.path(), k.position()), "");
      }
      if (dir.isEmpty()) {
        break;
      }
      dir = dir.contains("/") ? dir.substring(0, dir.lastIndexOf('/')) : "";
    }
    for (NamespaceOrigin.Source source : List.of(NamespaceOrigin.Source.ARGO_CD_APPLICATION, NamespaceOrigin.Source.FLUX_KUSTOMIZATION)) {
      GitOpsTarget best = null;
      for (GitOpsTarget t : targets) {
        if (t.source() == source && holds(t.path(), rootRelativePath) && (best == null || t.path().length() > best.path().length())) {
          best = t;
        }
      }
      if (best != null) {
        return NamespaceOrigin.of(source, best.namespace(), best.at(), best.detail());
      }
    }
    return NamespaceOrigin.of(NamespaceOrigin.Source.DEFAULT, defaultNamespace, null, "--default-namespace");
  }

  /** Does folder {@code path} (root-relative, as GitOps tools write it) hold file {@code file}? */
  private static boolean holds(String path, String file) {
    if (path.isEmpty()) {
      return true;
    }
    return file.startsWith(path + "/") || file.contains("/" + path + "/");
  }

  private static String normalise(String path) {
    String p = path.replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.equals(".") ? "" : p;
  }

}
