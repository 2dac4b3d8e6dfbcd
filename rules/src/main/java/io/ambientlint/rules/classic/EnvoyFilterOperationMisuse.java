package io.ambientlint.rules.classic;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.EnvoyFilter;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;
import java.util.Set;

/** EnvoyFilter patch operations istioctl flags (IST0151-IST0155). */
public final class EnvoyFilterOperationMisuse implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL503", "envoyfilter-operation-misuse")
      .severity(Severity.ERROR)
      .summary("EnvoyFilter patch operation misused: REPLACE/ADD/REMOVE on the wrong target, relative operation without priority")
      .description("""
          The checks istioctl makes on EnvoyFilter patches, judged by what pilot applies: `REPLACE` works with \
          `applyTo` HTTP_FILTER, NETWORK_FILTER, VIRTUAL_HOST and LISTENER_FILTER, elsewhere the patch is ignored \
          (error, IST0152); `ADD` and `REMOVE` on ROUTE_CONFIGURATION are ignored (warning, IST0153, IST0154), while \
          on HTTP_ROUTE they add or remove routes (not reported); relative operations (INSERT_BEFORE, INSERT_AFTER, \
          REPLACE, REMOVE) in an EnvoyFilter without `priority` depend on the order in which EnvoyFilters are \
          applied, which is by creation time and can change, so the patch may not find its anchor (warning, IST0151; \
          with `proxyVersion` in the match the order also changes on upgrade, IST0155).""")
      .help("""
          Use REPLACE only on HTTP_FILTER, NETWORK_FILTER, VIRTUAL_HOST or LISTENER_FILTER, MERGE to change a \
          ROUTE_CONFIGURATION, and set `priority` on EnvoyFilters with relative operations (or use INSERT_FIRST / \
          ADD).""")
      .tags("envoyfilter")
      .build();

  /**
   * What pilot applies (pilot/pkg/networking/core/envoyfilter): ApplyRouteConfigurationPatches only merges a
   * ROUTE_CONFIGURATION, while patchHTTPRoutes / patchHTTPRoute do ADD and REMOVE HTTP_ROUTEs; REPLACE is applied
   * to HTTP and network filters (listener_patch.go), listener filters and virtual hosts (patchVirtualHost).
   */
  private static final Set<String> ROUTE_TARGETS = Set.of("ROUTE_CONFIGURATION");
  private static final Set<String> REPLACEABLE = Set.of("HTTP_FILTER", "NETWORK_FILTER", "VIRTUAL_HOST", "LISTENER_FILTER");

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (EnvoyFilter filter : graph.envoyFilters()) {
      for (EnvoyFilter.ConfigPatch patch : filter.configPatches()) {
        String op = patch.operation().orElse("");
        String applyTo = patch.applyTo();
        boolean relative = false;
        switch (op) {
          case "ADD" -> {
            if (ROUTE_TARGETS.contains(applyTo)) {
              findings.report(META, filter.node(patch.operationPointer()),
                      "%s uses ADD with applyTo %s: pilot only merges into a route configuration, so this patch "
                          + "does nothing; use MERGE (or ADD with applyTo HTTP_ROUTE or VIRTUAL_HOST)", filter.displayName(), applyTo)
                  .severity(Severity.WARNING);
            }
          }
          case "REMOVE" -> {
            if (ROUTE_TARGETS.contains(applyTo)) {
              findings.report(META, filter.node(patch.operationPointer()),
                      "%s uses REMOVE with applyTo %s: pilot only merges into a route configuration, so this "
                          + "patch does nothing; REMOVE its HTTP_ROUTEs or VIRTUAL_HOSTs instead", filter.displayName(), applyTo)
                  .severity(Severity.WARNING);
            } else {
              relative = true;
            }
          }
          case "REPLACE" -> {
            if (!REPLACEABLE.contains(applyTo)) {
              findings.report(META, filter.node(patch.operationPointer()),
                  "%s uses REPLACE with applyTo %s: pilot applies REPLACE only to HTTP_FILTER, NETWORK_FILTER, "
                      + "VIRTUAL_HOST and LISTENER_FILTER, so this patch is ignored; use MERGE, or REMOVE and ADD",
                  filter.displayName(), applyTo);
            } else {
              relative = true;
            }
          }
          case "INSERT_BEFORE", "INSERT_AFTER" -> relative = true;
          default -> { }
        }
        if (relative && filter.priority() == 0) {
          findings.report(META, filter.node(patch.operationPointer()),
                  "%s uses the relative operation %s without a priority: EnvoyFilters apply in creation order, so the "
                      + "filter it is relative to may not be there yet%s; set spec.priority or use INSERT_FIRST / ADD",
                  filter.displayName(), op, patch.proxyVersion()
                      ? ", and with match.proxy.proxyVersion the order changes again when proxies are upgraded" : "")
              .severity(Severity.WARNING);
        }
      }
    }
  }
}
