package io.ambientlint.core.kustomize;

import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.load.LoadLimits;
import io.ambientlint.core.load.LoadedDocument;
import io.ambientlint.core.load.LoadedRepository;
import io.ambientlint.core.load.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns what the loader read into what the cluster gets: each kustomization root (a folder whose
 * kustomization no other kustomization references) is rendered and replaces the raw files it consumes; files
 * that only serve as patches, components or configs are never objects. Each root is its own set of objects
 * (overlays of one base are alternatives and never meet), together with the files no kustomization consumes.
 */
public final class KustomizeRoots {

  private KustomizeRoots() {}

  /**
   * {@code units}: the sets of objects to analyze apart (each root in path order, with the loose files).
   * {@code all}: every object of every unit, for views that show the whole repository.
   */
  public record Units(LoadedRepository all, List<LoadedRepository> units, List<RenderResult> roots,
      Set<String> looseFiles) {

    /**
     * A finding on a loose file counts only when every unit reports it: with one root it might hold and with
     * another not, and until deployment units say which root the loose files go with, that is unknown.
     */
    public boolean isLoose(String path) {
      return looseFiles.contains(path);
    }
  }

  public static Units render(LoadedRepository loaded, Path baseDirectory, LoadLimits limits) {
    List<String> kustomizationDirs = new ArrayList<>();
    Set<String> kustomizationFiles = new HashSet<>();
    for (SourceFile f : loaded.files()) {
      String path = f.path();
      String name = path.substring(path.lastIndexOf('/') + 1);
      if (KustomizeRenderer.FILE_NAMES.contains(name) && !kustomizationFiles.contains(path)) {
        String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : ".";
        if (!kustomizationDirs.contains(dir)) {
          kustomizationDirs.add(dir);
        }
        kustomizationFiles.add(path);
      }
    }
    if (kustomizationDirs.isEmpty()) {
      return new Units(loaded, List.of(loaded), List.of(), Set.of());
    }
    KustomizeRenderer renderer = new KustomizeRenderer(baseDirectory, limits);
    List<RenderResult> renders = kustomizationDirs.parallelStream().map(renderer::render).toList();
    List<RenderResult> roots = new ArrayList<>();
    Set<String> reached = new HashSet<>();
    for (RenderResult r : renders) {
      if (!referencedByAnother(r, renders)) {
        roots.add(r);
        reached.addAll(r.filesRead());
      }
    }
    // Kustomizations that only reference each other (a cycle) have no root above them: render them anyway,
    // so the cycle is reported.
    for (RenderResult r : renders) {
      if (!roots.contains(r) && !reached.contains(r.kustomizationPath())) {
        roots.add(r);
        reached.addAll(r.filesRead());
      }
    }
    Set<String> consumed = new HashSet<>(kustomizationFiles);
    renders.forEach(r -> consumed.addAll(r.filesRead()));

    Set<Diagnostic> diagnostics = new LinkedHashSet<>();
    for (Diagnostic d : loaded.diagnostics()) {
      boolean renderedKustomization = d.kind() == Diagnostic.Kind.SKIPPED && kustomizationFiles.contains(d.path());
      if (!renderedKustomization && !(consumed.contains(d.path()) && d.kind().isNotAnObject())) {
        diagnostics.add(d);
      }
    }
    roots.forEach(r -> diagnostics.addAll(r.diagnostics()));
    List<Diagnostic> sortedDiagnostics = new ArrayList<>(diagnostics);
    sortedDiagnostics.sort(java.util.Comparator.comparing(Diagnostic::path)
        .thenComparingInt(d -> d.position().line()).thenComparingInt(d -> d.position().column())
        .thenComparing(Diagnostic::message));

    List<LoadedDocument> loose = loaded.documents().stream().filter(d -> !consumed.contains(d.path())).toList();
    // The loose files (namespaces, Applications, plain manifests) go with every root: a root never meets
    // another root, but both meet the files no kustomization consumes.
    List<LoadedRepository> units = new ArrayList<>();
    List<LoadedDocument> all = new ArrayList<>(loose);
    for (RenderResult root : roots) {
      List<LoadedDocument> docs = new ArrayList<>(loose);
      root.objects().stream().map(RenderedObject::toDocument).forEach(docs::add);
      all.addAll(docs.subList(loose.size(), docs.size()));
      units.add(new LoadedRepository(docs, loaded.files(), List.of(), loaded.kustomizeNamespaces()));
    }
    if (units.isEmpty()) {
      units.add(new LoadedRepository(List.of(), loaded.files(), List.of(), loaded.kustomizeNamespaces()));
    }
    // Every unit carries the load and render problems: a finding made from one (a duplicate key, say) is
    // then reported by every unit, and kept; the notifications are merged.
    units.replaceAll(u -> new LoadedRepository(u.documents(), u.files(), sortedDiagnostics, u.kustomizeNamespaces()));
    LoadedRepository everything = new LoadedRepository(all, loaded.files(), sortedDiagnostics, loaded.kustomizeNamespaces());
    Set<String> looseFiles = new HashSet<>();
    loose.forEach(d -> looseFiles.add(d.path()));
    return new Units(everything, units, roots, looseFiles);
  }

  private static boolean referencedByAnother(RenderResult r, List<RenderResult> renders) {
    for (RenderResult other : renders) {
      if (other != r && other.filesRead().contains(r.kustomizationPath())) {
        return true;
      }
    }
    return false;
  }
}
