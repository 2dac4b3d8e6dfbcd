package io.ambientlint.core.gitops;

import io.ambientlint.core.load.LoadedRepository;
import io.ambientlint.core.model.ModelBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

  /**
   * For each file, the names of the units of this cluster that apply it, in unit order. Built once per call as a
   * map: asking each unit's file list per resource is quadratic in a repository of thousands of files.
   */
  public Map<String, List<String>> unitsByFile() {
    Map<String, List<String>> unitsOfFile = new HashMap<>();
    for (DeploymentUnit u : units) {
      for (String file : u.sourceFiles()) { // a unit lists each file once
        unitsOfFile.computeIfAbsent(file, f -> new ArrayList<>()).add(u.name());
      }
    }
    return unitsOfFile;
  }
}
