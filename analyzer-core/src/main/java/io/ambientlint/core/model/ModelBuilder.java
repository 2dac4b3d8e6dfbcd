package io.ambientlint.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.load.LoadedDocument;
import io.ambientlint.core.load.LoadedRepository;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Turns loaded documents into {@link Resource}s: checks that each is a Kubernetes object, and gives those
 * without {@code metadata.namespace} the namespace their GitOps context applies (docs/architecture.md "Data flow", step 2).
 */
public final class ModelBuilder {

  /** The resources, and the documents that were not Kubernetes objects. */
  public record Result(Model model, List<Diagnostic> diagnostics) {}

  /** A GitOps tool's claim on a folder: files under {@code path} go to {@code namespace}. */
  private record GitOpsTarget(NamespaceOrigin.Source source, String path, String namespace, Location at, String detail) {}

  /**
   * The namespace a deployment unit gives a document: {@code forced} over {@code metadata.namespace} (a Flux
   * {@code targetNamespace}), otherwise a default for documents without one (an Argo CD destination namespace).
   */
  public record Placement(NamespaceOrigin origin, boolean forced) {}

  private final String defaultNamespace;
  private final Function<LoadedDocument, Placement> placement;

  public ModelBuilder(String defaultNamespace) {
    this(defaultNamespace, doc -> null);
  }

  /** {@code placement} answers null for documents no unit places. */
  public ModelBuilder(String defaultNamespace, Function<LoadedDocument, Placement> placement) {
    this.defaultNamespace = defaultNamespace;
    this.placement = placement;
  }

  /**
   * What every document is asked first, read once: the trees are large and spread over the heap, so each
   * field lookup is a cache miss; reading them again per pass cost more than the rest of the model build.
   */
  private record Header(LoadedDocument doc, JsonNode root, JsonNode metadata, String apiVersion, String kind) {}

  public Result build(LoadedRepository repository) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<Header> objects = new ArrayList<>(repository.documents().size());
    for (LoadedDocument doc : repository.documents()) {
      JsonNode root = doc.root();
      JsonNode apiVersion = root.path("apiVersion");
      JsonNode kind = root.path("kind");
      JsonNode metadata = root.path("metadata");
      if ((root.isNull() || root.isMissingNode()) && doc.pointerPrefix().isEmpty()) {
        continue; // an empty document (a trailing ---): kubectl skips it, and so do we
      }
      String problem = describeNonResource(root, apiVersion, kind, metadata);
      if (problem != null) {
        diagnostics.add(Diagnostic.at(meantAsObject(root, apiVersion, kind) ? Diagnostic.Kind.NOT_A_RESOURCE
            : Diagnostic.Kind.NOT_KUBERNETES, doc.path(), doc.positionOf(""), problem));
      } else {
        objects.add(new Header(doc, root, metadata, apiVersion.asText(), kind.asText()));
      }
    }
    List<GitOpsTarget> targets = gitOpsTargets(objects);
    Set<String> clusterScopedCustomKinds = clusterScopedCustomKinds(objects);
    Map<String, String> rootRelative = new HashMap<>();
    repository.files().forEach(f -> rootRelative.put(f.path(), f.rootRelativePath()));
    NamespaceOrigin clusterScoped = NamespaceOrigin.of(NamespaceOrigin.Source.CLUSTER_SCOPED, "", null, "");
    // Each resource depends only on its own document and the read-only facts above: build them in parallel,
    // each into its own slot, so the order stays the load order.
    Resource[] resources = new Resource[objects.size()];
    IntStream.range(0, resources.length).parallel().forEach(i -> {
      Header h = objects.get(i);
      LoadedDocument doc = h.doc();
      String group = KnownKinds.groupOf(h.apiVersion());
      String name = h.metadata().path("name").asText();
      NamespaceOrigin origin;
      if (KnownKinds.isClusterScoped(group, h.kind())
          || (!clusterScopedCustomKinds.isEmpty() && clusterScopedCustomKinds.contains(group + "/" + h.kind()))) {
        origin = clusterScoped;
      } else {
        JsonNode ns = h.metadata().path("namespace");
        Placement placed = placement.apply(doc);
        if (placed != null && placed.forced()) {
          origin = placed.origin();
        } else if (ns.isTextual() && !ns.asText().isEmpty()) {
          origin = new NamespaceOrigin(NamespaceOrigin.Source.METADATA, ns.asText(),
              () -> new Location(doc.path(), doc.positionOf("/metadata/namespace")), "");
        } else {
          origin = inferNamespace(rootRelative.getOrDefault(doc.path(), doc.path()), repository, targets, placed);
        }
      }
      resources[i] = Resource.of(new ResourceId(group, h.kind(), origin.namespace(), name), h.apiVersion(), h.root(),
          h.metadata(), doc, origin);
    });
    return new Result(new Model(Arrays.asList(resources)), diagnostics);
  }

  /** Why a document is not a Kubernetes object, or null when it is one. */
  /**
   * A mapping with an apiVersion or a kind was written as a Kubernetes object and is broken; anything else (CI
   * configs, package.json, Helm values) is a foreign document, only counted.
   */
  private static boolean meantAsObject(JsonNode root, JsonNode apiVersion, JsonNode kind) {
    return root.isObject() && (apiVersion.isTextual() && !apiVersion.asText().isBlank()
        || kind.isTextual() && !kind.asText().isBlank());
  }

  private static String describeNonResource(JsonNode root, JsonNode apiVersion, JsonNode kind, JsonNode metadata) {
    if (root.isNull() || root.isMissingNode()) {
      return "empty document";
    }
    if (!root.isObject()) {
      return "document is a " + (root.isArray() ? "list" : "plain value")
          + ", not a Kubernetes object (a mapping with apiVersion, kind and metadata.name); it is not analyzed";
    }
    boolean apiVersionOk = apiVersion.isTextual() && !apiVersion.asText().isBlank();
    boolean kindOk = kind.isTextual() && !kind.asText().isBlank();
    JsonNode name = metadata.path("name");
    boolean nameOk = name.isTextual() && !name.asText().isBlank();
    if (apiVersionOk && kindOk && nameOk) {
      return null;
    }
    List<String> missing = new ArrayList<>();
    if (!apiVersionOk) {
      missing.add("apiVersion");
    }
    if (!kindOk) {
      missing.add("kind");
    }
    if (!nameOk) {
      missing.add(metadata.path("generateName").isTextual() ? "metadata.name (generateName cannot be checked)"
          : "metadata.name");
    }
    return "not a Kubernetes object: missing or invalid " + String.join(", ", missing) + "; it is not analyzed";
  }

  private static Set<String> clusterScopedCustomKinds(List<Header> objects) {
    Set<String> kinds = new HashSet<>();
    for (Header h : objects) {
      JsonNode root = h.root();
      if ("CustomResourceDefinition".equals(h.kind()) && "Cluster".equals(root.path("spec").path("scope").asText())) {
        kinds.add(root.path("spec").path("group").asText() + "/" + root.path("spec").path("names").path("kind").asText());
      }
    }
    return kinds;
  }

  private static List<GitOpsTarget> gitOpsTargets(List<Header> objects) {
    List<GitOpsTarget> targets = new ArrayList<>();
    for (Header h : objects) {
      String apiVersion = h.apiVersion();
      String kind = h.kind();
      if (!kind.equals("Application") && !kind.equals("Kustomization")) {
        continue; // the only kinds that claim folders; most documents stop here without touching their tree
      }
      LoadedDocument doc = h.doc();
      JsonNode root = h.root();
      String name = h.metadata().path("namespace").asText("") + "/" + h.metadata().path("name").asText();
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

  private NamespaceOrigin inferNamespace(String rootRelativePath, LoadedRepository repository, List<GitOpsTarget> targets,
      Placement placed) {
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
    if (placed != null) {
      return placed.origin();
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
