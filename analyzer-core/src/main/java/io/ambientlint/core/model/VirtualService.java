package io.ambientlint.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.load.JsonPointers;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A networking.istio.io VirtualService: its hosts, gateways, exportTo and its http, tcp and tls routes with
 * their matches, destinations (with subsets) and the L7 features they use, each with the pointer of its node.
 */
public record VirtualService(Resource resource, List<HostEntry> hosts, List<String> gateways, List<String> exportTo,
    List<Route> routes) implements ResourceView {

  /** The gateway name that stands for all sidecars and waypoints of the mesh. */
  public static final String MESH_GATEWAY = "mesh";

  /** One entry of {@code spec.hosts}. */
  public record HostEntry(String host, String pointer) {}

  /** A {@code destination} of a route, or a {@code mirror} / {@code mirrors[].destination}. */
  public record Destination(String host, Optional<String> subset, OptionalInt port, String pointer, boolean mirror) {
    public String subsetPointer() {
      return pointer + "/subset";
    }

    public String hostPointer() {
      return pointer + "/host";
    }
  }

  /**
   * One match of an http, tcp or tls route. {@code conditions} says what it matches on ({@code uri prefix /api},
   * {@code header end-user}); empty means it matches every request.
   */
  public record Match(String pointer, List<String> conditions, Optional<String> sourceLabelsPointer,
      boolean usesHeaders) {
    public boolean matchesEverything() {
      return conditions.isEmpty();
    }
  }

  /** L7 features a route can use; the ones a Gateway API route cannot express are what AL401 names. */
  public enum Feature {
    FAULT("fault", "fault injection"),
    DIRECT_RESPONSE("directResponse", "direct response"),
    REDIRECT("redirect", "redirect"),
    MIRROR("mirror", "mirroring"),
    RETRIES("retries", "retries"),
    TIMEOUT("timeout", "timeout"),
    REWRITE("rewrite", "rewrite"),
    HEADERS("headers", "header manipulation"),
    CORS("corsPolicy", "CORS policy"),
    DELEGATE("delegate", "delegation");

    /** values() copies its array on every call; routes are read by the thousand. */
    static final List<Feature> ALL = List.of(values());

    private final String field;
    private final String description;

    Feature(String field, String description) {
      this.field = field;
      this.description = description;
    }

    public String field() {
      return field;
    }

    public String description() {
      return description;
    }
  }

  /** An http, tcp or tls route; {@code features} maps each L7 feature it sets to the pointer of its node. */
  public record Route(String protocol, String pointer, Optional<String> name, List<Match> matches,
      List<Destination> destinations, Map<Feature, String> features) {

    /** No match list, or some match without conditions: every request (of its port) takes this route. */
    public boolean matchesEverything() {
      return matches.isEmpty() || matches.stream().anyMatch(Match::matchesEverything);
    }

    public boolean isHttp() {
      return protocol.equals("http");
    }

    /** Route destinations and mirrors that name a subset. */
    public List<Destination> subsetDestinations() {
      return destinations.stream().filter(d -> d.subset().isPresent()).toList();
    }
  }

  public static VirtualService of(Resource resource) {
    JsonNode spec = resource.spec();
    List<HostEntry> hosts = new ArrayList<>();
    List<JsonNode> hostNodes = Fields.array(spec, "hosts");
    for (int i = 0; i < hostNodes.size(); i++) {
      if (hostNodes.get(i).isTextual()) {
        hosts.add(new HostEntry(hostNodes.get(i).asText(), JsonPointers.child("/spec/hosts", i)));
      }
    }
    List<Route> routes = new ArrayList<>();
    for (String protocol : List.of("http", "tcp", "tls")) {
      List<JsonNode> items = Fields.array(spec, protocol);
      for (int i = 0; i < items.size(); i++) {
        routes.add(readRoute(protocol, items.get(i), JsonPointers.child("/spec/" + protocol, i)));
      }
    }
    return new VirtualService(resource, List.copyOf(hosts), Fields.stringList(spec, "gateways"),
        Fields.stringList(spec, "exportTo"), List.copyOf(routes));
  }

  private static Route readRoute(String protocol, JsonNode route, String pointer) {
    List<Match> matches = new ArrayList<>();
    List<JsonNode> matchNodes = Fields.array(route, "match");
    for (int i = 0; i < matchNodes.size(); i++) {
      matches.add(readMatch(matchNodes.get(i), JsonPointers.child(pointer + "/match", i)));
    }
    List<Destination> destinations = new ArrayList<>();
    List<JsonNode> routeNodes = Fields.array(route, "route");
    for (int i = 0; i < routeNodes.size(); i++) {
      readDestination(routeNodes.get(i).path("destination"), JsonPointers.child(pointer + "/route", i) + "/destination",
          false).ifPresent(destinations::add);
    }
    readDestination(route.path("mirror"), pointer + "/mirror", true).ifPresent(destinations::add);
    List<JsonNode> mirrors = Fields.array(route, "mirrors");
    for (int i = 0; i < mirrors.size(); i++) {
      readDestination(mirrors.get(i).path("destination"), JsonPointers.child(pointer + "/mirrors", i) + "/destination",
          true).ifPresent(destinations::add);
    }
    Map<Feature, String> features = new EnumMap<>(Feature.class);
    for (Feature f : Feature.ALL) {
      JsonNode value = route.path(f.field());
      if (!value.isMissingNode() && !value.isNull()) {
        features.put(f, pointer + "/" + f.field());
      }
    }
    if (!mirrors.isEmpty()) {
      features.putIfAbsent(Feature.MIRROR, pointer + "/mirrors");
    }
    return new Route(protocol, pointer, Fields.text(route, "name"), List.copyOf(matches), List.copyOf(destinations),
        Map.copyOf(features));
  }

  private static Match readMatch(JsonNode match, String pointer) {
    List<String> conditions = new ArrayList<>();
    boolean headers = false;
    if (match.isObject()) {
      var it = match.fields();
      while (it.hasNext()) {
        var e = it.next();
        String key = e.getKey();
        JsonNode value = e.getValue();
        switch (key) {
          case "name", "ignoreUriCase", "statPrefix" -> { }
          case "uri", "scheme", "method", "authority" -> {
            if (!(key.equals("uri") && "/".equals(value.path("prefix").asText(null)))) {
              conditions.add(key + " " + describeStringMatch(value));
            }
          }
          case "headers", "withoutHeaders", "queryParams" -> {
            headers |= !key.equals("queryParams");
            List<String> names = new ArrayList<>();
            value.fieldNames().forEachRemaining(names::add);
            conditions.add((key.equals("queryParams") ? "query " : key.equals("headers") ? "header " : "no header ")
                + String.join(", ", names));
          }
          default -> conditions.add(key + " " + (value.isValueNode() ? value.asText() : value.toString()));
        }
      }
    }
    Optional<String> sourceLabels = match.path("sourceLabels").isObject()
        ? Optional.of(pointer + "/sourceLabels") : Optional.empty();
    return new Match(pointer, List.copyOf(conditions), sourceLabels, headers);
  }

  private static String describeStringMatch(JsonNode value) {
    for (String kind : List.of("exact", "prefix", "regex")) {
      if (value.path(kind).isTextual()) {
        return kind + " " + value.path(kind).asText();
      }
    }
    return value.toString();
  }

  private static Optional<Destination> readDestination(JsonNode d, String pointer, boolean mirror) {
    Optional<String> host = Fields.text(d, "host");
    if (host.isEmpty()) {
      return Optional.empty();
    }
    OptionalInt port = Fields.integer(d.path("port"), "number");
    return Optional.of(new Destination(host.get(), Fields.text(d, "subset").filter(s -> !s.isEmpty()), port, pointer,
        mirror));
  }

  /** Bound to sidecars and waypoints: {@code gateways} empty or containing {@code mesh}. */
  public boolean isMesh() {
    return gateways.isEmpty() || gateways.contains(MESH_GATEWAY);
  }

  public List<Route> httpRoutes() {
    return routes.stream().filter(Route::isHttp).toList();
  }

  /** Every route destination and mirror, in document order. */
  public List<Destination> destinations() {
    return routes.stream().flatMap(r -> r.destinations().stream()).toList();
  }

  /** The {@code sourceLabels} nodes of every match: waypoints ignore them. */
  public List<String> sourceLabelsPointers() {
    return routes.stream().flatMap(r -> r.matches().stream()).flatMap(m -> m.sourceLabelsPointer().stream()).toList();
  }
}
