package io.ambientlint.rules.route;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.ParentAttachment;
import io.ambientlint.core.graph.ParentAttachment.Outcome;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;

/** A parentRef's port or sectionName matches nothing on its parent, or is ignored there. */
public final class RouteParentNoMatch implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL203", "route-parent-no-match")
      .severity(Severity.ERROR)
      .summary("A parentRef's port or sectionName matches no listener or service port")
      .description("""
          On a Gateway parent, `sectionName` names a listener and `port` a listener port (both set: both must \
          match); when no listener matches, the route is rejected with NoMatchingParent (error). On a Service or \
          ServiceEntry parent Istio uses `port` only to narrow the route to one service port: a port the service \
          does not have is still `Accepted` (istiod does not check it against the service) and the route silently \
          matches nothing on it (error). Istio ignores `sectionName` on Service parents, so the route covers every \
          port of the service (note).""")
      .help("""
          Use a listener name or port the Gateway has, a port the Service has, or drop `sectionName` from Service \
          parents (use `port` to narrow a route to one port).""")
      .tags("gateway-api", "routes")
      .precision("high")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (ParentAttachment a : graph.parentAttachments()) {
      if (a.outcome() == Outcome.NO_MATCHING_PARENT) {
        boolean sectionMissing = a.parentRef().sectionName()
            .map(s -> a.gateway().orElseThrow().listenerNamed(s).isEmpty()).orElse(false);
        findings.report(META, a.parentRefField(sectionMissing ? "sectionName" : "port"),
                "%s is rejected by %s (NoMatchingParent): %s; no request through that Gateway uses this route. "
                    + "Use one of its listener names or ports",
                a.route().displayName(), a.gateway().orElseThrow().displayName(), a.reason())
            .related(a.gateway().orElseThrow().resource().node("/spec/listeners"), "the Gateway's listeners");
      } else if (a.outcome() == Outcome.PORT_NOT_ON_SERVICE) {
        findings.report(META, a.parentRefField("port"),
                "%s matches no request: %s; Istio still reports this parentRef Accepted, but the route applies to "
                    + "nothing on it; use one of the service's ports or drop port to cover them all",
                a.route().displayName(), a.reason())
            .related(a.service().orElseThrow().resource().node("/spec/ports"), "the service's ports");
      }
      if (a.isServiceParent() && a.service().isPresent() && a.parentRef().sectionName().isPresent()) {
        findings.report(META, a.parentRefField("sectionName"),
                "Istio ignores sectionName %s on a %s parent (Gateway API would read it as a port name): %s",
                a.parentRef().sectionName().get(), a.service().get().resource().kind(),
                a.parentRef().port().isPresent()
                    ? "only port narrows " + a.route().displayName() + " to " + a.serviceRequests() + "; drop sectionName"
                    : a.route().displayName() + " applies to every port of " + a.service().get().displayName()
                        + "; use port to narrow it")
            .severity(Severity.NOTE);
      }
    }
  }
}
