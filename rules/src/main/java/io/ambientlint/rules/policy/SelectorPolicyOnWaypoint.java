package io.ambientlint.rules.policy;

import io.ambientlint.core.graph.IstioLabels;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.model.NodeRef;
import io.ambientlint.core.model.PolicyKind;
import io.ambientlint.core.model.TargetablePolicy;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;
import java.util.List;
import java.util.Set;

/** A selector policy that matches a waypoint's pods: waypoints ignore policies without targetRefs (IST0166). */
public final class SelectorPolicyOnWaypoint implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL308", "selector-policy-on-waypoint")
      .severity(Severity.WARNING)
      .summary("A selector policy matches a waypoint's pods, and waypoints ignore selector policies")
      .description("""
          Waypoint proxies apply only policies that reach them through targetRefs (their Gateway, class \
          `istio-waypoint` from the root namespace, or a Service bound to them). An AuthorizationPolicy, \
          RequestAuthentication, Telemetry or WasmPlugin whose `selector` matches the pods of a waypoint-class \
          Gateway (`gateway.networking.k8s.io/gateway-name`) therefore has no effect there; istioctl reports it as \
          IST0166. Gateways of class `istio` (also when used as a sandwiched waypoint) do apply selector policies \
          and are not reported. EnvoyFilter is covered by AL502.""")
      .help("""
          Replace the selector with `targetRefs: [{kind: Gateway, group: gateway.networking.k8s.io, name: \
          <waypoint>}]`, or target the Services bound to the waypoint.""")
      .tags("policy", "security", "waypoint")
      .securitySeverity(7.0)
      .precision("high")
      .build();

  private static final Set<PolicyKind> KINDS = Set.of(PolicyKind.AUTHORIZATION_POLICY,
      PolicyKind.REQUEST_AUTHENTICATION, PolicyKind.TELEMETRY, PolicyKind.WASM_PLUGIN);

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (TargetablePolicy p : graph.policies()) {
      if (!KINDS.contains(p.kind()) || p.hasTargetRefs() || !p.hasSelector()) {
        continue;
      }
      List<Gateway> waypoints = graph.waypointsMatchedBySelector(p);
      if (waypoints.isEmpty()) {
        continue;
      }
      Gateway wp = waypoints.get(0);
      NodeRef at = p.selectorLabels().containsKey(IstioLabels.GATEWAY_NAME)
          ? p.resource().node(p.kind().labelsPointer() + "/" + IstioLabels.GATEWAY_NAME.replace("/", "~1"))
          : p.selectorNode();
      var draft = findings.report(META, at,
          "%s selects the pods of waypoint %s (class %s), but waypoints ignore policies without targetRefs, so it has "
              + "no effect there; use targetRefs: [{kind: Gateway, group: gateway.networking.k8s.io, name: %s}] instead "
              + "of the selector",
          p.displayName(), wp.id().namespacedName(), wp.className(), wp.name());
      for (Gateway g : waypoints) {
        draft.related(g.resource().nameNode(), "the waypoint " + g.id().namespacedName());
      }
    }
  }
}
