package io.ambientlint.core.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.model.Fields;
import io.ambientlint.core.model.NodeRef;
import io.ambientlint.core.model.RouteKind;
import io.ambientlint.core.model.RouteRule;
import io.ambientlint.core.model.VirtualService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An HTTPRoute or GRPCRoute that a waypoint puts ahead of a mesh VirtualService for the same service
 * (docs/architecture.md "Routes"): at the waypoint the routes of every matching VirtualService are concatenated, and the first match wins.
 * VirtualServices private to the waypoint's namespace or exported explicitly to it come first (no route is ahead
 * of them), then Gateway API routes of the waypoint's namespace, then the rest by creationTimestamp
 * ({@link WaypointVirtualServiceOrder}).
 *
 * @param attachment the route's accepted parentRef to the service
 * @param catchAll true when some rule matches every request (no matches, {@code PathPrefix /}, a gRPC match
 *     without method and headers, or no rules at all: Gateway API's default rule): the VirtualService is never
 *     reached for the ports the route covers
 * @param catchAllPointer that rule ({@code /spec/rules/0}), or {@code /spec} for a route without rules
 * @param matches what the route's rules match on, when none is catch-all ({@code path PathPrefix /api})
 * @param byCreationTime true when the route is not in the waypoint's namespace, so creation order decides whether
 *     it comes first (Git manifests rarely say)
 */
public record RouteAhead(ParentAttachment attachment, boolean catchAll, String catchAllPointer, List<String> matches,
    boolean byCreationTime) {

  public boolean shadowsCompletely() {
    return catchAll;
  }

  public NodeRef catchAllNode() {
    return attachment.route().node(catchAllPointer);
  }

  /** The routes ahead of {@code vs} at the waypoint of the service {@code attachments} point to. */
  static List<RouteAhead> of(VirtualService vs, List<ParentAttachment> attachments) {
    List<RouteAhead> out = new ArrayList<>();
    for (ParentAttachment a : attachments) {
      if (!a.appliesAtWaypoint() || !a.route().kind().isHttpLike()) {
        continue;
      }
      String waypointNamespace = a.binding().flatMap(WaypointBinding::waypointNamespace).orElse("");
      if (WaypointVirtualServiceOrder.aheadOfRoutes(vs, waypointNamespace).isPresent()) {
        continue; // private or explicitly exported VirtualServices come before every Gateway API route
      }
      boolean inWaypointNamespace = a.route().namespace().equals(waypointNamespace);
      boolean byCreation = !inWaypointNamespace;
      if (byCreation && olderThan(vs, a)) {
        continue; // both timestamps known and the VirtualService was created first: it comes ahead
      }
      // no rules: Gateway API defaults to one rule matching every request
      Optional<String> catchAll = a.route().rules().isEmpty() ? Optional.of("/spec") : Optional.empty();
      List<String> matches = new ArrayList<>();
      for (RouteRule rule : a.route().rules()) {
        if (matchesEverything(rule, a.route().kind())) {
          catchAll = Optional.of(rule.pointer());
          break;
        }
        for (JsonNode m : rule.matches()) {
          matches.add(describe(m, a.route().kind()));
        }
      }
      out.add(new RouteAhead(a, catchAll.isPresent(), catchAll.orElse(""), catchAll.isPresent() ? List.of()
          : List.copyOf(matches), byCreation));
    }
    return out;
  }

  private static boolean olderThan(VirtualService vs, ParentAttachment a) {
    Optional<String> vsTime = Fields.text(vs.resource().root().path("metadata"), "creationTimestamp");
    Optional<String> routeTime = a.route().creationTimestamp();
    return vsTime.isPresent() && routeTime.isPresent() && vsTime.get().compareTo(routeTime.get()) < 0;
  }

  /** A rule without matches, or with one match that has no condition (HTTP {@code PathPrefix /} counts as none). */
  static boolean matchesEverything(RouteRule rule, RouteKind kind) {
    if (rule.matchesEverything()) {
      return true;
    }
    for (JsonNode m : rule.matches()) {
      if (describe(m, kind).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** What one match tests, or empty when it tests nothing. */
  static String describe(JsonNode match, RouteKind kind) {
    List<String> parts = new ArrayList<>();
    if (kind == RouteKind.HTTP) {
      JsonNode path = match.path("path");
      String type = Fields.text(path, "type").orElse("PathPrefix");
      String value = Fields.text(path, "value").orElse("/");
      if (path.isObject() && !(type.equals("PathPrefix") && value.equals("/"))) {
        parts.add("path " + type + " " + value);
      }
      Fields.text(match, "method").ifPresent(m -> parts.add("method " + m));
      names(match, "queryParams").forEach(q -> parts.add("query " + q));
    } else {
      JsonNode method = match.path("method");
      if (method.isObject() && (method.has("service") || method.has("method"))) {
        parts.add("gRPC method " + Fields.text(method, "service").orElse("*") + "/" + Fields.text(method, "method").orElse("*"));
      }
    }
    names(match, "headers").forEach(h -> parts.add("header " + h));
    return String.join(" and ", parts);
  }

  private static List<String> names(JsonNode match, String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : Fields.array(match, field)) {
      Fields.text(n, "name").ifPresent(out::add);
    }
    return out;
  }
}
