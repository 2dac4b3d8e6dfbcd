package io.ambientlint.rules.classic;

import io.ambientlint.core.graph.HostIndex;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.ParentAttachment;
import io.ambientlint.core.graph.RouteAhead;
import io.ambientlint.core.graph.WaypointBinding;
import io.ambientlint.core.graph.WaypointVirtualServiceOrder;
import io.ambientlint.core.model.MeshService;
import io.ambientlint.core.model.VirtualService;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;
import io.ambientlint.core.text.Phrases;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A mesh VirtualService whose host is also the Service parent of an HTTPRoute/GRPCRoute the waypoint puts first. */
public final class VirtualServiceShadowedByRoute implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL401", "virtualservice-shadowed-by-route")
      .severity(Severity.WARNING)
      .summary("Mesh VirtualService shadowed by an HTTPRoute or GRPCRoute on the same Service")
      .description("""
          At a waypoint the routes of every VirtualService for a host are concatenated (HTTPRoutes and GRPCRoutes \
          are converted to VirtualServices first) and the first match wins. The order is Istio's \
          VirtualServicesForGateway: VirtualServices private to the waypoint's namespace (`exportTo: ["."]`) and \
          those exported explicitly to it, then Gateway API routes of the waypoint's namespace, then the other \
          public ones by creationTimestamp. Istio's docs put it as "the route applies and the VirtualService does \
          not". A catch-all route (a rule without matches, or `PathPrefix /`) on the same Service therefore shadows \
          the mesh VirtualService completely: its fault injection, direct response, mirroring, retries, timeouts, \
          subsets and header-based routing are lost. A narrower route takes only the requests it matches; the rest \
          still reach the VirtualService. When the route is not in the waypoint's namespace, creation order decides \
          which comes first. When the VirtualService comes first (private or explicitly exported) and has a \
          catch-all route, the HTTPRoute or GRPCRoute is the dead config: the finding is on the route's parentRef, \
          and deleting the VirtualService would change live behaviour.""")
      .help("""
          Express the behaviour in the HTTPRoute (filters, timeouts, retries, per-version Services as weighted \
          backendRefs) and delete the VirtualService, or remove the route.""")
      .tags("virtualservice", "gateway-api", "waypoint")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (VirtualService vs : graph.virtualServices()) {
      if (!vs.isMesh() || vs.httpRoutes().isEmpty()) {
        continue;
      }
      for (HostIndex.ServiceTarget target : graph.servicesTargetedBy(vs)) {
        MeshService service = target.service();
        WaypointBinding binding = graph.waypointForService(service);
        String waypointNamespace = binding.waypointNamespace().orElse("");
        if (!binding.isBound()
            || !vs.namespace().equals(service.namespace()) && !vs.namespace().equals(waypointNamespace)) {
          continue; // not applied at the waypoint at all: AL402 / AL404
        }
        if (!WaypointVirtualServiceOrder.visibleAt(vs, waypointNamespace)) {
          continue; // not exported to the waypoint's namespace: AL402
        }
        Optional<String> first = WaypointVirtualServiceOrder.aheadOfRoutes(vs, waypointNamespace);
        if (first.isPresent()) {
          reportDeadRoutes(graph, findings, vs, service, binding, first.get());
          continue;
        }
        List<RouteAhead> ahead = graph.routesAheadOf(vs, service);
        if (ahead.isEmpty()) {
          continue;
        }
        String lost = lostFeatures(vs);
        Optional<RouteAhead> complete = ahead.stream().filter(RouteAhead::shadowsCompletely).findFirst();
        var draft = complete.isPresent()
            ? findings.report(META, target.node(),
                "%s %s %s, so at waypoint %s it takes every request for %s%s%s "
                    + "and %s %s: %s lost; move them into the route or delete the VirtualService",
                complete.get().attachment().route().resource().kind(),
                complete.get().attachment().route().namespacedName(), catchAll(complete.get()),
                binding.waypointDisplayName(), service.displayName(), portsOf(complete.get(), service),
                order(complete.get()), vs.displayName(), uncovered(complete.get(), service), lost)
            : findings.report(META, target.node(),
                "%s on %s come%s first at waypoint %s%s and take%s the requests matching %s; the other requests still "
                    + "reach %s, but for the requests %s, %s lost; move them into the route%s or narrow it",
                names(ahead), service.displayName(), Phrases.plural(ahead.size(), "s", ""),
                binding.waypointDisplayName(), order(ahead.get(0)), Phrases.plural(ahead.size(), "s", ""),
                String.join("; ", matches(ahead)), vs.displayName(),
                Phrases.plural(ahead.size(), "it takes", "they take"), lost, Phrases.plural(ahead.size(), "", "s"));
        for (RouteAhead r : ahead) {
          draft.related(r.attachment().parentRefNode(), "parentRef of " + r.attachment().route().displayName());
        }
      }
    }
  }

  /**
   * The VirtualService comes before every Gateway API route at the waypoint (VirtualServicesForGateway,
   * pilot/pkg/model/push_context.go); when one of its http routes matches every request, the HTTPRoutes and
   * GRPCRoutes on the service get nothing there. The route is the dead config, not the VirtualService.
   */
  private static void reportDeadRoutes(MeshGraph graph, Findings findings, VirtualService vs, MeshService service,
      WaypointBinding binding, String why) {
    Optional<VirtualService.Route> catchAll = vs.httpRoutes().stream()
        .filter(r -> r.matches().isEmpty() || r.matches().stream()
            .anyMatch(m -> m.matchesEverything() && m.sourceLabelsPointer().isEmpty()))
        .findFirst();
    if (catchAll.isEmpty()) {
      return; // the routes still take the requests the VirtualService does not match
    }
    for (ParentAttachment a : graph.routesAttachedTo(service)) {
      if (!a.isAccepted() || !a.appliesAtWaypoint() || !a.route().kind().isHttpLike()) {
        continue;
      }
      findings.report(META, a.parentRefNode(),
              "%s never receives requests for %s at waypoint %s: %s comes first there because %s, and its route %s "
                  + "matches every request; delete %s or move its rules into the VirtualService (deleting the "
                  + "VirtualService instead would change live behaviour)",
              a.route().displayName(), service.displayName(), binding.waypointDisplayName(), vs.displayName(), why,
              vs.node(catchAll.get().pointer()).dottedPath(), a.route().displayName())
          .related(vs.node(catchAll.get().pointer()), "the VirtualService's catch-all route");
    }
  }

  private static String catchAll(RouteAhead r) {
    return r.catchAllPointer().equals("/spec") ? "has no rules, and Gateway API's default rule matches every request"
        : "has a rule that matches every request (" + r.catchAllNode().dottedPath() + ")";
  }

  /** " on port 9080" when the route's parentRef narrows it to some of the service's ports. */
  private static String portsOf(RouteAhead r, MeshService service) {
    List<Integer> all = service.ports().stream().map(p -> p.number()).distinct().toList();
    List<Integer> covered = r.attachment().ports();
    return covered.containsAll(all) ? "" : " on " + Phrases.plural(covered.size(), "port") + " "
        + String.join(", ", covered.stream().map(String::valueOf).toList());
  }

  /** What becomes of the VirtualService: never used, or still used on the ports the catch-all route does not cover. */
  private static String uncovered(RouteAhead r, MeshService service) {
    List<String> rest = service.ports().stream().map(p -> p.number()).distinct()
        .filter(p -> !r.attachment().ports().contains(p)).map(String::valueOf).toList();
    return rest.isEmpty() ? "is never used there" : "is not used for them (requests to "
        + Phrases.plural(rest.size(), "port") + " " + String.join(", ", rest) + " still reach it)";
  }

  private static String order(RouteAhead r) {
    return r.byCreationTime() ? " (if created before the VirtualService: it is not in the waypoint's namespace, so "
        + "creation order decides)" : "";
  }

  private static String names(List<RouteAhead> ahead) {
    return String.join(", ", ahead.stream().map(r -> r.attachment().route().displayName()).toList());
  }

  private static List<String> matches(List<RouteAhead> ahead) {
    List<String> out = new ArrayList<>();
    ahead.forEach(r -> out.addAll(r.matches()));
    return out.stream().distinct().toList();
  }

  /** What the VirtualService's http routes do that is lost where a route comes first. */
  static String lostFeatures(VirtualService vs) {
    Set<String> lost = new LinkedHashSet<>();
    Set<String> subsets = new LinkedHashSet<>();
    boolean headerRouting = false;
    boolean split = false;
    for (VirtualService.Route route : vs.httpRoutes()) {
      route.features().keySet().stream().sorted().forEach(f -> lost.add(f.description()));
      route.destinations().forEach(d -> d.subset().ifPresent(subsets::add));
      headerRouting |= route.matches().stream().anyMatch(VirtualService.Match::usesHeaders);
      split |= route.destinations().stream().filter(d -> !d.mirror()).count() > 1;
    }
    if (!subsets.isEmpty()) {
      lost.add(Phrases.plural(subsets.size(), "subset") + " " + String.join(", ", subsets));
    }
    if (headerRouting) {
      lost.add("header-based routing");
    }
    if (split) {
      lost.add("weighted traffic split");
    }
    if (!vs.sourceLabelsPointers().isEmpty()) {
      lost.add("sourceLabels matches");
    }
    if (lost.isEmpty()) {
      return "its routing rules are";
    }
    return "its " + Phrases.list(List.copyOf(lost)) + " " + Phrases.plural(lost.size(), "is", "are");
  }
}
