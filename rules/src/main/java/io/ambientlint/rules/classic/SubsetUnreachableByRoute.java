package io.ambientlint.rules.classic;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.ParentAttachment;
import io.ambientlint.core.model.DestinationRule;
import io.ambientlint.core.model.MeshService;
import io.ambientlint.core.model.Service;
import io.ambientlint.core.model.ServiceEntry;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** DestinationRule subsets on a host that Gateway API routes route: routes cannot address subsets. */
public final class SubsetUnreachableByRoute implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL406", "subset-unreachable-by-route")
      .severity(Severity.WARNING)
      .summary("DestinationRule subsets on a host routed by Gateway API routes: the routes cannot address them")
      .description("""
          Gateway API routes (HTTPRoute, GRPCRoute, TCPRoute, TLSRoute) send traffic to Services, never to \
          DestinationRule subsets: a backendRef has no subset field. When such a route is accepted on a Service (as \
          parentRef), the subsets of that Service's DestinationRule are dead configuration for the traffic the route \
          takes (version routing, canaries). The Gateway API way is one Service per version with a narrower \
          selector, used as weighted backendRefs; the finding suggests those Services and their selectors. Subsets \
          on node topology labels (`topology.kubernetes.io/*`, `topology.istio.io/*`, which istiod takes from the \
          node, not the pod) cannot become Service selectors: for them it suggests locality-aware routing instead.""")
      .help("""
          Create one Service per subset (the host's selector plus the subset's labels), route to them with weighted \
          backendRefs, and drop the subsets from the DestinationRule.""")
      .tags("destinationrule", "subset", "gateway-api")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (DestinationRule dr : graph.destinationRules()) {
      if (dr.subsets().isEmpty()) {
        continue;
      }
      Optional<MeshService> found = graph.meshServiceForHost(dr.host(), dr.namespace());
      if (found.isEmpty()) {
        continue;
      }
      MeshService service = found.get();
      List<ParentAttachment> routes = graph.routesAttachedTo(service).stream().filter(ParentAttachment::isAccepted)
          .toList();
      if (routes.isEmpty()) {
        continue;
      }
      String routeNames = routes.stream().map(a -> a.route().displayName()).distinct().collect(Collectors.joining(", "));
      String suggestions = dr.subsets().stream().map(s -> suggestion(service, s)).collect(Collectors.joining("; "));
      var draft = findings.report(META, dr.node("/spec/subsets"),
          "%s routes %s, but Gateway API routes cannot address the subsets of %s (%s): where a subset is a version, "
              + "create one %s per version and use them as weighted backendRefs: %s",
          routeNames, service.displayName(), dr.displayName(),
          dr.subsets().stream().map(DestinationRule.Subset::name).collect(Collectors.joining(", ")),
          service instanceof ServiceEntry ? "ServiceEntry" : "Service", suggestions);
      routes.stream().limit(5).forEach(a -> draft.related(a.parentRefNode(), "parentRef of " + a.route().displayName()));
    }
  }

  /**
   * Labels istiod adds to endpoints from the node (locality, network, cluster): pods do not carry them, so a
   * Service selector cannot use them.
   */
  static boolean isNodeTopologyLabel(String key) {
    return key.startsWith("topology.kubernetes.io/") || key.startsWith("topology.istio.io/");
  }

  /** {@code Service books/reviews-v1 with selector app=reviews,version=v1}. */
  private static String suggestion(MeshService service, DestinationRule.Subset subset) {
    List<String> topology = subset.labels().keySet().stream().filter(SubsetUnreachableByRoute::isNodeTopologyLabel)
        .toList();
    if (!topology.isEmpty()) {
      return "subset " + subset.name() + " selects by node topology (" + String.join(", ", topology) + "), which pods "
          + "do not carry, so no Service selector can express it: keep traffic local with the Service's "
          + "trafficDistribution or locality load balancing instead";
    }
    Map<String, String> selector = new LinkedHashMap<>(service instanceof Service s ? s.selector()
        : ((ServiceEntry) service).workloadSelector());
    selector.putAll(subset.labels());
    String labels = selector.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
    return (service instanceof ServiceEntry ? "ServiceEntry " : "Service ") + service.namespace() + "/" + service.name()
        + "-" + subset.name() + " with " + (service instanceof ServiceEntry ? "workloadSelector " : "selector ") + labels;
  }
}
