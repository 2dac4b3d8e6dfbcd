package io.ambientlint.rules.route;

import io.ambientlint.core.graph.BackendResolution;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;

/** A cross-namespace backendRef without a ReferenceGrant (RefNotPermitted). */
public final class BackendRefNotPermitted implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL207", "backend-ref-not-permitted")
      .severity(Severity.ERROR)
      .summary("A cross-namespace backendRef has no ReferenceGrant that permits it")
      .description("""
          A route may send to a backend in another namespace only when a ReferenceGrant in the backend's namespace \
          lists the route's kind and namespace in `from` and the backend's kind (and, if set, name) in `to`. Without \
          one the route's ResolvedRefs condition is False with RefNotPermitted and the requests for that backend \
          fail. Routes whose parents are all Services or ServiceEntries (mesh routes, GEP-1294) are exempt, as in \
          Istio.""")
      .help("""
          Add a ReferenceGrant in the backend's namespace: from {group: gateway.networking.k8s.io, kind: <route \
          kind>, namespace: <route namespace>}, to {group: "", kind: Service[, name: <backend>]}.""")
      .tags("gateway-api", "routes")
      .precision("high")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (BackendResolution b : graph.backendResolutions()) {
      if (b.outcome() != BackendResolution.Outcome.REF_NOT_PERMITTED) {
        continue;
      }
      var draft = findings.report(META, b.backendRefField("namespace"),
          "%s: %s; add a ReferenceGrant in namespace %s from %s in namespace %s to %s", b.runtimeEffect(), b.reason(),
          b.backendRef().namespace(), b.route().kind().kind(), b.route().namespace(), b.backendRef().kind());
      if (!b.receivesTraffic()) {
        draft.severity(Severity.WARNING);
      }
    }
  }
}
