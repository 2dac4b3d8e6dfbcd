package io.ambientlint.core.gitops;

import io.ambientlint.core.load.LoadedRepository;
import io.ambientlint.core.model.ModelBuilder;
import java.util.List;

/**
 * One (environment, cluster): the units applied to it and everything they apply, as a repository of its own,
 * so its model and graph never meet another cluster's objects.
 */
public record ClusterPlan(String environment, String cluster, List<DeploymentUnit> units, LoadedRepository repository,
    java.util.function.Function<io.ambientlint.core.load.LoadedDocument, ModelBuilder.Placement> placement) {

  public ClusterPlan {
    units = List.copyOf(units);
  }

  public String id() {
    return environment + "/" + cluster;
  }

  /** The names of the units of this cluster that apply file {@code path}. */
  public List<String> unitsApplying(String path) {
    return units.stream().filter(u -> u.sourceFiles().contains(path)).map(DeploymentUnit::name).toList();
  }
}
