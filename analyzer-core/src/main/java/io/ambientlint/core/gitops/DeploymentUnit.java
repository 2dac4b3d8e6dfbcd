package io.ambientlint.core.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.load.LoadedDocument;
import io.ambientlint.core.model.Location;
import io.ambientlint.core.model.ModelBuilder;
import java.util.List;
import java.util.Optional;

/**
 * What one controller applies together to one cluster (docs/architecture.md "Deployment units"): an Argo CD Application (or one an
 * ApplicationSet generates), a Flux Kustomization, a Kustomize root, a unit from the config, or the loose files.
 *
 * @param definedAt the object that defines the unit (empty for loose files and config units)
 * @param parent the unit whose output holds the defining object (app of apps), if any
 * @param defaultNamespace the namespace objects without one get ({@code ""}: the unit gives none)
 * @param sourceFiles the files whose objects the unit applies, as reports name them
 * @param notRendered what the unit would apply but ambient-lint does not know (Helm, plugins, other repositories)
 * @param documents the unit's objects: its files' documents, after what the controller changes (substitution, names)
 * @param placement how the unit places namespaces (null: it does not)
 * @param renderOptions what the renderer applies (Argo CD {@code source.kustomize}, Flux patches, images,
 *     commonMetadata); a missing node when there is nothing
 */
public record DeploymentUnit(
    String name,
    Kind kind,
    Optional<Location> definedAt,
    Optional<String> parent,
    String environment,
    String cluster,
    String defaultNamespace,
    List<String> sourceFiles,
    List<String> notRendered,
    List<LoadedDocument> documents,
    ModelBuilder.Placement placement,
    JsonNode renderOptions) {

  public DeploymentUnit {
    sourceFiles = List.copyOf(sourceFiles);
    notRendered = List.copyOf(notRendered);
    documents = List.copyOf(documents);
  }

  /** The kinds of unit, named as the {@code units} command prints them. */
  public enum Kind {
    ARGO_APPLICATION("Application"),
    APPLICATION_SET("ApplicationSet"),
    FLUX_KUSTOMIZATION("Kustomization"),
    HELM_RELEASE("HelmRelease"),
    KUSTOMIZE_ROOT("kustomize-root"),
    CONFIGURED("config"),
    LOOSE_FILES("loose-files");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** {@code environment/cluster}: how reports and {@code --cluster} name the cluster the unit applies to. */
  public String clusterId() {
    return environment + "/" + cluster;
  }
}
