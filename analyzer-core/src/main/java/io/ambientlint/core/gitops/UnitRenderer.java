package io.ambientlint.core.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.load.LoadedDocument;
import io.ambientlint.core.load.LoadedRepository;
import java.util.List;

/**
 * Renders a folder that holds a kustomization into the objects kustomize would output (implemented by the
 * Kustomize renderer, {@code core.kustomize}). Without one, the files under such a folder are taken as they are.
 */
public interface UnitRenderer {

  /** Folders (root-relative) with a kustomization that no other kustomization references: units of their own. */
  List<String> roots(LoadedRepository repository);

  /**
   * The objects of the kustomization in {@code folder} (root-relative), with {@code options} applied on top
   * (Argo CD {@code source.kustomize}, or a Flux Kustomization's {@code spec}; a missing node when none).
   */
  Rendering render(LoadedRepository repository, String folder, JsonNode options);

  /**
   * @param documents the rendered objects, each pointing at the source that gave it
   * @param files every file the rendering read (resources, patches, components): none of them is a loose file
   * @param notRendered what could not be rendered (remote bases, Helm charts, KRM functions)
   */
  record Rendering(List<LoadedDocument> documents, List<String> files, List<String> notRendered) {
    public Rendering {
      documents = List.copyOf(documents);
      files = List.copyOf(files);
      notRendered = List.copyOf(notRendered);
    }
  }
}
