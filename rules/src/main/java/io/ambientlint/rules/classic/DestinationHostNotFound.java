package io.ambientlint.rules.classic;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.DestinationRule;
import io.ambientlint.core.model.NodeRef;
import io.ambientlint.core.model.ResourceId;
import io.ambientlint.core.model.VirtualService;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.rule.Severity;
import java.util.Optional;

/** A cluster-local host in a VirtualService destination or a DestinationRule that names no service. */
public final class DestinationHostNotFound implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL408", "destination-host-not-found")
      .severity(Severity.ERROR)
      .summary("VirtualService destination or DestinationRule host names no Service or ServiceEntry")
      .description("A VirtualService route destination or mirror, or a DestinationRule `host`, is written in "
          + "cluster-local form (a short name, `name.namespace`, `name.namespace.svc` or "
          + "`name.namespace.svc.<clusterDomain>`) but no Service or ServiceEntry in the repository (nor in config "
          + "`external`) visible from the object's namespace (`exportTo`) answers for it. Requests routed there fail with 503 (`NR`/`NC`); a DestinationRule for it "
          + "configures nothing. Other hosts (`api.example.com`) are not checked: they may be resolved by DNS. "
          + "istioctl reports destinations as IST0101 and DestinationRule hosts as IST0176.")
      .help("Fix the host (short names resolve in the object's own namespace: use `name.namespace` for another "
          + "namespace), add the Service or ServiceEntry, or list it in config `external` if it lives outside the "
          + "repository.")
      .tags("virtualservice", "destinationrule", "host")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    // The messages are built only for hosts that fail: nearly all destinations resolve.
    for (VirtualService vs : graph.virtualServices()) {
      for (VirtualService.Destination d : vs.destinations()) {
        if (unresolved(graph, d.host(), vs.namespace())) {
          report(graph, findings, d.host(), vs.namespace(), vs.node(d.hostPointer()),
              vs.displayName() + (d.mirror() ? " mirrors to " : " routes to "),
              d.mirror() ? "the mirrored copies go nowhere" : "requests routed there fail with 503");
        }
      }
    }
    for (DestinationRule dr : graph.destinationRules()) {
      if (unresolved(graph, dr.host(), dr.namespace())) {
        report(graph, findings, dr.host(), dr.namespace(), dr.hostNode(), dr.displayName() + " is for ",
            "its traffic policy and subsets apply to nothing");
      }
    }
  }

  /** A cluster-local host that no visible Service or ServiceEntry answers for. */
  private static boolean unresolved(MeshGraph graph, String host, String namespace) {
    return !host.isEmpty() && graph.hosts().isClusterLocal(host, namespace)
        && graph.meshServiceForHost(host, namespace).isEmpty();
  }

  private static void report(MeshGraph graph, Findings findings, String host, String namespace, NodeRef at,
      String what, String consequence) {
    String fqdn = graph.hosts().fqdn(host, namespace);
    Optional<ResourceId> id = graph.hosts().serviceIdOf(fqdn);
    if (id.isPresent() && graph.config().isExternal("", "Service", id.get().namespace(), id.get().name())) {
      return; // in the repository but not visible here is still a finding; only config external excuses it
    }
    String service = id.map(i -> "Service " + i.namespacedName()).orElse(fqdn);
    findings.report(META, at,
        "%shost %s (%s), but no %s or ServiceEntry for it visible in namespace %s is in the repository: %s; fix "
            + "the host (short names resolve in the object's own namespace) or add the Service",
        what, host, fqdn, service, namespace, consequence);
  }
}
