package io.ambientlint.rules.classic;

import io.ambientlint.core.graph.ExportTo;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.DestinationRule;
import io.ambientlint.core.model.Kind;
import io.ambientlint.core.model.NodeRef;
import io.ambientlint.core.model.ResourceId;
import io.ambientlint.core.model.VirtualService;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;
import io.ambientlint.core.text.Phrases;
import java.util.List;
import java.util.Optional;

/** A cluster-local host in a VirtualService destination or a DestinationRule that names no service. */
public final class DestinationHostNotFound implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL408", "destination-host-not-found")
      .severity(Severity.ERROR)
      .summary("VirtualService destination or DestinationRule host names no Service or ServiceEntry")
      .description("""
          A VirtualService route destination or mirror, or a DestinationRule `host`, is written in cluster-local \
          form (a short name or `name.namespace.svc.<clusterDomain>`) but no Service or ServiceEntry in the \
          repository (nor in config `external`) visible from the namespaces the object is exported to (`exportTo` of \
          both sides) answers for it; or it names a ServiceEntry host that is not exported there. Istio expands only \
          dot-free short names: `name.namespace` and `name.namespace.svc` are literal hostnames that no Service has. \
          Requests routed there fail with 503 (`NR`/`NC`); a DestinationRule for it configures nothing. Other hosts \
          (`api.example.com`) are not checked unless a ServiceEntry declares them: they may be resolved by DNS. \
          istioctl reports destinations as IST0101 (ReferencedResourceNotFound) and DestinationRule hosts as IST0174 \
          (UnknownDestinationRuleHost).""")
      .help("""
          Fix the host (short names resolve in the object's own namespace: write the FQDN \
          `name.namespace.svc.cluster.local` for another namespace), export the ServiceEntry to the namespace, add \
          the Service or ServiceEntry, or list it in config `external` if it lives outside the repository.""")
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
      List<String> seenFrom = viewers(vs.exportTo(), vs.namespace());
      for (VirtualService.Destination d : vs.destinations()) {
        check(graph, findings, d.host(), vs.namespace(), seenFrom, vs.node(d.hostPointer()),
            vs.displayName() + (d.mirror() ? " mirrors to " : " routes to "),
            d.mirror() ? "the mirrored copies go nowhere" : "requests routed there fail with 503");
      }
    }
    for (DestinationRule dr : graph.destinationRules()) {
      check(graph, findings, dr.host(), dr.namespace(), viewers(dr.exportTo(), dr.namespace()), dr.hostNode(),
          dr.displayName() + " is for ", "its traffic policy and subsets apply to nothing");
    }
  }

  /**
   * The namespaces whose proxies use the object (its exportTo): the listed ones, or its own namespace when it is
   * exported everywhere. istioctl's GetDestinationHost (pkg/config/analysis/analyzers/util/service_lookup.go)
   * looks the host up from the same namespaces.
   */
  private static List<String> viewers(List<String> exportTo, String namespace) {
    ExportTo e = ExportTo.of(exportTo, namespace);
    return e.all() ? List.of(namespace) : List.copyOf(e.namespaces());
  }

  private static void check(MeshGraph graph, Findings findings, String host, String namespace, List<String> seenFrom,
      NodeRef at, String what, String consequence) {
    if (host.isEmpty() || seenFrom.isEmpty()
        || seenFrom.stream().anyMatch(ns -> graph.meshServiceForHost(host, ns).isPresent())) {
      return;
    }
    String where = Phrases.plural(seenFrom.size(), "namespace " + seenFrom.get(0), "namespaces " + seenFrom);
    Optional<String> intended = graph.intendedServiceFqdn(host);
    if (intended.isPresent()) {
      // ResolveShortnameToFQDN (pilot/pkg/model/config.go) expands only dot-free names: this host is literal.
      String fqdn = intended.get();
      findings.report(META, at,
          "%shost %s, which Istio takes literally (only dot-free short names are expanded): no Service or "
              + "ServiceEntry has that host, so %s; write the FQDN %s",
          what, host, consequence, fqdn);
      return;
    }
    Optional<ResourceId> id = graph.serviceNamedByHost(host, namespace);
    if (id.isPresent()) {
      String fqdn = graph.resolveHost(host, namespace);
      if (id.isPresent() && (graph.config().isExternal(Kind.SERVICE, id.get().namespace(), id.get().name())
          || graph.isBuiltIn(id.get()))) {
        return; // in the repository but not visible here is still a finding; only config external or built-ins excuse it
      }
      String service = id.map(i -> "Service " + i.namespacedName()).orElse(fqdn);
      findings.report(META, at,
          "%shost %s (%s), but no %s or ServiceEntry for it visible in %s is in the repository: %s; fix "
              + "the host (short names resolve in the object's own namespace) or add the Service",
          what, host, fqdn, service, where, consequence).missing(fqdn + " seen from " + where);
      return;
    }
    if (graph.isServiceEntryHost(host, namespace)) {
      findings.report(META, at,
          "%shost %s, but the ServiceEntry declaring it is not exported to %s, where the object is used, so the "
              + "host does not exist for those proxies: %s; add %s to the ServiceEntry's exportTo",
          what, host, where, consequence, Phrases.plural(seenFrom.size(), seenFrom.get(0), "those namespaces"));
    }
  }
}
