package io.ambientlint.rules.classic;

import io.ambientlint.core.graph.EnvoyFilterReach;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.EnvoyFilter;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;

/** An EnvoyFilter that reaches a waypoint through targetRefs. */
public final class EnvoyFilterOnWaypoint implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL501", "envoyfilter-on-waypoint")
      .severity(Severity.WARNING)
      .summary("EnvoyFilter patches a waypoint: unsupported and discouraged")
      .description("""
          An EnvoyFilter reaches a waypoint only through `targetRefs`: a Gateway of a waypoint class (or one a \
          `use-waypoint` label names) in the EnvoyFilter's namespace, or GatewayClass `istio-waypoint` from the root \
          namespace, which patches every Istio waypoint of the mesh. Istio does not support EnvoyFilter on waypoints \
          and actively discourages it: the waypoint's generated Envoy configuration is an internal detail that \
          changes between releases, so patches break silently on upgrade.""")
      .help("""
          Use the supported APIs at the waypoint instead (HTTPRoute filters, AuthorizationPolicy, \
          RequestAuthentication, Telemetry, WasmPlugin with targetRefs). If the patch is unavoidable, pin and test \
          it against each Istio upgrade.""")
      .tags("envoyfilter", "waypoint", "ambient")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (EnvoyFilter filter : graph.envoyFilters()) {
      for (EnvoyFilterReach.TargetReach target : graph.envoyFilterReach(filter).targets()) {
        if (target.waypoints().isEmpty()) {
          continue;
        }
        Gateway first = target.waypoints().get(0);
        String reached = target.ref().kind().equals("GatewayClass")
            ? "every waypoint of class " + target.ref().name() + " (" + target.waypoints().size() + " in the repository, "
                + "and any created later)"
            : "waypoint " + first.displayName();
        var draft = findings.report(META, filter.node(target.ref().pointer()),
            "%s patches %s through targetRefs: EnvoyFilter on waypoints is unsupported and its patches can break on "
                + "any Istio upgrade; use HTTPRoute filters, policies or a WasmPlugin with targetRefs instead",
            filter.displayName(), reached);
        target.waypoints().stream().limit(5).forEach(g -> draft.related(g.node("/metadata/name"), "the waypoint " + g.displayName()));
      }
    }
  }
}
