package io.ambientlint.core.graph;

import io.ambientlint.core.model.Kind;
import io.ambientlint.core.model.Model;
import io.ambientlint.core.model.NetworkPolicy;
import io.ambientlint.core.model.Resource;
import io.ambientlint.core.model.Workload;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Kubernetes NetworkPolicies of the repository by namespace, and which of them isolate a workload's pods. */
public final class NetworkPolicyIndex {

  static final String GROUP = "networking.k8s.io";

  private final List<NetworkPolicy> policies = new ArrayList<>();
  private final Map<String, List<NetworkPolicy>> byNamespace = new HashMap<>();

  NetworkPolicyIndex(Model model) {
    for (Resource r : model.ofKind(Kind.NETWORK_POLICY)) {
      NetworkPolicy p = NetworkPolicy.of(r);
      policies.add(p);
      byNamespace.computeIfAbsent(p.namespace(), k -> new ArrayList<>()).add(p);
    }
  }

  public List<NetworkPolicy> policies() {
    return Collections.unmodifiableList(policies);
  }

  /**
   * The policies whose podSelector matches the workload's pods and that isolate them for ingress, in load order;
   * empty when nothing isolates them (all ingress admitted). WorkloadEntries are no pods: always empty.
   */
  public List<NetworkPolicy> ingressPoliciesSelecting(Workload workload) {
    if (workload.isWorkloadEntry()) {
      return List.of();
    }
    List<NetworkPolicy> out = new ArrayList<>();
    for (NetworkPolicy p : byNamespace.getOrDefault(workload.namespace(), List.of())) {
      if (p.isolatesIngress() && p.podSelector().matches(workload.podLabels())) {
        out.add(p);
      }
    }
    return out;
  }
}
