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
  // The repository last prepared for: its kustomization folders, and the renderer told where it may read.
  private LoadedRepository preparedFor;
  private Map<String, String> kustomizationFolders;

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

  /**
   * The repository's kustomization folders (root-relative path to the folder as output names it), worked out once
   * per repository, with the renderer told which folders were analyzed: whichever of {@link #roots} and
   * {@link #render} is asked first.
   */
  private synchronized Map<String, String> prepare(LoadedRepository repository) {
    if (preparedFor != repository) {
      analyzedFolders(repository);
      kustomizationFolders = Map.copyOf(kustomizationFolders(repository));
      preparedFor = repository;
    }
    return kustomizationFolders;
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
    Map<String, String> folders = prepare(repository);
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

  /** The render of each of the {@link #roots}, in their order: what {@code ambient-lint render} prints. */
  public List<RenderResult> renderRoots(LoadedRepository repository) {
    Map<String, String> folders = prepare(repository);
    return roots(repository).stream().map(folder -> render(folders.get(folder))).toList();
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
  public Rendering render(LoadedRepository repository, String folder, Options options) {
    Map<String, String> folders = prepare(repository);
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

  /** The folders rendered so far, as output names them (for tests: bases are rendered only within their overlays). */
  Set<String> renderedFolders() {
    return Set.copyOf(rendered.keySet());
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
