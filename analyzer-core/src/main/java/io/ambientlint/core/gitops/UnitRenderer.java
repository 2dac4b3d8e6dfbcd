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
   * The objects of the kustomization in {@code folder} (root-relative), with {@code options} applied as the
   * controller applies them (Argo CD {@code source.kustomize}, or a Flux Kustomization's {@code spec}).
   */
  Rendering render(LoadedRepository repository, String folder, Options options);

  /**
   * A controller's Kustomize options for one folder.
   *
   * @param node the options ({@code source.kustomize}, or the Flux fields); a missing node when none
   * @param definer the Application, ApplicationSet or Kustomization document, for positions (null when none)
   * @param pointer where {@code node} is in {@code definer}
   * @param owner how messages name the controller object ({@code Application prod})
   * @param generatedResources Flux, folder without a kustomization: the manifests (files, or folders with a
   *     kustomization) relative to the folder, which Flux lists in the kustomization it writes; else empty
   */
  record Options(Controller controller, JsonNode node, LoadedDocument definer, String pointer, String owner,
      List<String> generatedResources) {

    public static final Options NONE = new Options(Controller.NONE, com.fasterxml.jackson.databind.node.MissingNode
        .getInstance(), null, "", "", List.of());

    public Options {
      generatedResources = List.copyOf(generatedResources);
    }

    /** Whether there is anything to apply on top of the folder as it is. */
    public boolean isEmpty() {
      return definer == null || controller == Controller.NONE
          || ((!node.isObject() || node.size() == 0) && generatedResources.isEmpty());
    }

    /** Whose options: the renderer applies them as that controller does. */
    public enum Controller { NONE, ARGO_CD, FLUX }
  }

  /**
   * @param documents the rendered objects, each pointing at the source that gave it
   * @param files every file the rendering read (resources, patches, components): none of them is a loose file
   * @param notRendered what could not be rendered (remote bases, Helm charts, KRM functions)
   * @param optionsApplied whether the controller's options were applied (names, namespace, patches...)
   */
  record Rendering(List<LoadedDocument> documents, List<String> files, List<String> notRendered,
      boolean optionsApplied) {
    public Rendering {
      documents = List.copyOf(documents);
      files = List.copyOf(files);
      notRendered = List.copyOf(notRendered);
    }

    public Rendering(List<LoadedDocument> documents, List<String> files, List<String> notRendered) {
      this(documents, files, notRendered, false);
    }
  }
}
