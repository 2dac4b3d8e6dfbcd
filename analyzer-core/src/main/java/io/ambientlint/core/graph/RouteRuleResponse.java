package io.ambientlint.core.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.model.BackendRef;
import io.ambientlint.core.model.Fields;
import io.ambientlint.core.model.Route;
import io.ambientlint.core.model.RouteKind;
import io.ambientlint.core.model.RouteRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What an HTTPRoute or GRPCRoute rule answers when it has nowhere to send requests. Istio converts a rule whose
 * backendRefs weigh 0 in total (none written, or all {@code weight: 0}) and that has no RequestRedirect filter into
 * a direct response with status 500, as Gateway API requires (pilot/pkg/config/kube/gateway/conversion.go).
 * Each match becomes its own route entry and entries are sorted by match specificity, catch-all ones last.
 *
 * @param catchAll the rule has a match that every request satisfies (no matches, or a match without conditions
 *     other than {@code PathPrefix /})
 * @param routeServesElsewhere another rule of the route forwards or redirects
 * @param sharesParents another HTTPRoute or GRPCRoute attaches to one of this route's parents: its rules merge
 * @param attached some parent accepts the route (a route no parent takes answers nothing at all)
 */
public record RouteRuleResponse(Route route, RouteRule rule, boolean catchAll, boolean weightsAllZero,
    boolean routeServesElsewhere, boolean sharesParents, boolean attached) {

  /** Every request of the route's parents that reaches this rule gets HTTP 500, nothing else can answer them. */
  public boolean failsEveryRequest() {
    return attached && catchAll && !routeServesElsewhere && !sharesParents;
  }

  /** The rules of an HTTPRoute or GRPCRoute that answer 500; empty for other kinds and for routes that serve. */
  static List<RouteRuleResponse> of(RouteIndex routes, Route route) {
    if (!route.kind().isHttpLike()) {
      return List.of();
    }
    List<RouteRule> failing = new ArrayList<>();
    boolean serving = false;
    for (RouteRule rule : route.rules()) {
      if (answersWithError(route, rule)) {
        failing.add(rule);
      } else {
        serving = true;
      }
    }
    if (failing.isEmpty()) {
      return List.of();
    }
    boolean shares = sharesParents(routes, route);
    boolean attached = routes.attachments(route).stream().anyMatch(ParentAttachment::isAccepted);
    List<RouteRuleResponse> out = new ArrayList<>();
    for (RouteRule rule : failing) {
      boolean zero = !rule.backendRefs().isEmpty();
      out.add(new RouteRuleResponse(route, rule, isCatchAll(route, rule), zero, serving, shares, attached));
    }
    return out;
  }

  private static boolean answersWithError(Route route, RouteRule rule) {
    int weight = 0;
    for (BackendRef b : rule.backendRefs()) {
      weight += b.weight();
    }
    if (weight > 0) {
      return false;
    }
    if (route.kind() == RouteKind.HTTP) {
      for (JsonNode filter : Fields.array(route.resource().root().at(rule.pointer()), "filters")) {
        if ("RequestRedirect".equals(filter.path("type").asText())) {
          return false;
        }
      }
    }
    return true;
  }

  private static final Set<String> HTTP_CONDITIONS = Set.of("headers", "queryParams", "method");

  private static boolean isCatchAll(Route route, RouteRule rule) {
    if (rule.matchesEverything()) {
      return true;
    }
    for (JsonNode match : rule.matches()) {
      boolean conditions = false;
      if (route.kind() == RouteKind.GRPC) {
        conditions = match.has("method") || match.has("headers");
      } else {
        for (String key : HTTP_CONDITIONS) {
          conditions |= match.has(key) && !(match.get(key).isArray() && match.get(key).isEmpty());
        }
        JsonNode path = match.path("path");
        if (path.isObject()) {
          String type = Fields.text(path, "type").orElse("PathPrefix");
          String value = Fields.text(path, "value").orElse("/");
          conditions |= !(type.equals("PathPrefix") && value.equals("/"));
        }
      }
      if (!conditions) {
        return true;
      }
    }
    return false;
  }

  private static boolean sharesParents(RouteIndex routes, Route route) {
    for (ParentAttachment a : routes.attachments(route)) {
      List<ParentAttachment> siblings = a.service().isPresent() ? routes.attachedTo(a.service().get())
          : a.gateway().isPresent() ? routes.attachedTo(a.gateway().get()) : List.of();
      for (ParentAttachment s : siblings) {
        if (s.route() != route && s.route().kind().isHttpLike()) {
          return true;
        }
      }
    }
    return false;
  }
}
