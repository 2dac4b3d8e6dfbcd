package io.ambientlint.rules.classic;

import io.ambientlint.core.graph.ExportTo;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.DestinationRule;
import io.ambientlint.core.model.VirtualService;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.rule.Severity;
import java.util.List;

/** A VirtualService routes or mirrors to a subset no DestinationRule defines for that host. */
public final class SubsetNotFound implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL405", "subset-not-found")
      .severity(Severity.ERROR)
      .summary("VirtualService destination subset is not defined by any DestinationRule for the host")
      .description("A route destination or mirror of a VirtualService names a `subset`, but no DestinationRule "
          + "visible in the VirtualService's namespace (by `exportTo`) for that host (resolved as Istio does: short "
          + "names in the VirtualService's namespace, FQDN, wildcard hosts) defines a subset of that name. Istio "
          + "generates no cluster for it: requests routed there fail with 503 (`NC`, no cluster), mirrored traffic is "
          + "dropped. istioctl reports this as IST0101 (ReferencedResourceNotFound).")
      .help("Add the subset (name and pod labels) to the host's DestinationRule, or fix the subset name.")
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
      for (VirtualService.Destination d : vs.destinations()) {
        if (d.subset().isEmpty()) {
          continue;
        }
        String subset = d.subset().get();
        List<DestinationRule> rules = graph.destinationRulesForHost(d.host(), vs.namespace()).stream()
            .filter(dr -> ExportTo.of(dr.exportTo(), dr.namespace()).visibleTo(vs.namespace())).toList();
        if (rules.stream().anyMatch(dr -> dr.subset(subset).isPresent())) {
          continue;
        }
        String host = graph.hosts().fqdn(d.host(), vs.namespace());
        String known = rules.isEmpty() ? "no DestinationRule for " + host + " is visible in namespace " + vs.namespace()
            : String.join("; ", rules.stream().map(dr -> dr.displayName() + " defines "
                + (dr.subsets().isEmpty() ? "no subsets" : "subsets " + String.join(", ",
                    dr.subsets().stream().map(DestinationRule.Subset::name).toList()))).toList());
        var draft = findings.report(META, vs.node(d.subsetPointer()),
            "%s %s subset %s of %s, but no DestinationRule defines it (%s): Istio builds no cluster for it, so %s; "
                + "define the subset in the host's DestinationRule or fix the name",
            vs.displayName(), d.mirror() ? "mirrors to" : "routes to", subset, host, known,
            d.mirror() ? "the mirrored copies are dropped" : "these requests fail with 503 (no cluster)");
        rules.forEach(dr -> draft.related(dr.hostNode(), "the host's " + dr.displayName()));
      }
    }
  }
}
