package io.ambientlint.rules.policy;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.PeerAuthenticationModes;
import io.ambientlint.core.model.PolicyKind;
import io.ambientlint.core.model.TargetablePolicy;
import io.ambientlint.core.model.Workload;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;
import io.ambientlint.core.text.Phrases;
import java.util.List;

/**
 * PeerAuthentication {@code DISABLE} on ambient workloads. istiod converts a PeerAuthentication for ztunnel only
 * to enforce STRICT (pilot/pkg/serviceregistry/ambient/authorization.go: {@code convertPeerAuthentication} and
 * {@code convertedSelectorPeerAuthentications} build DENY rules for plaintext on STRICT workloads and ports, and
 * treat DISABLE exactly like PERMISSIVE). ztunnel picks HBONE from the destination's own data plane, never from a
 * PeerAuthentication, so DISABLE turns off no mTLS between ambient workloads. Port-level modes, by contrast, are
 * honoured (STRICT ports under PERMISSIVE, PERMISSIVE/DISABLE ports under STRICT) and are not reported.
 */
public final class PeerAuthenticationInAmbient implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL313", "peer-authentication-in-ambient")
      .severity(Severity.WARNING)
      .summary("PeerAuthentication DISABLE on ambient workloads, which ztunnel treats as PERMISSIVE")
      .description("""
          In ambient mode istiod turns PeerAuthentication into ztunnel policy only to enforce STRICT: it denies \
          plaintext connections to STRICT workloads and ports (pilot/pkg/serviceregistry/ambient/authorization.go). \
          `DISABLE` is handled exactly like `PERMISSIVE`: plaintext is accepted, and traffic between ambient \
          workloads stays mutual TLS over HBONE, since ztunnel chooses HBONE from the destination's data plane, not \
          from PeerAuthentication. A PeerAuthentication that sets `mtls.mode: DISABLE` (or a `portLevelMtls` entry \
          to DISABLE) for workloads that are all ambient therefore does not do what it says; if it was written to \
          let a client that cannot do mTLS through, PERMISSIVE (the default) already does, and if it was written to \
          turn encryption off, ambient cannot. Port-level STRICT and PERMISSIVE modes are honoured by ztunnel and \
          not reported. Policies that also select sidecar workloads (where DISABLE does take effect) and mesh-wide \
          policies in the root namespace are not reported.""")
      .help("""
          Use `PERMISSIVE` (or remove the policy) for ambient workloads; to stop ztunnel from intercepting a \
          workload, label its pods `istio.io/dataplane-mode: none`.""")
      .tags("policy", "security", "ztunnel", "mtls")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (TargetablePolicy p : graph.policies()) {
      if (p.kind() != PolicyKind.PEER_AUTHENTICATION
          || p.namespace().equals(graph.config().rootNamespace()) && p.selectorLabels().isEmpty()) {
        continue;
      }
      List<PeerAuthenticationModes.Mode> disabled = PeerAuthenticationModes.of(p).modesSetTo("DISABLE");
      if (disabled.isEmpty()) {
        continue;
      }
      List<Workload> selected = graph.workloadsSelectedBy(p);
      if (selected.isEmpty() || !selected.stream().allMatch(graph::isAmbient)) {
        continue;
      }
      String names = Phrases.firstOf(selected.stream().map(Workload::displayName).toList(), 3);
      for (PeerAuthenticationModes.Mode mode : disabled) {
        String where = mode.port().map(port -> "port " + port + " of ").orElse("");
        findings.report(META, p.resource().node(mode.pointer()),
                "%s sets mTLS DISABLE for %s%s (every workload it selects is ambient): ztunnel treats DISABLE as PERMISSIVE, so "
                    + "traffic from other ambient workloads stays mutual TLS over HBONE and plaintext is accepted as it "
                    + "already is by default; use PERMISSIVE (or remove it), or label the pods "
                    + "istio.io/dataplane-mode=none to take them out of ambient",
                p.displayName(), where, names)
            .related(selected.get(0).resource().nameNode(), "a selected ambient workload");
      }
    }
  }
}
