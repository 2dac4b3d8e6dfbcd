package io.ambientlint.rules.classic;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.DestinationRule;
import io.ambientlint.core.model.LabelSelector;
import io.ambientlint.core.model.MeshService;
import io.ambientlint.core.model.Workload;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A DestinationRule subset whose labels select none of the host's workloads. */
public final class SubsetSelectsNothing implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL407", "subset-selects-nothing")
      .severity(Severity.WARNING)
      .summary("DestinationRule subset selects no workload of its host")
      .description("""
          A DestinationRule subset's `labels` match none of the workloads (Deployments, StatefulSets, Pods, \
          WorkloadEntries...) behind its host, a Service or a ServiceEntry with a workloadSelector. The subset's \
          cluster has no endpoints: requests routed to it fail with 503 (`UH`, no healthy upstream). The rule only \
          fires when the host has workloads in the repository, since otherwise they may be deployed elsewhere \
          (istioctl's IST0173 fires even then); labels Istio takes from the node (`topology.kubernetes.io/*`, \
          `topology.istio.io/*`) are not compared.""")
      .help("Fix the subset's labels to match the pod template labels of the intended version, or remove the subset.")
      .tags("destinationrule", "subset")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (DestinationRule dr : graph.destinationRules()) {
      Optional<MeshService> service = graph.meshServiceForHost(dr.host(), dr.namespace());
      if (service.isEmpty() || dr.subsets().isEmpty()) {
        continue;
      }
      List<Workload> workloads = graph.workloadsSelectedBy(service.get());
      if (workloads.isEmpty()) {
        continue;
      }
      for (DestinationRule.Subset subset : dr.subsets()) {
        Map<String, String> podLabels = new LinkedHashMap<>(subset.labels());
        podLabels.keySet().removeIf(SubsetUnreachableByRoute::isNodeTopologyLabel);
        LabelSelector selector = LabelSelector.of(podLabels);
        if (podLabels.isEmpty() || workloads.stream().anyMatch(w -> selector.matches(w.podLabels()))) {
          continue;
        }
        String seen = String.join(", ", workloads.stream().limit(5)
            .map(w -> w.displayName() + " " + describe(w.podLabels(), podLabels)).toList());
        var draft = findings.report(META, dr.node(subset.labelsPointer()),
            "subset %s of %s selects pods with %s, but no workload of %s has them (%d in the repository: %s): the subset "
                + "has no endpoints and requests routed to it fail with 503; fix the labels",
            subset.name(), dr.displayName(), selector, service.get().displayName(), workloads.size(), seen);
        draft.related(service.get().node("/metadata/name"), "the host's " + service.get().resource().kind());
        workloads.stream().limit(5).forEach(w -> draft.related(w.node(w.podPointer() + "/metadata/labels"),
            "pod labels of " + w.displayName()));
      }
    }
  }

  /** The workload's values for the keys the subset asks about: {@code version=v1}. */
  private static String describe(Map<String, String> podLabels, Map<String, String> wanted) {
    StringBuilder out = new StringBuilder();
    for (String key : wanted.keySet()) {
      out.append(out.length() == 0 ? "" : ",").append(key).append('=').append(podLabels.getOrDefault(key, "(unset)"));
    }
    return "has " + out;
  }
}
