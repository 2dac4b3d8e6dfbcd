package io.ambientlint.rules.waypoint;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.UseWaypointLabel;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.model.Resource;
import io.ambientlint.core.severity.Severity;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** A Gateway called "none" can never be used as a waypoint: the label value means opt-out. */
public final class WaypointOptOutName implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL109", "waypoint-opt-out-name")
      .severity(Severity.WARNING)
      .summary("A Gateway named none is referenced as waypoint")
      .description("""
          Istio reserves the value `none` of `istio.io/use-waypoint`: it opts the object out of its namespace's \
          waypoint and never names a Gateway. A label `use-waypoint: none` whose target namespace (its own, or \
          `use-waypoint-namespace`) holds a Gateway called `none` was most likely meant to use that Gateway, but \
          opts out instead. A waypoint-class Gateway called `none` that no such label reaches is reported at its \
          name: it can never be used.""")
      .help("Rename the Gateway (and the labels that should name it).")
      .tags("waypoint")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    Set<Resource> reached = Collections.newSetFromMap(new IdentityHashMap<>());
    for (UseWaypointLabel use : graph.optOutWaypointLabels()) {
      Gateway gw = graph.gateway(use.gateway().namespace(), use.gateway().name()).orElse(null);
      if (gw == null) {
        continue;
      }
      reached.add(gw.resource());
      findings.report(META, use.label(),
              "%s opts %s out of waypoints, although %s exists: the value none is reserved and never names a Gateway, "
                  + "so traffic bypasses it; rename the Gateway and the label",
              use.describe(), use.isNamespaceLabel() ? "the namespace" : use.holder().displayName(), gw.displayName())
          .related(gw.resource().nameNode(), "the Gateway named none");
    }
    for (Gateway gw : graph.gateways()) {
      if (gw.name().equals("none") && graph.isWaypointClass(gw.className()) && !reached.contains(gw.resource())) {
        findings.report(META, gw.resource().nameNode(),
            "waypoint %s can never be used: istio.io/use-waypoint: none means opt-out and never names a Gateway; "
                + "rename it", gw.displayName());
      }
    }
  }
}
