package io.ambientlint.core.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.load.LoadedDocument;
import io.ambientlint.core.load.LoadedRepository;
import io.ambientlint.core.load.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Until the Kustomize renderer lands: a kustomization's objects are the documents of the files its
 * {@code resources}, {@code bases} and {@code components} reach, taken as they are (no patch, prefix, label or
 * generator applied, which each unit lists as not rendered). Patch and config files it names are consumed, so
 * they are never mistaken for loose objects.
 */
public final class FileSelectionRenderer implements UnitRenderer {

  private static final List<String> REFERENCE_FIELDS = List.of("resources", "bases", "components");
  private static final List<String> TRANSFORMING_FIELDS = List.of("namePrefix", "nameSuffix", "commonLabels", "labels",
      "commonAnnotations", "patches", "patchesStrategicMerge", "patchesJson6902", "images", "replicas",
      "configMapGenerator", "secretGenerator", "transformers", "generators", "helmCharts", "replacements");

  /** The repository seen through kustomizations: folder (root-relative) to content, file names. */
  private record View(Map<String, JsonNode> kustomizationOf, Map<String, String> displayOf,
      Map<String, List<LoadedDocument>> documentsOf, Map<String, String> kustomizationFileOf) {}

  private View view(LoadedRepository repository) {
    Map<String, JsonNode> kustomizationOf = new HashMap<>();
    Map<String, String> kustomizationFileOf = new HashMap<>();
    Map<String, String> displayOf = new HashMap<>();
    for (SourceFile f : repository.files()) {
      displayOf.put(f.rootRelativePath(), f.path());
      JsonNode k = repository.kustomizations().get(f.path());
      if (k != null) {
        kustomizationOf.put(RepoTree.parent(f.rootRelativePath()), k);
        kustomizationFileOf.put(RepoTree.parent(f.rootRelativePath()), f.rootRelativePath());
      }
    }
    Map<String, List<LoadedDocument>> documentsOf = new HashMap<>();
    for (LoadedDocument d : repository.documents()) {
      documentsOf.computeIfAbsent(d.path(), p -> new ArrayList<>()).add(d);
    }
    return new View(kustomizationOf, displayOf, documentsOf, kustomizationFileOf);
  }

  @Override
  public List<String> roots(LoadedRepository repository) {
    View v = view(repository);
    Set<String> referenced = new java.util.HashSet<>();
    for (Map.Entry<String, JsonNode> e : v.kustomizationOf().entrySet()) {
      for (String field : REFERENCE_FIELDS) {
        for (JsonNode ref : e.getValue().path(field)) {
          referenced.add(resolve(e.getKey(), ref.asText("")));
        }
      }
    }
    List<String> roots = new ArrayList<>();
    for (String folder : new TreeSet<>(v.kustomizationOf().keySet())) {
      if (!referenced.contains(folder)) {
        roots.add(folder);
      }
    }
    return roots;
  }

  @Override
  public Rendering render(LoadedRepository repository, String folder, Options controllerOptions) {
    JsonNode options = controllerOptions.node();
    View v = view(repository);
    Set<String> files = new LinkedHashSet<>();
    Set<String> consumed = new LinkedHashSet<>();
    List<String> notRendered = new ArrayList<>();
    Set<String> transforms = new TreeSet<>();
    follow(v, folder, files, consumed, notRendered, transforms, new java.util.HashSet<>());
    if (!v.kustomizationOf().containsKey(folder)) {
      // Flux's kustomization for a folder without one: its manifests, as they are.
      for (String entry : controllerOptions.generatedResources()) {
        String target = resolve(folder, entry);
        if (v.kustomizationOf().containsKey(target)) {
          follow(v, target, files, consumed, notRendered, transforms, new java.util.HashSet<>());
        } else if (v.displayOf().containsKey(target)) {
          files.add(target);
        }
      }
    }
    if (options != null && options.isObject() && options.size() > 0) {
      // Flux's namespace and names are set on the unit's objects without rendering.
      options.fieldNames().forEachRemaining(f -> {
        if (controllerOptions.controller() != Options.Controller.FLUX
            || !Set.of("targetNamespace", "namePrefix", "nameSuffix", "ignoreMissingComponents").contains(f)) {
          transforms.add(f);
        }
      });
    }
    if (!transforms.isEmpty()) {
      notRendered.add("kustomization " + (folder.isEmpty() ? "." : folder) + ": " + String.join(", ", transforms)
          + " not applied (objects are taken as their files write them)");
    }
    List<LoadedDocument> documents = new ArrayList<>();
    for (String file : files) {
      documents.addAll(v.documentsOf().getOrDefault(v.displayOf().get(file), List.of()));
    }
    List<String> all = new ArrayList<>(files);
    all.addAll(consumed);
    return new Rendering(documents, all, notRendered);
  }

  private void follow(View v, String folder, Set<String> files, Set<String> consumed, List<String> notRendered,
      Set<String> transforms, Set<String> visited) {
    JsonNode k = v.kustomizationOf().get(folder);
    if (k == null || !visited.add(folder)) {
      return;
    }
    consumed.add(v.kustomizationFileOf().get(folder));
    for (String field : TRANSFORMING_FIELDS) {
      if (k.has(field)) {
        transforms.add(field);
      }
    }
    for (String field : REFERENCE_FIELDS) {
      for (JsonNode ref : k.path(field)) {
        String entry = ref.asText("");
        if (isRemote(entry)) {
          notRendered.add("remote resource " + entry + " (not fetched: its objects are unknown)");
          continue;
        }
        String target = resolve(folder, entry);
        if (v.kustomizationOf().containsKey(target)) {
          follow(v, target, files, consumed, notRendered, transforms, visited);
        } else if (v.displayOf().containsKey(target)) {
          files.add(target);
        }
      }
    }
    // Files a kustomization reads but that are not objects: patches, transformer and generator configs.
    for (String field : List.of("patchesStrategicMerge", "transformers", "generators", "configurations")) {
      for (JsonNode ref : k.path(field)) {
        consumeIfFile(v, folder, ref.asText(""), consumed);
      }
    }
    for (JsonNode patch : k.path("patches")) {
      consumeIfFile(v, folder, patch.path("path").asText(""), consumed);
    }
    for (JsonNode patch : k.path("patchesJson6902")) {
      consumeIfFile(v, folder, patch.path("path").asText(""), consumed);
    }
  }

  private static void consumeIfFile(View v, String folder, String entry, Set<String> consumed) {
    String target = resolve(folder, entry);
    if (!entry.isEmpty() && v.displayOf().containsKey(target)) {
      consumed.add(target);
    }
  }

  static boolean isRemote(String entry) {
    return entry.contains("://") || entry.startsWith("github.com/") || entry.startsWith("git@") || entry.contains("?ref=");
  }

  /** {@code entry} of the kustomization in {@code folder}, as a root-relative path ({@code ..} resolved). */
  static String resolve(String folder, String entry) {
    String joined = folder.isEmpty() ? entry : folder + "/" + entry;
    List<String> parts = new ArrayList<>();
    for (String part : joined.replace('\\', '/').split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
        continue;
      }
      parts.add(part);
    }
    return String.join("/", parts);
  }
}
