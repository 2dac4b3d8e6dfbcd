package io.ambientlint.rules.route;

import io.ambientlint.core.graph.BackendResolution;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.ParentAttachment;
import io.ambientlint.core.model.Route;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;
import java.util.List;

/** A backendRef of a kind Istio does not implement (InvalidKind), ServiceEntry included. */
public final class BackendUnsupportedKind implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL208", "backend-unsupported-kind")
      .severity(Severity.WARNING)
      .summary("A backendRef names a kind Istio does not implement, such as a ServiceEntry")
      .description("""
          Istio sends route traffic to core Services, networking.istio.io Hostnames (the name is a ServiceEntry \
          host), XBackends, ServiceImports and Gateway API Inference Extension InferencePools. Any other group/kind, \
          including networking.istio.io ServiceEntry (a parent kind only), makes the route's ResolvedRefs condition \
          False with InvalidKind, and the requests for that backend fail. A backendRef with weight 0 is skipped \
          without being resolved and receives no traffic. When the service's waypoint belongs to another controller, \
          that controller implements the route and decides which kinds it supports, so the rule stays silent.""")
      .help("""
          Point the backendRef at a Service (group "", kind Service), or for a ServiceEntry at its host (group \
          networking.istio.io, kind Hostname, name = the host); check for a typo in group or kind.""")
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
      if (b.outcome() != BackendResolution.Outcome.INVALID_KIND || implementedByThirdParty(graph, b.route())) {
        continue;
      }
      boolean kindWritten = b.backendRefField("kind").isPresent();
      var draft = findings.report(META, b.backendRefField(kindWritten ? "kind" : "group"), "%s: %s%s",
          b.runtimeEffect(), b.reason(), b.target().isPresent() ? "" : "; point the backendRef at the Service in front "
              + "of those pods, or at a ServiceEntry host with kind Hostname");
      b.target().ifPresent(t -> draft.related(t.resource().nameNode(), "the ServiceEntry"));
    }
  }

  /**
   * Every parent is a service whose waypoint another controller owns: istiod leaves the route to it
   * (waypointManagedByAnotherController in conversion.go) and reports no InvalidKind (AL210 says so).
   */
  private static boolean implementedByThirdParty(MeshGraph graph, Route route) {
    List<ParentAttachment> parents = graph.parentAttachments(route);
    return !parents.isEmpty() && parents.stream().allMatch(a -> a.isAccepted() && a.binding().isPresent()
        && a.binding().get().isBound() && a.binding().get().waypoint().filter(graph::isThirdPartyClass).isPresent());
  }
}
