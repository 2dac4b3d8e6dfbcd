package io.ambientlint.core.explain;

import io.ambientlint.core.graph.EnvoyFilterReach;
import io.ambientlint.core.graph.ExportTo;
import io.ambientlint.core.graph.HostIndex;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.RouteAhead;
import io.ambientlint.core.graph.WaypointBinding;
import io.ambientlint.core.model.DestinationRule;
import io.ambientlint.core.model.Kind;
import io.ambientlint.core.model.LabelSelector;
import io.ambientlint.core.model.Location;
import io.ambientlint.core.model.MeshService;
import io.ambientlint.core.model.Resource;
import io.ambientlint.core.model.ResourceId;
import io.ambientlint.core.model.VirtualService;
import java.util.List;
import java.util.Optional;

/**
 * The classic Istio APIs around an object: for a Service or ServiceEntry, the mesh VirtualServices and the
 * DestinationRules for its hosts and whether each applies (at its waypoint, only for sidecar clients, or not
 * at all); for a VirtualService or DestinationRule, what its hosts resolve to; for a Gateway, the EnvoyFilters
 * that reach it.
 */
final class ClassicTrafficSection implements ExplainSection {

  @Override
  public void explain(MeshGraph graph, Resource subject, ExplainWriter out) {
    ResourceId id = subject.id();
    if (id.is(Kind.SERVICE)) {
      graph.service(id.namespace(), id.name()).ifPresent(s -> explainService(graph, s, out));
    } else if (id.is(Kind.SERVICE_ENTRY)) {
      graph.serviceEntry(id.namespace(), id.name()).ifPresent(s -> explainService(graph, s, out));
    } else if (id.is(Kind.VIRTUAL_SERVICE)) {
      explainVirtualService(graph, VirtualService.of(subject), out);
    } else if (id.is(Kind.DESTINATION_RULE)) {
      DestinationRule dr = DestinationRule.of(subject);
      out.section("DestinationRule host");
      describeHost(graph, dr.host(), dr.namespace(), dr.hostNode().location(), out);
    } else if (id.is(Kind.GATEWAY)) {
      graph.gateway(id.namespace(), id.name()).ifPresent(g -> {
        List<EnvoyFilterReach.TargetReach> filters = graph.envoyFiltersApplyingTo(g);
        if (!filters.isEmpty()) {
          out.section("EnvoyFilters");
          for (EnvoyFilterReach.TargetReach t : filters) {
            out.fact(t.filter().displayName() + " patches it through targetRef " + t.ref().kind() + " " + t.ref().name()
                + (graph.isWaypoint(g) ? " (unsupported on waypoints: AL501)" : ""), t.filter().node(t.ref().pointer()));
          }
        }
      });
    }
  }

  private static void explainService(MeshGraph graph, MeshService service, ExplainWriter out) {
    out.section("VirtualServices and DestinationRules");
    WaypointBinding binding = graph.waypointForService(service);
    boolean ambient = graph.isAmbient(service);
    out.fact("hosts: " + String.join(", ", graph.hostnamesOf(service)));
    List<HostIndex.VirtualServiceHost> virtualServices = graph.virtualServicesForHost(service);
    if (virtualServices.isEmpty()) {
      out.fact("no mesh VirtualService names these hosts");
    }
    for (HostIndex.VirtualServiceHost v : virtualServices) {
      out.fact(v.virtualService().displayName() + " (host " + v.entry().host() + ", exported to " + v.exportTo().describe()
          + ")", v.node());
      out.nested(() -> {
        out.fact(virtualServiceEffect(v.virtualService(), service, binding, ambient));
        for (RouteAhead r : appliedAtWaypoint(v.virtualService(), service, binding)
            ? graph.routesAheadOf(v.virtualService(), service) : List.<RouteAhead>of()) {
          out.fact((r.shadowsCompletely() ? "shadowed completely by " : "shadowed for requests matching "
              + String.join("; ", r.matches()) + " by ") + r.attachment().route().displayName()
              + (r.byCreationTime() ? " (if created first)" : "") + " (AL401)", r.attachment().parentRefNode());
        }
      });
    }
    List<DestinationRule> rules = graph.destinationRulesForHost(service);
    if (rules.isEmpty()) {
      out.fact("no DestinationRule names these hosts");
    }
    for (DestinationRule dr : rules) {
      out.fact(dr.displayName() + " (host " + dr.host() + ", exported to "
          + ExportTo.of(dr.exportTo(), dr.namespace()).describe() + ")", dr.hostNode());
      out.nested(() -> {
        for (DestinationRule.Subset subset : dr.subsets()) {
          LabelSelector labels = LabelSelector.of(subset.labels());
          long matching = graph.workloadsSelectedBy(service).stream().filter(w -> labels.matches(w.podLabels())).count();
          out.fact("subset " + subset.name() + " (" + labels + "): " + matching + " workload(s) of the host in the repository",
              dr.node(subset.pointer()));
        }
        if (ambient && !binding.isBound()) {
          out.fact("no waypoint: ztunnel applies only its L4 settings (connection pool, TLS); L7 settings and subsets "
              + "need a waypoint or sidecar clients");
        }
      });
    }
  }

  private static boolean appliedAtWaypoint(VirtualService vs, MeshService service, WaypointBinding binding) {
    String waypointNamespace = binding.waypointNamespace().orElse(service.namespace());
    return binding.isBound() && (vs.namespace().equals(service.namespace()) || vs.namespace().equals(waypointNamespace));
  }

  /** Why a VirtualService for this service does (or does not) take effect. */
  private static String virtualServiceEffect(VirtualService vs, MeshService service, WaypointBinding binding,
      boolean ambient) {
    if (binding.isBound()) {
      String waypointNamespace = binding.waypointNamespace().orElse(service.namespace());
      if (!vs.namespace().equals(service.namespace()) && !vs.namespace().equals(waypointNamespace)) {
        return "not applied at waypoint " + binding.waypointDisplayName() + ": it is in neither the service's nor the "
            + "waypoint's namespace (AL402); only sidecar clients that see it use it";
      }
      return "applied at waypoint " + binding.waypointDisplayName() + " (Alpha), after Gateway API routes of the "
          + "waypoint's namespace" + (vs.sourceLabelsPointers().isEmpty() ? "" : "; its sourceLabels are ignored there");
    }
    if (ambient) {
      return "no effect for ambient clients: no waypoint (" + binding.reason() + "); only sidecar clients apply it (AL404)";
    }
    return "applied by sidecar clients that see it (namespace " + service.namespace() + " is not ambient)";
  }

  private static void explainVirtualService(MeshGraph graph, VirtualService vs, ExplainWriter out) {
    out.section("VirtualService hosts");
    out.fact(vs.isMesh() ? "mesh VirtualService (sidecars and waypoints)" : "bound to gateways " + vs.gateways());
    for (VirtualService.HostEntry h : vs.hosts()) {
      describeHost(graph, h.host(), vs.namespace(), vs.node(h.pointer()).location(), out);
    }
  }

  private static void describeHost(MeshGraph graph, String host, String namespace, Location at,
      ExplainWriter out) {
    String fqdn = graph.resolveHost(host, namespace);
    Optional<MeshService> service = graph.meshServiceForHost(host, namespace);
    Optional<String> intended = graph.intendedServiceFqdn(host);
    out.fact(host + " -> " + fqdn + ": " + service.map(MeshService::displayName)
        .orElse(intended.isPresent() ? "no Service or ServiceEntry: Istio expands only dot-free short names, so this "
            + "host is literal (AL408); the FQDN is " + intended.get()
            : graph.serviceNamedByHost(host, namespace).isPresent() ? "no Service or ServiceEntry (AL408)"
                : "not a service of the repository"), at);
  }
}
