package io.ambientlint.rules.policy;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.PolicyKind;
import io.ambientlint.core.model.TargetablePolicy;
import io.ambientlint.core.model.Workload;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;
import java.util.List;

/** A Sidecar resource configures sidecar proxies only: on ambient workloads it does nothing. */
public final class SidecarResourceInAmbient implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL310", "sidecar-resource-in-ambient")
      .severity(Severity.WARNING)
      .summary("A Sidecar resource selects ambient workloads, where it has no effect")
      .description("""
          The networking.istio.io `Sidecar` resource configures injected sidecar proxies (egress hosts, inbound \
          ports, outbound traffic policy). Ambient workloads have no sidecar, and neither ztunnel nor waypoints read \
          it, so a Sidecar whose `workloadSelector` matches ambient workloads, or a namespace-wide Sidecar in an \
          ambient namespace, has no effect on them: egress restrictions written there are not enforced. A pod that \
          opts into injection (`sidecar.istio.io/inject: "true"`) inside an ambient namespace does get a sidecar \
          (the injector has no ambient check), and the Sidecar applies to it: a Sidecar that selects such a pod, or \
          a namespace-wide one in a namespace that has such pods, is not reported. The root namespace's mesh default \
          Sidecar is not reported.""")
      .help("""
          Remove the Sidecar resource for ambient workloads; restrict egress with a waypoint and policies attached \
          to it, or keep the workloads sidecar-injected.""")
      .tags("policy", "ambient", "sidecar")
      .precision("high")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (TargetablePolicy p : graph.policies()) {
      if (p.kind() != PolicyKind.SIDECAR || p.namespace().equals(graph.config().rootNamespace())) {
        continue;
      }
      if (p.hasSelector() && !p.selectorLabels().isEmpty()) {
        List<Workload> selected = graph.workloadsSelectedBy(p);
        List<Workload> ambient = selected.stream().filter(graph::isAmbient).toList();
        // A pod that opts into injection gets a sidecar even in an ambient namespace; the Sidecar applies to it.
        if (ambient.isEmpty() || selected.stream().anyMatch(w -> hasSidecar(graph, w))) {
          continue;
        }
        List<String> names = ambient.stream().limit(3).map(Workload::displayName).toList();
        findings.report(META, p.selectorNode(),
                "%s selects ambient workloads (%s%s), which have no sidecar: it has no effect on them; remove it, or "
                    + "restrict their traffic with a waypoint", p.displayName(), String.join(", ", names),
                ambient.size() > 3 ? " and more" : "")
            .related(ambient.get(0).resource().nameNode(), "a selected ambient workload");
      } else if (graph.isAmbient(graph.namespace(p.namespace()))
          && graph.workloadsIn(p.namespace()).stream().noneMatch(w -> hasSidecar(graph, w))) {
        var draft = findings.report(META, p.resource().nameNode(),
            "%s applies to namespace %s, which is ambient: its pods have no sidecar, so it has no effect on them; remove "
                + "it, or restrict their traffic with a waypoint", p.displayName(), p.namespace());
        graph.namespace(p.namespace()).labelNode("istio.io/dataplane-mode")
            .ifPresent(l -> draft.related(l, "the namespace's ambient label"));
      }
    }
  }

  private static boolean hasSidecar(MeshGraph graph, Workload w) {
    // Unknown enrolment (namespace labels unknown) may be a sidecar.
    return graph.enrolment(w).isSidecar() || graph.enrolment(w).isUnknown();
  }
}
