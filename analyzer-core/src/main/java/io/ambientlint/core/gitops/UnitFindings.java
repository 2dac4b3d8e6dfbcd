package io.ambientlint.core.gitops;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.load.LoadedDocument;
import io.ambientlint.core.model.Resource;
import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.rule.Findings;
import java.util.IdentityHashMap;
import java.util.Set;
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

  /** What the rules found in one cluster, over that cluster's graph. */
  public record ClusterFindings(MeshGraph graph, List<Finding> findings) {}

  /**
   * AL903 for an object that two units apply to one cluster names both units (Argo CD's shared-resource
   * warning); a copy within one unit keeps the rule's own message.
   */
  static Finding sharedResource(Finding f, MeshGraph graph, Map<LoadedDocument, String> unitOfDocument,
      Set<Resource> explained) {
    if (!f.ruleId().equals(DUPLICATE_RULE) || f.subject().isEmpty()) {
      return f;
    }
    List<Resource> copies = graph.model().resourcesById().getOrDefault(f.subject().get(), List.of());
    if (copies.size() < 2) {
      return f;
    }
    Resource first = copies.get(0);
    for (Resource copy : copies.subList(1, copies.size())) {
      if (!copy.nameNode().location().equals(f.location()) || !explained.add(copy)) {
        continue;
      }
      String firstUnit = unitOfDocument.get(first.document());
      String unit = unitOfDocument.get(copy.document());
      if (firstUnit == null || unit == null || firstUnit.equals(unit)) {
        return f;
      }
      String message = copy.displayName() + " is applied to this cluster by unit " + unit + " and also by unit "
          + firstUnit + " (" + first.nameNode().location() + "): whichever syncs last replaces the other, and Argo CD "
          + "reports it as a shared resource; apply it from one unit only";
      return new Finding(f.rule(), f.severity(), message, f.location(), f.subject(), f.pointer(), f.related(),
          Findings.fingerprint(f.ruleId(), f.subject().get().qualified(), f.pointer(), message), f.suppression(), f.units(), f.missingObject());
    }
    return f;
  }

  private static final String DUPLICATE_RULE = "AL903";

  public static List<Finding> merge(Deployment deployment, List<ClusterFindings> perCluster) {
    if (perCluster.size() == 1 && !deployment.discovered()) {
      return perCluster.get(0).findings(); // one plain set of files: today's output, unchanged
    }
    Map<Key, Finding> first = new LinkedHashMap<>();
    Map<Key, TreeSet<String>> units = new HashMap<>();
    for (int i = 0; i < perCluster.size(); i++) {
      ClusterPlan plan = deployment.clusters().get(i);
      Map<String, List<String>> unitsOfFile = plan.unitsByFile();
      Map<LoadedDocument, String> unitOfDocument = new IdentityHashMap<>();
      for (DeploymentUnit u : plan.units()) {
        u.documents().forEach(d -> unitOfDocument.put(d, u.name()));
      }
      Set<Resource> explained = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      for (Finding reported : perCluster.get(i).findings()) {
        Finding f = sharedResource(reported, perCluster.get(i).graph(), unitOfDocument, explained);
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
    out.sort(Findings.OUTPUT_ORDER);
    return out;
  }
}
