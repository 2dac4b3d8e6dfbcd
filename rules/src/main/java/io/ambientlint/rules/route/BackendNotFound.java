package io.ambientlint.rules.route;

import io.ambientlint.core.graph.BackendResolution;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.NodeRef;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;

/** A backendRef names a missing Service, or a port it lacks (BackendNotFound). */
public final class BackendNotFound implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL206", "backend-not-found")
      .severity(Severity.ERROR)
      .summary("A route's backendRef names a missing Service, or a port it does not have")
      .description("""
          backendRefs default to group "" and kind Service in the route's namespace. A Service backend needs `port`, \
          and the port must be one of the Service's ports (ServiceEntry backendRefs are not implemented at all: \
          AL208). Otherwise the route's ResolvedRefs condition is False with BackendNotFound and the requests that \
          rule would send to that backend fail (HTTP 500 for HTTPRoute and GRPCRoute; the connection is closed for \
          TCP and TLS routes) in proportion to its weight. A backendRef with weight 0 is skipped by istiod without \
          being resolved: it receives no traffic, so the finding is a warning about a backend that would fail once \
          given a weight.""")
      .help("""
          Fix the backendRef's name, namespace or port, or add the missing Service (declare objects outside the \
          repository in config `external`).""")
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
      NodeRef at = switch (b.outcome()) {
        case NOT_FOUND, PORT_REQUIRED -> b.backendRefNode();
        case PORT_NOT_FOUND -> b.backendRefField("port");
        default -> null;
      };
      if (at == null) {
        continue;
      }
      var draft = findings.report(META, at, "%s: %s; %s", b.runtimeEffect(), b.reason(),
          switch (b.outcome()) {
            case PORT_REQUIRED -> "add the Service port to the backendRef";
            case PORT_NOT_FOUND -> "use one of the service's ports";
            default -> "fix the name or namespace, or add the backend";
          });
      if (b.outcome() == BackendResolution.Outcome.NOT_FOUND) {
        draft.missing(b.backendRef().targetId().qualified());
      }
      if (!b.receivesTraffic()) {
        draft.severity(Severity.WARNING);
      }
      b.target().ifPresent(t -> draft.related(t.resource().nameNode(), "the backend"));
    }
  }
}
