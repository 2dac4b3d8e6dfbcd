package io.ambientlint.core.gitops;

import io.ambientlint.core.load.Diagnostic;
import java.util.List;

/**
 * The units of a repository grouped into clusters, and what discovery could not follow.
 *
 * @param discovered whether the repository has units besides its loose files: only then do findings name units
 */
public record Deployment(List<DeploymentUnit> units, List<ClusterPlan> clusters, List<Diagnostic> notifications,
    boolean discovered) {

  public Deployment {
    units = List.copyOf(units);
    clusters = List.copyOf(clusters);
    notifications = List.copyOf(notifications);
  }
}
