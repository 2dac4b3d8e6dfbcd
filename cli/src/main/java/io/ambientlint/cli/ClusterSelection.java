package io.ambientlint.cli;

import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.config.ConfigException;
import io.ambientlint.core.gitops.ClusterPlan;
import io.ambientlint.core.gitops.DeploymentUnit;
import io.ambientlint.core.graph.MeshGraph;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --cluster} / {@code --unit}: which cluster's graph a command shows (default: each in its own section). */
public final class ClusterSelection {

  @Option(names = "--cluster", paramLabel = "NAME",
      description = "Only the cluster NAME (as 'ambient-lint units' prints it, or ENVIRONMENT/NAME).")
  String cluster;

  @Option(names = "--unit", paramLabel = "NAME", description = "Only the cluster that unit NAME applies to.")
  String unit;

  /** One cluster's graph and the heading that names it (empty when the analysis has a single cluster). */
  record Section(String heading, MeshGraph graph) {}

  List<Section> sections(AnalysisResult result) {
    List<ClusterPlan> plans = result.deployment().deployment().clusters();
    List<MeshGraph> graphs = result.deployment().graphs();
    if (plans.isEmpty()) {
      return List.of(new Section("", result.graph()));
    }
    List<Section> out = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      ClusterPlan p = plans.get(i);
      boolean wanted = (cluster == null || cluster.equals(p.cluster()) || cluster.equals(p.id()))
          && (unit == null || p.units().stream().map(DeploymentUnit::name).anyMatch(unit::equals));
      if (wanted) {
        String units = String.join(", ", p.units().stream().map(DeploymentUnit::name).toList());
        out.add(new Section(plans.size() == 1 ? "" : "cluster " + p.cluster() + " (environment " + p.environment()
            + "; units: " + units + ")", graphs.get(i)));
      }
    }
    if (out.isEmpty()) {
      throw new ConfigException((unit != null ? "no unit named \"" + unit + "\"" : "no cluster named \"" + cluster + "\"")
          + "; 'ambient-lint units' lists them");
    }
    return out;
  }
}
