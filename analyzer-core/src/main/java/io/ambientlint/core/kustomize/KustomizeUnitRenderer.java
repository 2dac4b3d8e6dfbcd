package io.ambientlint.core.kustomize;

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

  /** {@code folder} (root-relative) as output names it, or null when no analyzed file is in it. */
  private static String displayFolder(LoadedRepository repository, String folder) {
    for (SourceFile f : repository.files()) {
      String relative = f.rootRelativePath();
      if (folder.isEmpty() || relative.startsWith(folder + "/")) {
        String display = f.path().substring(0, f.path().length() - relative.length()) + folder;
        display = display.endsWith("/") ? display.substring(0, display.length() - 1) : display;
        return display.isEmpty() ? "." : display;
      }
    }
    return null;
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  private RenderResult render(String displayFolder) {
    return rendered.computeIfAbsent(displayFolder, renderer::render);
  }

  /** The analyzed folders: what the repository's files were found under (their path less the root-relative part). */
  private void analyzedFolders(LoadedRepository repository) {
    Set<Path> roots = new java.util.TreeSet<>();
    for (SourceFile f : repository.files()) {
      String prefix = f.path().substring(0, f.path().length() - f.rootRelativePath().length());
      roots.add(Path.of(prefix.isEmpty() ? "." : prefix));
    }
    renderer.analyzedFolders(new ArrayList<>(roots));
  }

  @Override
  public List<String> roots(LoadedRepository repository) {
    analyzedFolders(repository);
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
  public Rendering render(LoadedRepository repository, String folder, Options options) {
    Map<String, String> folders = kustomizationFolders(repository);
    String display = folders.get(folder);
    boolean generated = display == null && !options.generatedResources().isEmpty();
    if (generated) {
      display = displayFolder(repository, folder);
    }
    if (display == null) {
      return new Rendering(List.of(), List.of(), List.of("kustomization in " + (folder.isEmpty() ? "." : folder)
          + " (not among the analyzed files)"));
    }
    List<String> notRendered = new ArrayList<>();
    RenderResult result;
    if (options.isEmpty()) {
      result = render(display);
    } else {
      // Each unit's options give another output: rendered for the unit, not shared through the cache.
      ControllerOverlay overlay = ControllerOverlay.of(options);
      result = renderer.render(display, overlay);
      overlaid.add(result);
      List<String> skipped = overlay.notApplied();
      if (!skipped.isEmpty()) {
        notRendered.add(String.join(", ", skipped) + " of the Kustomize options of " + options.owner()
            + " (not applied by ambient-lint)");
      }
    }
    if (result.failed()) {
      notRendered.add("kustomization " + display + " (kustomize build fails on it, see the error: its objects are "
          + "unknown)");
    }
    for (Diagnostic d : result.diagnostics()) {
      if (d.kind() == Diagnostic.Kind.SKIPPED) {
        notRendered.add(d.message() + " (" + d.path() + ":" + d.position().line() + ")");
      }
    }
    List<LoadedDocument> documents = new ArrayList<>();
    result.objects().forEach(o -> documents.add(o.toDocument()));
    Map<String, String> rootRelative = new HashMap<>();
    repository.files().forEach(f -> rootRelative.put(f.path(), f.rootRelativePath()));
    List<String> files = new ArrayList<>();
    for (String read : new TreeSet<>(result.filesRead())) {
      files.add(rootRelative.getOrDefault(read, read));
    }
    return new Rendering(documents, files, notRendered, !options.isEmpty() && !result.failed());
  }

  /** Renders with a unit's own options, kept for their notifications. */
  private final List<RenderResult> overlaid = java.util.Collections.synchronizedList(new ArrayList<>());

  /** The problems every render met (errors at their line, what was not rendered), in no particular order. */
  public List<Diagnostic> diagnostics() {
    Set<Diagnostic> out = new LinkedHashSet<>();
    rendered.values().forEach(r -> out.addAll(r.diagnostics()));
    synchronized (overlaid) {
      overlaid.forEach(r -> out.addAll(r.diagnostics()));
    }
    return new ArrayList<>(out);
  }
}
