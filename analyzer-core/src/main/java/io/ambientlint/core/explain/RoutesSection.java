package io.ambientlint.core.explain;

import io.ambientlint.core.graph.BackendResolution;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.ParentAttachment;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.model.Kind;
import io.ambientlint.core.model.Listener;
import io.ambientlint.core.model.MeshService;
import io.ambientlint.core.model.Resource;
import io.ambientlint.core.model.ResourceId;
import io.ambientlint.core.model.Route;
import io.ambientlint.core.model.RouteRule;
import io.ambientlint.core.model.ServicePort;
import java.util.List;
import java.util.Optional;

/**
 * Gateway API routes: for a Service or ServiceEntry, the routes on each of its ports with their outcome and
 * weighted backends; for a Gateway, the routes attached to each listener and those it rejects; for a route,
 * each parentRef's outcome and its backends.
 */
final class RoutesSection implements ExplainSection {

  @Override
  public void explain(MeshGraph graph, Resource subject, ExplainWriter out) {
    ResourceId id = subject.id();
    if (id.is(Kind.SERVICE) || id.is(Kind.SERVICE_ENTRY)) {
      graph.meshService(id).ifPresent(s -> explainService(graph, s, out));
    } else if (id.is(Kind.GATEWAY)) {
      graph.gateway(id.namespace(), id.name()).ifPresent(g -> explainGateway(graph, g, out));
    } else {
      graph.routesIn(id.namespace()).stream().filter(r -> r.resource() == subject || r.id().equals(id)).findFirst()
          .ifPresent(r -> explainRoute(graph, r, out));
    }
  }

  private static void explainService(MeshGraph graph, MeshService service, ExplainWriter out) {
    List<ParentAttachment> attached = graph.routesAttachedTo(service);
    out.section("Routes");
    if (attached.isEmpty()) {
      out.fact("no HTTPRoute, GRPCRoute, TLSRoute, TCPRoute or UDPRoute names " + service.displayName() + " as parent");
      return;
    }
    for (ServicePort port : service.ports()) {
      out.fact("port " + port.number() + port.name().map(n -> " (" + n + ")").orElse(""), service.node(port.pointer()));
      out.nested(() -> {
        boolean any = false;
        for (ParentAttachment a : attached) {
          if (!a.covers(port.number())) {
            continue;
          }
          any = true;
          out.fact(a.route().displayName() + ": " + outcomeOnPort(a, port.number()), a.parentRefNode());
          out.nested(() -> backends(graph, a.route(), out));
        }
        if (!any) {
          out.fact("no route: requests pass through unchanged");
        }
      });
    }
    for (ParentAttachment a : attached) {
      if (a.ports().isEmpty()) {
        out.fact(a.route().displayName() + ": " + a.outcome().statusReason() + ", " + a.reason(), a.parentRefNode());
      }
    }
  }

  private static String outcomeOnPort(ParentAttachment a, int port) {
    Optional<ParentAttachment.PortConflict> lost = a.conflicts().stream().filter(c -> c.port() == port).findFirst();
    if (lost.isPresent()) {
      return "Conflicted per Gateway API: " + lost.get().winner().kind().kind() + " "
          + lost.get().winner().namespacedName() + " takes precedence on this port";
    }
    return a.outcome().statusReason() + ", " + a.reason();
  }

  private static void backends(MeshGraph graph, Route route, ExplainWriter out) {
    List<BackendResolution> all = graph.backendResolutions(route);
    for (RouteRule rule : route.rules()) {
      List<BackendResolution> ofRule = all.stream().filter(b -> b.rule() == rule).toList();
      String name = "rule " + rule.index() + rule.name().map(n -> " (" + n + ")").orElse("")
          + (rule.matchesEverything() ? ", all requests" : ", " + rule.matches().size() + " match(es)");
      if (ofRule.isEmpty()) {
        out.fact(name + ": no backendRefs (filters or redirects only, else 500)", route.node(rule.pointer()));
        continue;
      }
      int total = ofRule.stream().mapToInt(b -> Math.max(0, b.backendRef().weight())).sum();
      out.fact(name, route.node(rule.pointer()));
      out.nested(() -> {
        for (BackendResolution b : ofRule) {
          int weight = b.backendRef().weight();
          String share = total == 0 ? "0%" : Math.round(100.0 * Math.max(0, weight) / total) + "%";
          out.fact("-> " + b.backendRef().describe(route.namespace()) + " weight " + weight + " (" + share + ")"
              + (b.isResolved() ? "" : ": " + b.outcome().statusReason() + ", " + b.reason()), b.backendRefNode());
        }
      });
    }
  }

  private static void explainGateway(MeshGraph graph, Gateway gateway, ExplainWriter out) {
    List<ParentAttachment> attached = graph.routesAttachedTo(gateway);
    out.section("Routes");
    for (Listener l : gateway.listeners()) {
      out.fact("listener " + l.name() + " " + l.port() + "/" + l.protocol() + l.hostname().map(h -> " " + h).orElse(""),
          gateway.node(l.pointer()));
      out.nested(() -> {
        boolean any = false;
        for (ParentAttachment a : attached) {
          if (a.isAccepted() && a.listeners().contains(l)) {
            any = true;
            out.fact(a.route().displayName() + ": Accepted", a.parentRefNode());
            out.nested(() -> backends(graph, a.route(), out));
          }
        }
        if (!any) {
          out.fact("no route attached");
        }
      });
    }
    for (ParentAttachment a : attached) {
      if (!a.isAccepted()) {
        out.fact(a.route().displayName() + ": " + a.outcome().statusReason() + ", " + a.reason(), a.parentRefNode());
      }
    }
  }

  private static void explainRoute(MeshGraph graph, Route route, ExplainWriter out) {
    out.section("Parents");
    for (ParentAttachment a : graph.parentAttachments(route)) {
      out.fact(a.parentRef().describe() + ": " + a.outcome().statusReason() + ", " + a.reason(), a.parentRefNode());
    }
    out.section("Backends");
    backends(graph, route, out);
  }
}
