package io.ambientlint.core.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.gitops.UnitRenderer;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.load.LoadLimits;
import io.ambientlint.core.load.LoadedDocument;
import io.ambientlint.core.load.LoadedRepository;
import io.ambientlint.core.load.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The deployment units' view of the Kustomize renderer: a unit that names a kustomization folder (a Kustomize
 * root, an Argo CD Application or a Flux Kustomization) gets the rendered objects, each pointing at the node
 * that set its value. Each folder is rendered once per analysis however many units name it; the problems of
 * every render are kept for the run's notifications.
 */
public final class KustomizeUnitRenderer implements UnitRenderer {

  private final KustomizeRenderer renderer;
  private final Map<String, RenderResult> rendered = new ConcurrentHashMap<>();

  public KustomizeUnitRenderer(Path baseDirectory, LoadLimits limits) {
    this.renderer = new KustomizeRenderer(baseDirectory, limits);
  }

  /** Kustomization folders by root-relative path, each with its folder as output names it. */
  private static Map<String, String> kustomizationFolders(LoadedRepository repository) {
    Map<String, String> folders = new HashMap<>();
    for (SourceFile f : repository.files()) {
      String path = f.path();
      if (KustomizeRenderer.FILE_NAMES.contains(path.substring(path.lastIndexOf('/') + 1))) {
        folders.put(parent(f.rootRelativePath()), path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : ".");
      }
    }
    return folders;
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  private RenderResult render(String displayFolder) {
    return rendered.computeIfAbsent(displayFolder, renderer::render);
  }

  /**
   * The folders whose kustomization no other kustomization reads, in path order, then those of cycles (which
   * have no root above them, and are rendered so that the cycle is reported).
   *
   * <p>Folders that another kustomization names in {@code resources}, {@code bases} or {@code components} are
   * bases: they are rendered on their own only when no render of the others read them after all (a render that
   * failed first, say). Everything else is as if every folder had been rendered: the same roots in the same order.
   */
  @Override
  public List<String> roots(LoadedRepository repository) {
    Map<String, String> folders = kustomizationFolders(repository);
    List<String> sorted = new ArrayList<>(new TreeSet<>(folders.keySet()));
    Set<String> named = namedByOthers(repository, new HashSet<>(folders.values()));
    Map<String, RenderResult> renders = new HashMap<>();
    Set<String> read = new HashSet<>();
    List<String> next = sorted.stream().filter(f -> !named.contains(folders.get(f))).toList();
    while (!next.isEmpty()) {
      next.parallelStream().map(f -> Map.entry(f, render(folders.get(f)))).toList().forEach(e -> {
        renders.put(e.getKey(), e.getValue());
        read.addAll(e.getValue().filesRead());
      });
      // A base none of the renders read is rendered too, as every folder used to be.
      next = sorted.stream().filter(f -> !renders.containsKey(f) && !read.contains(kustomizationPath(f, folders)))
          .toList();
    }
    Set<String> readByOthers = new HashSet<>();
    for (RenderResult r : renders.values()) {
      for (String file : r.filesRead()) {
        if (!file.equals(r.kustomizationPath())) {
          readByOthers.add(file);
        }
      }
    }
    List<String> roots = new ArrayList<>();
    Set<String> reached = new HashSet<>();
    for (String folder : sorted) {
      RenderResult r = renders.get(folder);
      if (r != null && !readByOthers.contains(r.kustomizationPath())) {
        roots.add(folder);
        reached.addAll(r.filesRead());
      }
    }
    for (String folder : sorted) {
      if (!roots.contains(folder) && !reached.contains(kustomizationPath(folder, folders))) {
        RenderResult r = render(folders.get(folder));
        roots.add(folder);
        reached.addAll(r.filesRead());
      }
    }
    return roots;
  }

  /** The path of the kustomization file a render of {@code folder} names, found without rendering it. */
  private String kustomizationPath(String folder, Map<String, String> folders) {
    return renderer.kustomizationPath(folders.get(folder));
  }

  /**
   * Kustomization folders (as output names them) that another kustomization names as a resource, base or
   * component. A path that cannot be read as one is left out: its folder is then rendered to find out.
   */
  private static Set<String> namedByOthers(LoadedRepository repository, Set<String> displayFolders) {
    Set<String> named = new HashSet<>();
    repository.kustomizations().forEach((path, kustomization) -> {
      String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : ".";
      for (String field : List.of("resources", "bases", "components")) {
        for (com.fasterxml.jackson.databind.JsonNode entry : kustomization.path(field)) {
          if (!entry.isTextual()) {
            continue;
          }
          try {
            String target = java.nio.file.Path.of(folder).resolve(entry.asText()).normalize().toString()
                .replace('\\', '/');
            target = target.isEmpty() ? "." : target;
            if (!target.equals(folder) && displayFolders.contains(target)) {
              named.add(target);
            }
          } catch (java.nio.file.InvalidPathException e) {
            // not a local path: its folder, if any, is found by rendering
          }
        }
      }
    });
    return named;
  }

  @Override
  public Rendering render(LoadedRepository repository, String folder, JsonNode options) {
    Map<String, String> folders = kustomizationFolders(repository);
    String display = folders.get(folder);
    if (display == null) {
      return new Rendering(List.of(), List.of(), List.of("kustomization in " + (folder.isEmpty() ? "." : folder)
          + " (not among the analyzed files)"));
    }
    RenderResult result = render(display);
    List<LoadedDocument> documents = new ArrayList<>();
    result.objects().forEach(o -> documents.add(o.toDocument()));
    Map<String, String> rootRelative = new HashMap<>();
    repository.files().forEach(f -> rootRelative.put(f.path(), f.rootRelativePath()));
    List<String> files = new ArrayList<>();
    for (String read : new TreeSet<>(result.filesRead())) {
      files.add(rootRelative.getOrDefault(read, read));
    }
    List<String> notRendered = new ArrayList<>();
    if (options != null && options.isObject() && options.size() > 0) {
      List<String> fields = new ArrayList<>();
      options.fieldNames().forEachRemaining(fields::add);
      notRendered.add(String.join(", ", fields) + " of the unit's own Kustomize options on " + display
          + " (not applied: the kustomization in the folder is rendered as it is)");
    }
    return new Rendering(documents, files, notRendered);
  }

  /** The folders rendered so far, as output names them (for tests: bases are rendered only within their overlays). */
  Set<String> renderedFolders() {
    return Set.copyOf(rendered.keySet());
  }

  /** The problems every render met (errors at their line, what was not rendered), in no particular order. */
  public List<Diagnostic> diagnostics() {
    Set<Diagnostic> out = new LinkedHashSet<>();
    rendered.values().forEach(r -> out.addAll(r.diagnostics()));
    return new ArrayList<>(out);
  }
}
