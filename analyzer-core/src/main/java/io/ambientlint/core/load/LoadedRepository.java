package io.ambientlint.core.load;

import java.util.List;
import java.util.Map;

/**
 * Everything read from the inputs: the documents of every file in path order, the files that were read or
 * skipped, what went wrong, the {@code namespace:} of every {@code kustomization.yaml} by folder, and every
 * kustomization's content by its path (for finding deployment units; it is never an object).
 */
public record LoadedRepository(
    List<LoadedDocument> documents,
    List<SourceFile> files,
    List<Diagnostic> diagnostics,
    Map<String, KustomizeNamespace> kustomizeNamespaces,
    Map<String, com.fasterxml.jackson.databind.JsonNode> kustomizations) {

  /** The {@code namespace:} field of the kustomization file in folder {@code dir} (root-relative). */
  public record KustomizeNamespace(String dir, String namespace, String path, SourcePosition position) {}

  public LoadedRepository {
    documents = List.copyOf(documents);
    files = List.copyOf(files);
    diagnostics = List.copyOf(diagnostics);
    kustomizeNamespaces = Map.copyOf(kustomizeNamespaces);
    kustomizations = Map.copyOf(kustomizations);
  }

  public LoadedRepository(List<LoadedDocument> documents, List<SourceFile> files, List<Diagnostic> diagnostics,
      Map<String, KustomizeNamespace> kustomizeNamespaces) {
    this(documents, files, diagnostics, kustomizeNamespaces, Map.of());
  }
}
