package io.ambientlint.rules.policy;

import io.ambientlint.core.graph.IstioLabels;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.TargetResolution;
import io.ambientlint.core.model.NodeRef;
import io.ambientlint.core.model.PolicyKind;
import io.ambientlint.core.model.PolicyTargetRef;
import io.ambientlint.core.model.TargetablePolicy;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;

/** A targetRef Istio does not accept: wrong kind or group, a namespace, or a GatewayClass it ignores. */
public final class PolicyTargetInvalid implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL302", "policy-target-invalid")
      .severity(Severity.ERROR)
      .summary("A policy targetRef has a kind, group, namespace or GatewayClass Istio does not accept")
      .description("""
          Policy targetRefs accept core `Service`, `networking.istio.io` `ServiceEntry` and \
          `gateway.networking.k8s.io` `Gateway` and `GatewayClass`, with a name and without a namespace (the target \
          is always in the policy's namespace; the CRD rejects a namespace: "cross namespace referencing is not \
          currently supported"). A `GatewayClass` target applies only to waypoints, only from the root namespace \
          (`rootNamespace`, default istio-system) and only for class `istio-waypoint`; elsewhere it matches nothing. \
          Such a targetRef attaches the policy to nothing.""")
      .help("""
          Target a Service, ServiceEntry or Gateway in the policy's own namespace and drop `namespace`; to reach \
          every waypoint, put the policy in the root namespace with a GatewayClass `istio-waypoint` target.""")
      .tags("policy", "security", "targetref")
      .securitySeverity(6.5)
      .precision("very-high")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (TargetablePolicy p : graph.policies()) {
      if (p.kind() == PolicyKind.ENVOY_FILTER || !p.hasTargetRefs()) {
        continue; // EnvoyFilter targets are the EnvoyFilter rules' business (AL501)
      }
      for (TargetResolution t : graph.policyTargets(p)) {
        if (t.status() != TargetResolution.Status.INVALID) {
          continue;
        }
        findings.report(META, at(t.ref(), p, graph.config().rootNamespace()),
                "%s has an invalid targetRef: %s, so this targetRef attaches the policy to nothing; %s",
                p.displayName(), t.reason(), fix(t.ref(), p, graph.config().rootNamespace()))
            .related(t.ref().node(), "the targetRef");
      }
    }
  }

  /** What to write instead, for the field {@link #at} points at. */
  private static String fix(PolicyTargetRef ref, TargetablePolicy p, String rootNamespace) {
    if (ref.name().isEmpty()) {
      return "name the Service, ServiceEntry or Gateway to target";
    }
    if (ref.isGatewayClass() && ref.namespace().isEmpty()) {
      return p.namespace().equals(rootNamespace)
          ? "name GatewayClass " + IstioLabels.CLASS_ISTIO_WAYPOINT + " to reach every waypoint of that class"
          : "move the policy to the root namespace " + rootNamespace + ", or target the waypoint Gateways in namespace "
              + p.namespace() + " by name";
    }
    return "target a Service, ServiceEntry or Gateway in namespace " + p.namespace() + " without a namespace field";
  }

  /** The field at fault: the namespace, the GatewayClass name, the kind, or the ref itself. */
  private static NodeRef at(PolicyTargetRef ref, TargetablePolicy p, String rootNamespace) {
    if (ref.name().isEmpty()) {
      return ref.node();
    }
    if (ref.namespace().isPresent()) {
      return ref.node().child("namespace");
    }
    if (ref.isGatewayClass() && p.namespace().equals(rootNamespace)) {
      return ref.nameNode();
    }
    return ref.node().child("kind");
  }
}
