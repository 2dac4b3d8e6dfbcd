package io.ambientlint.rules.route;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.ParentAttachment;
import io.ambientlint.core.model.Service;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;
import java.util.Optional;

/** A parentRef names a Gateway, Service or ServiceEntry that does not exist, or a kind no Istio controller takes. */
public final class RouteParentNotFound implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL201", "route-parent-not-found")
      .severity(Severity.ERROR)
      .summary("A route's parentRef names a Gateway, Service or ServiceEntry that does not exist")
      .description("""
          Each parentRef of an HTTPRoute, GRPCRoute, TLSRoute, TCPRoute or UDPRoute is resolved with the Gateway API \
          defaults: group gateway.networking.k8s.io, kind Gateway, the route's namespace. When the named Gateway, \
          Service (group "") or ServiceEntry (networking.istio.io) is neither in the repository nor declared in \
          config `external`, the route is attached to nothing through that parentRef and no controller writes status \
          for it. A frequent cause is a Service parent written without `group: ""`: the group then defaults to \
          gateway.networking.k8s.io, a Service kind nobody implements. Parent kinds Istio does not implement are \
          reported as well.""")
      .help("""
          Fix the parentRef's name, namespace, group or kind, add the missing object, or declare it in config \
          `external` if it lives outside the repository. For a Service parent write `group: ""` and `kind: Service`.""")
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
      if (a.outcome() == ParentAttachment.Outcome.NOT_FOUND) {
        // parentRef defaults to a Gateway: a Service of that name means group "" and kind Service were forgotten.
        Optional<Service> meant = a.parentRef().isGateway()
            ? graph.service(a.parentRef().namespace(), a.parentRef().name()) : Optional.empty();
        var draft = findings.report(META, a.parentRefNode(),
            "%s is attached to nothing through this parentRef: %s, so no request through that parent uses the "
                + "route; %s",
            a.route().displayName(), a.reason(), meant.isPresent()
                ? "to attach it to " + meant.get().displayName() + " (through its waypoint), write group: \"\" and "
                    + "kind: Service (a parentRef without them names a Gateway)"
                : "fix the parentRef's name or namespace, add it to the repository, or declare it in config external")
            .missing(a.parentRef().targetId().qualified());
        meant.ifPresent(s -> draft.related(s.resource().nameNode(), "the Service of that name"));
      } else if (a.outcome() == ParentAttachment.Outcome.UNSUPPORTED_KIND) {
        findings.report(META, a.parentRefNode(), "%s is attached to nothing through this parentRef: %s; no request "
                + "uses the route through it; fix the parentRef's group and kind",
            a.route().displayName(), a.reason());
      }
    }
  }
}
