package io.ambientlint.rules.network;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.NetworkPolicy;
import io.ambientlint.core.model.NodeRef;
import io.ambientlint.core.model.PodNetwork;
import io.ambientlint.core.model.Workload;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;
import io.ambientlint.core.text.Phrases;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NetworkPolicies are enforced outside the pod, on what ztunnel puts on the wire: HBONE to port 15008 from the
 * peer's pod (or waypoint), and kubelet probes that istio-cni SNATs to 169.254.7.127 (cni/pkg/iptables,
 * HOST_PROBE_SNAT_IP) so that ztunnel lets them through unauthenticated.
 */
public final class NetworkPolicyBlocksHbone implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL601", "networkpolicy-blocks-hbone")
      .severity(Severity.ERROR)
      .summary("NetworkPolicy on ambient pods drops HBONE (TCP 15008) or kubelet probes from 169.254.7.127")
      .description("""
          Once a pod is in ambient, traffic from other ambient pods and from waypoints arrives over HBONE: TCP port \
          **15008** of the pod, which ztunnel then hands to the original port. A Kubernetes NetworkPolicy is \
          enforced by the CNI outside the pod, so a policy whose ingress rules admit only the application's ports \
          (say 8080) drops all mesh traffic to the pod, even from clients the rule names. Kubelet probes (httpGet, \
          tcpSocket, grpc) are SNATed by istio-cni to the link-local address **169.254.7.127** \
          (`HOST_PROBE_SNAT_IP`) so that ztunnel can tell them apart: a policy that isolates the pod for ingress and \
          does not admit that address on the probe port (an `ipBlock` containing it, or a rule without `from`) drops \
          the probes, and the pod never becomes Ready (or is restarted by its liveness probe). The rule looks at the \
          union of the ingress rules of every NetworkPolicy selecting an ambient workload of the repository; a \
          policy with no ingress rules at all (deny all) is reported only for probes.""")
      .help("""
          Add port 15008 (TCP) to the ingress rule that admits the application's clients, and an ingress rule from \
          `ipBlock: {cidr: 169.254.7.127/32}` on the probe ports.""")
      .tags("networkpolicy", "ambient", "ztunnel")
      .build();

  static final String PROBE_SOURCE = "169.254.7.127";
  static final int HBONE_PORT = 15008;

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    Map<NetworkPolicy, List<Workload>> hboneBlocked = new LinkedHashMap<>();
    for (Workload w : graph.workloads()) {
      if (w.isWorkloadEntry() || !graph.isAmbient(w)) {
        continue;
      }
      List<NetworkPolicy> policies = graph.ingressPoliciesSelecting(w);
      if (policies.isEmpty()) {
        continue;
      }
      PodNetwork pod = PodNetwork.of(w);
      List<NetworkPolicy.IngressRule> rules = new ArrayList<>();
      policies.forEach(p -> rules.addAll(p.ingress()));
      if (!rules.isEmpty() && rules.stream().noneMatch(r -> r.admitsTcpPort(HBONE_PORT, pod.namedPorts()))) {
        hboneBlocked.computeIfAbsent(policies.get(0), k -> new ArrayList<>()).add(w);
      }
      for (PodNetwork.Probe probe : pod.probes()) {
        boolean admitted = rules.stream()
            .anyMatch(r -> r.admitsTcpPort(probe.port(), pod.namedPorts()) && r.admitsAddress(PROBE_SOURCE));
        if (!admitted) {
          reportProbe(findings, w, policies, probe);
        }
      }
    }
    hboneBlocked.forEach((policy, workloads) -> reportHbone(graph, findings, policy, workloads));
  }

  private static void reportHbone(MeshGraph graph, Findings findings, NetworkPolicy policy, List<Workload> workloads) {
    NodeRef at = policy.ingress().stream().filter(r -> !r.admitsEveryPort()).findFirst()
        .map(r -> policy.node(r.portsPointer())).orElse(policy.node("/spec/ingress"));
    List<String> admitted = new ArrayList<>();
    for (NetworkPolicy.IngressRule r : policy.ingress()) {
      r.ports().forEach(p -> admitted.add(p.describe()));
    }
    String names = Phrases.firstOf(workloads.stream().map(Workload::displayName).toList(), 3);
    var d = findings.reportAtKey(META, at,
        "%s isolates the pods of %s, which are ambient, and admits only port(s) %s: mesh traffic from other ambient pods "
            + "and waypoints arrives over HBONE on TCP %d and is dropped, so every mesh connection to them fails; add port "
            + "%d (TCP) to the ingress rule",
        policy.displayName(), names, String.join(", ", admitted.stream().distinct().toList()), HBONE_PORT, HBONE_PORT);
    workloads.stream().limit(3).forEach(w -> graph.enrolment(w).decidedBy()
        .ifPresent(n -> d.related(n, "makes " + w.displayName() + " ambient")));
  }

  private static void reportProbe(Findings findings, Workload w, List<NetworkPolicy> policies, PodNetwork.Probe probe) {
    NetworkPolicy first = policies.get(0);
    var d = findings.report(META, w.node(probe.pointer()),
        "the %s of container %s of %s connects to port %d, but %s %s its pods and %s no connection from %s "
            + "(where istio-cni SNATs kubelet probes of ambient pods) on that port: the probes are dropped and the pod %s; "
            + "add an ingress rule from ipBlock %s/32 on port %d",
        probe.kind(), probe.container(), w.displayName(), probe.port(),
        String.join(", ", policies.stream().limit(3).map(NetworkPolicy::displayName).toList()),
        Phrases.plural(policies.size(), "isolates", "isolate"), Phrases.plural(policies.size(), "admits", "admit"), PROBE_SOURCE,
        probe.kind().equals("readinessProbe") ? "never becomes Ready" : "is restarted again and again",
        PROBE_SOURCE, probe.port());
    d.related(first.podSelectorNode(), "selects the pods: " + first.displayName());
  }
}
