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

  @Override
  public List<String> roots(LoadedRepository repository) {
    Map<String, String> folders = kustomizationFolders(repository);
    List<String> sorted = new ArrayList<>(new TreeSet<>(folders.keySet()));
    List<RenderResult> renders = sorted.parallelStream().map(f -> render(folders.get(f))).toList();
    Set<String> readByOthers = new HashSet<>();
    for (RenderResult r : renders) {
      for (String file : r.filesRead()) {
        if (!file.equals(r.kustomizationPath())) {
          readByOthers.add(file);
        }
      }
    }
    List<String> roots = new ArrayList<>();
    Set<String> reached = new HashSet<>();
    for (int i = 0; i < sorted.size(); i++) {
      if (!readByOthers.contains(renders.get(i).kustomizationPath())) {
        roots.add(sorted.get(i));
        reached.addAll(renders.get(i).filesRead());
      }
    }
    // Kustomizations that only reference each other (a cycle) have no root above them: render them anyway, so
    // the cycle is reported.
    for (int i = 0; i < sorted.size(); i++) {
      if (!roots.contains(sorted.get(i)) && !reached.contains(renders.get(i).kustomizationPath())) {
        roots.add(sorted.get(i));
        reached.addAll(renders.get(i).filesRead());
      }
    }
    return roots;
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

  /** The problems every render met (errors at their line, what was not rendered), in no particular order. */
  public List<Diagnostic> diagnostics() {
    Set<Diagnostic> out = new LinkedHashSet<>();
    rendered.values().forEach(r -> out.addAll(r.diagnostics()));
    return new ArrayList<>(out);
  }
}
