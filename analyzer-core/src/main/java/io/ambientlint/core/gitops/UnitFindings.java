package io.ambientlint.core.gitops;

import io.ambientlint.core.Analyzer;
import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.rule.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One finding per (rule, location, message), whichever clusters found it, naming the units whose output holds
 * it. The fingerprint is the finding's own: it never depends on a cluster's or unit's name.
 */
public final class UnitFindings {

  private UnitFindings() {}

  private record Key(String rule, String path, int line, int column, String message) {}

  public static List<Finding> merge(Deployment deployment, List<AnalysisResult> perCluster) {
    if (perCluster.size() == 1 && !deployment.discovered()) {
      return perCluster.get(0).findings(); // one plain set of files: today's output, unchanged
    }
    Map<Key, Finding> first = new LinkedHashMap<>();
    Map<Key, TreeSet<String>> units = new HashMap<>();
    for (int i = 0; i < perCluster.size(); i++) {
      ClusterPlan plan = deployment.clusters().get(i);
      Map<String, List<String>> unitsOfFile = new HashMap<>();
      for (DeploymentUnit u : plan.units()) {
        for (String file : u.sourceFiles()) {
          unitsOfFile.computeIfAbsent(file, f -> new ArrayList<>()).add(u.name());
        }
      }
      for (Finding f : perCluster.get(i).findings()) {
        Key key = new Key(f.ruleId(), f.location().path(), f.location().position().line(),
            f.location().position().column(), f.message());
        first.putIfAbsent(key, f);
        units.computeIfAbsent(key, k -> new TreeSet<>()).addAll(unitsOfFile.getOrDefault(f.location().path(), List.of()));
      }
    }
    List<Finding> out = new ArrayList<>(first.size());
    for (Map.Entry<Key, Finding> e : first.entrySet()) {
      Finding f = e.getValue();
      out.add(deployment.discovered() ? f.withUnits(List.copyOf(units.get(e.getKey()))) : f);
    }
    out.sort(Analyzer.OUTPUT_ORDER);
    return out;
  }
}
