package io.ambientlint.rules.policy;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.PolicyEnforcement;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.model.NodeRef;
import io.ambientlint.core.model.PolicyKind;
import io.ambientlint.core.model.TargetablePolicy;
import io.ambientlint.core.model.Workload;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;
import io.ambientlint.core.text.Phrases;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** RequestAuthentication, WasmPlugin or Telemetry on workloads that only have ztunnel: nothing applies it. */
public final class ProxyPolicyWithoutWaypoint implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL309", "proxy-policy-without-waypoint")
      .severity(Severity.WARNING)
      .summary("A RequestAuthentication, WasmPlugin or Telemetry selects workloads that only have ztunnel")
      .description("""
          ztunnel validates no JWTs, runs no Wasm and its API carries no Telemetry (metrics, access logs and tracing \
          settings alike). A RequestAuthentication, WasmPlugin or Telemetry without targetRefs whose selector (or \
          namespace scope) reaches only ambient workloads, and no sidecar or Gateway API gateway of a non-waypoint \
          class, has no effect at all; waypoints ignore it as it has no targetRefs. A RequestAuthentication meant to \
          reject bad tokens then rejects nothing. Mesh-wide policies in the root namespace are not reported (they \
          still apply to sidecars and gateways elsewhere).""")
      .help("""
          Bind the services to a waypoint (`istio.io/use-waypoint`) and attach the policy to it with `targetRefs` \
          (kind Service or the waypoint Gateway).""")
      .tags("policy", "security", "ztunnel", "waypoint")
      .securitySeverity(6.0)
      .precision("high")
      .build();

  private static final Set<PolicyKind> KINDS =
      Set.of(PolicyKind.REQUEST_AUTHENTICATION, PolicyKind.TELEMETRY, PolicyKind.WASM_PLUGIN);

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    Set<String> namespacesWithGateways = new HashSet<>();
    for (Gateway g : graph.gateways()) {
      if (!graph.isWaypointClass(g.className())) {
        namespacesWithGateways.add(g.namespace());
      }
    }
    for (TargetablePolicy p : graph.policies()) {
      if (!KINDS.contains(p.kind()) || p.hasTargetRefs()) {
        continue;
      }
      PolicyEnforcement e = graph.policyEnforcement(p);
      if (e.scope() == PolicyEnforcement.Scope.MESH || e.ztunnelOnlyWorkloads().isEmpty()
          || !e.proxyWorkloads().isEmpty() || !e.gateways().isEmpty()
          || e.scope() == PolicyEnforcement.Scope.SELECTOR && p.namespace().equals(graph.config().rootNamespace())) {
        continue;
      }
      if (e.scope() == PolicyEnforcement.Scope.NAMESPACE && namespacesWithGateways.contains(p.namespace())) {
        continue; // a gateway of the namespace applies namespace-wide policies
      }
      List<Workload> workloads = e.ztunnelOnlyWorkloads();
      String what = switch (p.kind()) {
        case REQUEST_AUTHENTICATION -> "no JWT is validated and no bad token is rejected";
        case WASM_PLUGIN -> "the Wasm plugin never runs";
        default -> "its metrics, access log and tracing settings are not applied";
      };
      NodeRef at = p.hasSelector() ? p.selectorNode() : p.resource().nameNode();
      var draft = findings.report(META, at,
          "%s %s only workloads that have ztunnel and no proxy (%s), and ztunnel does not apply it: %s; bind the "
              + "services to a waypoint and attach the policy with targetRefs",
          p.displayName(), p.hasSelector() ? "selects" : "applies to",
          Phrases.firstOf(workloads.stream().map(Workload::displayName).toList(), 3), what);
      draft.related(workloads.get(0).resource().nameNode(), "a selected ambient workload");
    }
  }
}
