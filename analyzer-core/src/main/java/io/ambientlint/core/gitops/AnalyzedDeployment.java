package io.ambientlint.core.gitops;

import io.ambientlint.core.graph.MeshGraph;
import java.util.List;
import java.util.Optional;

/**
 * The deployment of an analysis and the graph of each of its clusters, in the order of
 * {@link Deployment#clusters()}; {@code fileCount} is every file read, whichever unit applies it.
 */
public record AnalyzedDeployment(Deployment deployment, List<MeshGraph> graphs, int fileCount) {

  public AnalyzedDeployment {
    graphs = List.copyOf(graphs);
  }

  /** An analysis of one graph built without discovery (tests, benchmarks): one cluster of loose files. */
  public static AnalyzedDeployment single(MeshGraph graph) {
    return new AnalyzedDeployment(new Deployment(List.of(), List.of(), List.of(), false), List.of(graph),
        graph.files().size());
  }

  public int resourceCount() {
    return graphs.stream().mapToInt(g -> g.resources().size()).sum();
  }

  /** The graph of the cluster named {@code environment/cluster}, or of the cluster a unit applies to. */
  public Optional<MeshGraph> graphOf(String clusterOrUnit) {
    List<ClusterPlan> plans = deployment.clusters();
    for (int i = 0; i < plans.size(); i++) {
      ClusterPlan p = plans.get(i);
      if (p.id().equals(clusterOrUnit) || p.cluster().equals(clusterOrUnit)
          || p.units().stream().anyMatch(u -> u.name().equals(clusterOrUnit))) {
        return Optional.of(graphs.get(i));
      }
    }
    return Optional.empty();
  }
}
