package io.ambientlint.rules.classic;

import io.ambientlint.core.graph.EnvoyFilterReach;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.EnvoyFilter;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.model.Workload;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;
import java.util.List;

/** An EnvoyFilter that patches no proxy: waypoint pods by selector, ztunnel-only workloads, ignored targetRefs. */
public final class EnvoyFilterNoEffect implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL502", "envoyfilter-no-effect")
      .severity(Severity.WARNING)
      .summary("EnvoyFilter applies to no proxy: waypoint pods by selector, or workloads without a sidecar")
      .description("""
          An EnvoyFilter patches Envoy proxies: sidecars and gateways. It has no effect when (1) its \
          `workloadSelector` selects the pods of a waypoint (`gateway.networking.k8s.io/gateway-name`): waypoints \
          ignore selectors and take EnvoyFilters only through targetRefs; (2) everything it selects (or, without a \
          selector, every workload of its namespace) runs without a sidecar: ambient workloads have only ztunnel, \
          which is not Envoy, and out-of-mesh pods have no proxy at all; (3) a targetRef can never match (a Service \
          or ServiceEntry, a GatewayClass outside the root namespace or other than `istio-waypoint`).""")
      .help("""
          Attach the behaviour to a waypoint with supported APIs (HTTPRoute filters, policies or WasmPlugin with \
          targetRefs), or point the selector at sidecar-injected workloads or gateways; delete the EnvoyFilter if \
          nothing needs it.""")
      .tags("envoyfilter", "ambient")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (EnvoyFilter filter : graph.envoyFilters()) {
      EnvoyFilterReach reach = graph.envoyFilterReach(filter);
      if (reach.usesTargetRefs()) {
        for (EnvoyFilterReach.TargetReach t : reach.targets()) {
          t.ignoredBecause().ifPresent(why -> findings.report(META, filter.node(t.ref().pointer()),
              "this targetRef of %s matches no proxy: %s, so the patch is never applied through it",
              filter.displayName(), why));
        }
        continue;
      }
      boolean hasSelector = !filter.selectsWholeNamespace();
      boolean root = filter.namespace().equals(graph.config().rootNamespace());
      if (!hasSelector && root) {
        continue; // mesh-wide: sidecars and gateways anywhere may take it
      }
      List<Workload> withProxy = reach.selectedWorkloads().stream()
          .filter(w -> graph.enrolment(w).isSidecar() || graph.enrolment(w).isUnknown() || graph.runsOwnProxy(w)).toList();
      if (!withProxy.isEmpty()) {
        continue;
      }
      String at = hasSelector ? "/spec/workloadSelector/labels" : "/metadata/name";
      if (hasSelector && !reach.selectedWaypoints().isEmpty() && reach.selectedWorkloads().isEmpty()) {
        Gateway waypoint = reach.selectedWaypoints().get(0);
        findings.report(META, filter.node(at),
                "%s selects the pods of waypoint %s, but waypoints ignore workloadSelector and take EnvoyFilters only "
                    + "through targetRefs: the patch is never applied", filter.displayName(), waypoint.displayName())
            .related(waypoint.node("/metadata/name"), "the waypoint " + waypoint.displayName());
        continue;
      }
      if (reach.selectedWorkloads().isEmpty() || !reach.selectedGateways().isEmpty()) {
        continue; // selects nothing we know of (may be deployed elsewhere), or a gateway of the namespace takes it
      }
      String what = hasSelector ? "everything its workloadSelector selects" : "every workload of namespace " + filter.namespace();
      String names = String.join(", ", reach.selectedWorkloads().stream().limit(5)
          .map(w -> w.displayName() + " (" + graph.enrolment(w).reason() + ")").toList());
      var draft = findings.report(META, filter.node(at),
          "%s has no effect: %s runs without a sidecar (%s); ambient workloads have only ztunnel, which is not Envoy, "
              + "and out-of-mesh pods have no proxy; move the behaviour to a waypoint with supported APIs or delete it",
          filter.displayName(), what, names);
      reach.selectedWorkloads().stream().limit(5).forEach(w -> draft.related(w.node("/metadata/name"), w.displayName()));
    }
  }
}
