package io.ambientlint.core.kustomize;

import io.ambientlint.core.load.Diagnostic;
import java.util.List;
import java.util.Set;

/**
 * What one kustomization root renders to. {@code failed}: kustomize would reject it (the error is among the
 * diagnostics) and {@code objects} is empty. {@code filesRead} are every file the render consumed (resources,
 * patches, components, configs), root-relative display paths.
 */
public record RenderResult(String directory, String kustomizationPath, List<RenderedObject> objects,
    List<Diagnostic> diagnostics, Set<String> filesRead, boolean failed) {

  public RenderResult {
    objects = List.copyOf(objects);
    diagnostics = List.copyOf(diagnostics);
    filesRead = Set.copyOf(filesRead);
  }
}
