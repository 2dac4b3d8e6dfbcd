package io.ambientlint.rules.classic;

import io.ambientlint.core.graph.HostIndex;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.ResourceId;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Several mesh VirtualServices for one host, visible in a common namespace (istioctl IST0109). */
public final class VirtualServiceDuplicateHost implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL403", "virtualservice-duplicate-host")
      .severity(Severity.WARNING)
      .summary("More than one mesh VirtualService for the same host")
      .description("""
          Two or more mesh VirtualServices name the same host (after resolving short names, `name.ns`, `name.ns.svc` \
          and the cluster domain) and their `exportTo` overlap, so some namespace sees both. Sidecars use only one \
          VirtualService per host (the oldest by creationTimestamp) and silently drop the others; waypoints \
          concatenate their routes, and the first match wins, so the result depends on creation order. A wildcard \
          host (`*.example.com`) competes with the hosts it covers. istioctl reports this as IST0109 \
          (ConflictingMeshGatewayVirtualServiceHosts).""")
      .help("Merge the VirtualServices into one per host, or narrow their exportTo so no namespace sees both.")
      .tags("virtualservice", "conflict")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    // conflicts are symmetric: a wildcard host (*.d) competes with the hosts it covers (a.d, *.productpage.d)
    // per entry, the first competing entry of each other VirtualService (by id), in the order they are met
    Map<HostIndex.VirtualServiceHost, Map<ResourceId, HostIndex.VirtualServiceHost>> conflicts = new IdentityHashMap<>();
    List<HostIndex.VirtualServiceHost> order = new ArrayList<>();
    for (String host : new TreeSet<>(graph.virtualServiceHosts())) {
      for (HostIndex.VirtualServiceHost entry : graph.virtualServicesWithHost(host)) {
        for (HostIndex.VirtualServiceHost other : graph.virtualServicesCovering(host)) {
          // by id: a VirtualService defined twice (AL903) is one object, not a conflict with itself
          if (!other.virtualService().id().equals(entry.virtualService().id())
              && other.exportTo().overlaps(entry.exportTo())) {
            add(conflicts, order, entry, other);
            add(conflicts, order, other, entry);
          }
        }
      }
    }
    for (HostIndex.VirtualServiceHost entry : order) {
      Collection<HostIndex.VirtualServiceHost> others = conflicts.get(entry).values();
      String names = String.join(", ", others.stream().map(o -> o.virtualService().displayName()
          + (o.fqdn().equals(entry.fqdn()) ? "" : " (host " + o.fqdn() + ")")).toList());
      var draft = findings.report(META, entry.node(),
          "host %s of mesh %s (exported to %s) is also defined by %s: sidecars use only the oldest VirtualService "
              + "for a host and ignore the others, waypoints concatenate their routes (first match wins), so behaviour "
              + "depends on creation order; merge them into one VirtualService",
          entry.fqdn(), entry.virtualService().displayName(), entry.exportTo().describe(), names);
      others.forEach(o -> draft.related(o.node(), "the same host in " + o.virtualService().displayName()));
    }
  }

  private static void add(Map<HostIndex.VirtualServiceHost, Map<ResourceId, HostIndex.VirtualServiceHost>> conflicts,
      List<HostIndex.VirtualServiceHost> order, HostIndex.VirtualServiceHost entry, HostIndex.VirtualServiceHost other) {
    Map<ResourceId, HostIndex.VirtualServiceHost> others = conflicts.get(entry);
    if (others == null) {
      others = new LinkedHashMap<>();
      conflicts.put(entry, others);
      order.add(entry);
    }
    others.putIfAbsent(other.virtualService().id(), other);
  }
}
