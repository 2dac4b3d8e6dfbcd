package io.ambientlint.core.gitops;

import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.load.LoadedDocument;
import io.ambientlint.core.load.LoadedRepository;
import io.ambientlint.core.load.SourceFile;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The loaded files as GitOps tools see them: paths relative to the repository root, folders, documents per file. */
final class RepoTree {

  static final Set<String> KUSTOMIZATION_NAMES = Set.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  /** Root-relative path to the path reports show, in load order. */
  final Map<String, String> displayOf = new LinkedHashMap<>();
  final Map<String, List<LoadedDocument>> documentsOf = new HashMap<>();
  /** The path reports show to the root-relative path. */
  final Map<String, String> rootRelativeOf = new HashMap<>();
  final TreeSet<String> folders = new TreeSet<>();
  final Set<String> kustomizationFolders = new TreeSet<>();
  /** Folders the loader skipped as Helm charts. */
  final Set<String> helmFolders = new TreeSet<>();

  RepoTree(LoadedRepository repository) {
    for (SourceFile f : repository.files()) {
      displayOf.put(f.rootRelativePath(), f.path());
      rootRelativeOf.put(f.path(), f.rootRelativePath());
      String dir = parent(f.rootRelativePath());
      if (KUSTOMIZATION_NAMES.contains(f.rootRelativePath().substring(f.rootRelativePath().lastIndexOf('/') + 1))) {
        kustomizationFolders.add(dir);
      }
      for (String d = dir; ; d = parent(d)) {
        folders.add(d);
        if (d.isEmpty()) {
          break;
        }
      }
    }
    for (LoadedDocument doc : repository.documents()) {
      documentsOf.computeIfAbsent(doc.path(), p -> new ArrayList<>()).add(doc);
    }
    for (Diagnostic d : repository.diagnostics()) {
      if (d.kind() == Diagnostic.Kind.SKIPPED && d.message().contains("Helm chart")) {
        helmFolders.add(parent(d.path()));
      }
    }
  }

  static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  static String normalise(String path) {
    String p = path.replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.equals(".") ? "" : p;
  }

  static boolean isUnder(String folder, String file) {
    return folder.isEmpty() || file.startsWith(folder + "/");
  }

  boolean hasFolder(String folder) {
    return folders.contains(folder);
  }

  boolean isHelmChart(String folder) {
    return helmFolders.contains(folder);
  }

  /** Root-relative paths of the manifest files in {@code folder}, and below it when {@code recurse}. */
  List<String> filesIn(String folder, boolean recurse) {
    List<String> out = new ArrayList<>();
    for (String file : displayOf.keySet()) {
      if (isUnder(folder, file) && (recurse || parent(file).equals(folder))) {
        out.add(file);
      }
    }
    return out;
  }

  static PathMatcher glob(String pattern) {
    return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
  }

  static boolean matches(PathMatcher matcher, String path) {
    return !path.isEmpty() && matcher.matches(Path.of(path));
  }
}
