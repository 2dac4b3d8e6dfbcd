package io.ambientlint.rules.route;

import io.ambientlint.core.graph.BackendResolution;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.rule.Severity;

/** A backendRef of a kind Istio does not implement (InvalidKind). */
public final class BackendUnsupportedKind implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL208", "backend-unsupported-kind")
      .severity(Severity.WARNING)
      .summary("A backendRef names a kind Istio does not implement")
      .description("Istio sends route traffic to core Services, networking.istio.io ServiceEntries and "
          + "networking.istio.io Hostnames (and Gateway API Inference Extension InferencePools). Any other "
          + "group/kind makes the route's ResolvedRefs condition False with InvalidKind, and the requests for that "
          + "backend fail.")
      .help("Point the backendRef at a Service (group \"\", kind Service) or a ServiceEntry (group "
          + "networking.istio.io); check for a typo in group or kind.")
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
      if (b.outcome() != BackendResolution.Outcome.INVALID_KIND) {
        continue;
      }
      boolean kindWritten = b.backendRefField("kind").isPresent();
      findings.report(META, b.backendRefField(kindWritten ? "kind" : "group"),
          "requests that %s sends to %s fail (InvalidKind): %s; point the backendRef at the Service (or "
              + "ServiceEntry) in front of those pods",
          b.route().displayName(), b.backendRef().describe(b.route().namespace()), b.reason());
    }
  }
}
