package io.ambientlint.core.config;

import java.util.List;
import java.util.Map;

/**
 * What the repository cannot say about its deployment (docs/architecture.md "Deployment units"): units given by hand (replacing discovery),
 * local folders of other repositories, the clusters an ApplicationSet's cluster generator selects from, how
 * units group into environments, and the labels of namespaces managed elsewhere.
 */
public record GitopsSettings(
    List<UnitSetting> units,
    Map<String, String> repositories,
    List<ClusterSetting> clusters,
    List<EnvironmentSetting> environments,
    Map<String, Map<String, String>> namespaces,
    boolean undeclaredNamespacesUnlabelled) {

  public static final GitopsSettings NONE = new GitopsSettings(List.of(), Map.of(), List.of(), List.of(), Map.of(), false);

  public GitopsSettings {
    units = List.copyOf(units);
    repositories = Map.copyOf(repositories);
    clusters = List.copyOf(clusters);
    environments = List.copyOf(environments);
    namespaces = Map.copyOf(namespaces);
  }

  /** A unit given by hand: the files under {@code paths} (folders or globs) applied to {@code cluster}. */
  public record UnitSetting(String name, List<String> paths, String cluster, String namespace, String environment) {
    public UnitSetting {
      paths = List.copyOf(paths);
    }
  }

  /** A cluster Argo CD knows ({@code clusters} generator): its name, server URL and labels. */
  public record ClusterSetting(String name, String server, Map<String, String> labels) {
    public ClusterSetting {
      labels = Map.copyOf(labels);
    }
  }

  /** Units (names or globs over names) that form one environment, whatever their roots. */
  public record EnvironmentSetting(String name, List<String> units) {
    public EnvironmentSetting {
      units = List.copyOf(units);
    }
  }
}
