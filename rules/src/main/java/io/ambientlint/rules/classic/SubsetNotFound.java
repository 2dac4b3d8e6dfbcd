package io.ambientlint.rules.classic;

import io.ambientlint.core.graph.ExportTo;
import io.ambientlint.core.graph.HostIndex;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.WaypointBinding;
import io.ambientlint.core.graph.WaypointVirtualServiceOrder;
import io.ambientlint.core.model.DestinationRule;
import io.ambientlint.core.model.MeshService;
import io.ambientlint.core.model.VirtualService;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;
import java.util.List;
import java.util.Optional;

/** A VirtualService routes or mirrors to a subset no DestinationRule defines for that host. */
public final class SubsetNotFound implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL405", "subset-not-found")
      .severity(Severity.ERROR)
      .summary("VirtualService destination subset is not defined by any DestinationRule for the host")
      .description("""
          A route destination or mirror of a VirtualService names a `subset`, but no DestinationRule visible in the \
          VirtualService's namespace (by `exportTo`) for that host (resolved as Istio does: short names in the \
          VirtualService's namespace, FQDN, wildcard hosts) defines a subset of that name. Istio generates no \
          cluster for it: requests routed there fail with 503 (`NC`, no cluster), mirrored traffic is dropped. \
          istioctl reports this as IST0101 (ReferencedResourceNotFound). Where a waypoint applies the \
          VirtualService, it looks DestinationRules up from the waypoint's namespace (its own namespace's rules, \
          else those the service's namespace exports to it, else the root namespace's): a DestinationRule with \
          `exportTo: ["."]` in the service's namespace is invisible to a shared waypoint elsewhere, and a rule in \
          the waypoint's namespace overrides the service namespace's.""")
      .help("""
          Add the subset (name and pod labels) to the host's DestinationRule, or fix the subset name; for a shared \
          waypoint, export the DestinationRule to the waypoint's namespace.""")
      .tags("virtualservice", "destinationrule", "subset")
      .precision("very-high")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (VirtualService vs : graph.virtualServices()) {
      Optional<WaypointBinding> waypoint = appliedAtWaypoint(graph, vs);
      for (VirtualService.Destination d : vs.destinations()) {
        if (d.subset().isEmpty()) {
          continue;
        }
        String subset = d.subset().get();
        List<DestinationRule> rules = graph.destinationRulesForHost(d.host(), vs.namespace()).stream()
            .filter(dr -> ExportTo.of(dr.exportTo(), dr.namespace()).visibleTo(vs.namespace())).toList();
        String host = graph.resolveHost(d.host(), vs.namespace());
        if (rules.stream().noneMatch(dr -> dr.subset(subset).isPresent())) {
          String known = rules.isEmpty() ? "no DestinationRule for " + host + " is visible in namespace " + vs.namespace()
              : defined(rules);
          var draft = findings.report(META, vs.node(d.subsetPointer()),
              "%s %s subset %s of %s, but no DestinationRule defines it (%s): Istio builds no cluster for it, so %s; "
                  + "define the subset in the host's DestinationRule or fix the name",
              vs.displayName(), d.mirror() ? "mirrors to" : "routes to", subset, host, known, failure(d));
          rules.forEach(dr -> draft.related(dr.hostNode(), "the host's " + dr.displayName()));
          continue;
        }
        if (waypoint.isEmpty()) {
          continue;
        }
        Optional<MeshService> target = graph.meshServiceForHost(d.host(), vs.namespace());
        if (target.isEmpty()) {
          continue; // AL408's question
        }
        String waypointNamespace = waypoint.get().waypointNamespace().orElseThrow();
        List<DestinationRule> atWaypoint = graph.destinationRulesSeenFrom(d.host(), vs.namespace(),
            target.get().namespace(), waypointNamespace);
        if (atWaypoint.stream().anyMatch(dr -> dr.subset(subset).isPresent())) {
          continue;
        }
        List<DestinationRule> overridden = rules.stream().filter(dr -> !atWaypoint.contains(dr)).toList();
        String seen = atWaypoint.isEmpty() ? "none of them is visible there (" + defined(rules) + ", not exported to "
            + waypointNamespace + ")" : "it uses " + defined(atWaypoint)
                + (overridden.isEmpty() ? "" : ", which takes precedence over " + defined(overridden));
        var draft = findings.report(META, vs.node(d.subsetPointer()),
            "%s %s subset %s of %s at waypoint %s, which looks DestinationRules up from its namespace %s (its own "
                + "namespace's, else those exported to it by %s, else by the root namespace): %s. The waypoint builds no "
                + "cluster for the subset, so %s; export the DestinationRule to %s (or define the subset in the rule the "
                + "waypoint uses)",
            vs.displayName(), d.mirror() ? "mirrors to" : "routes to", subset, host, waypoint.get().waypointDisplayName(),
            waypointNamespace, target.get().namespace(), seen, failure(d), waypointNamespace);
        rules.forEach(dr -> draft.related(dr.hostNode(), "the host's " + dr.displayName()));
      }
    }
  }

  /**
   * The waypoint that applies this mesh VirtualService, when one does: a host bound to a waypoint, the
   * VirtualService in the service's or the waypoint's namespace and visible from the waypoint's namespace.
   */
  private static Optional<WaypointBinding> appliedAtWaypoint(MeshGraph graph, VirtualService vs) {
    if (!vs.isMesh()) {
      return Optional.empty();
    }
    for (HostIndex.ServiceTarget target : graph.servicesTargetedBy(vs)) {
      WaypointBinding binding = graph.waypointForService(target.service());
      Optional<String> ns = binding.waypointNamespace();
      if (binding.isBound() && ns.isPresent()
          && (vs.namespace().equals(target.service().namespace()) || vs.namespace().equals(ns.get()))
          && WaypointVirtualServiceOrder.visibleAt(vs, ns.get())) {
        return Optional.of(binding);
      }
    }
    return Optional.empty();
  }

  private static String defined(List<DestinationRule> rules) {
    return String.join("; ", rules.stream().map(dr -> dr.displayName() + " ("
        + (dr.subsets().isEmpty() ? "no subsets" : "subsets " + String.join(", ",
            dr.subsets().stream().map(DestinationRule.Subset::name).toList()))
        + (dr.exportTo().isEmpty() ? "" : ", exportTo " + dr.exportTo()) + ")").toList());
  }

  private static String failure(VirtualService.Destination d) {
    return d.mirror() ? "the mirrored copies are dropped" : "these requests fail with 503 (no cluster)";
  }
}
