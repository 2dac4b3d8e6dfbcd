package io.ambientlint.core.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.graph.ParentAttachment.Outcome;
import io.ambientlint.core.graph.ParentAttachment.PortConflict;
import io.ambientlint.core.graph.ParentAttachment.Scope;
import io.ambientlint.core.model.BackendRef;
import io.ambientlint.core.model.Fields;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.model.Kind;
import io.ambientlint.core.model.KnownKinds;
import io.ambientlint.core.model.LabelSelector;
import io.ambientlint.core.model.Listener;
import io.ambientlint.core.model.MeshService;
import io.ambientlint.core.model.NodeRef;
import io.ambientlint.core.model.ParentRef;
import io.ambientlint.core.model.ReferenceGrant;
import io.ambientlint.core.model.ResourceId;
import io.ambientlint.core.model.Route;
import io.ambientlint.core.model.RouteKind;
import io.ambientlint.core.model.RouteRule;
import io.ambientlint.core.model.ServiceEntry;
import io.ambientlint.core.model.ServicePort;
import io.ambientlint.core.text.Phrases;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Gateway API routes (HTTPRoute, GRPCRoute, TLSRoute, TCPRoute, UDPRoute) and how their parentRefs and
 * backendRefs resolve, as Gateway API and Istio resolve them (docs/architecture.md "Routes"). Built once from the
 * inventory and the waypoint bindings; every query is an index lookup.
 *
 * <p>Gateway parents follow the Gateway API: listeners are matched by {@code sectionName} and {@code port},
 * then by {@code allowedRoutes} (namespaces Same/All/Selector, kinds or the protocol's default kinds), then by
 * hostname intersection. Service and ServiceEntry parents follow Istio: {@code sectionName} is ignored,
 * {@code port} narrows to one port (a port the service lacks is Accepted and matches nothing), an ambient
 * service without a {@code use-waypoint} label rejects the route (MissingUseWaypointLabel), and on one service
 * port GRPCRoute &gt; HTTPRoute &gt; TLSRoute &gt; TCPRoute (GEP-1294; Istio does not report the losers).
 */
public final class RouteIndex {

  private static final String INFERENCE_POOL = "InferencePool";
  private static final Set<String> INFERENCE_GROUPS = Set.of("inference.networking.k8s.io",
      "inference.networking.x-k8s.io");
  /** Kubernetes sets this label on every namespace; Selector admissions often use it. */
  private static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

  private final Inventory inventory;
  private final WaypointResolver waypoints;
  private final List<Route> routes = new ArrayList<>();
  private final Map<String, List<Route>> routesByNamespace = new HashMap<>();
  private final List<ReferenceGrant> grants = new ArrayList<>();
  private final Map<String, List<ReferenceGrant>> grantsByNamespace = new HashMap<>();
  private final Map<String, List<ServiceEntry>> serviceEntriesByHost = new HashMap<>();

  private final List<ParentAttachment> attachments = new ArrayList<>();
  private final Map<Route, List<ParentAttachment>> attachmentsByRoute = new IdentityHashMap<>();
  private final Map<ResourceId, List<ParentAttachment>> attachmentsByParent = new HashMap<>();
  private final List<BackendResolution> backends = new ArrayList<>();
  private final Map<Route, List<BackendResolution>> backendsByRoute = new IdentityHashMap<>();

  /** Reads every route and ReferenceGrant of the model and resolves their references. */
  RouteIndex(Inventory inventory, WaypointResolver waypoints) {
    this.inventory = inventory;
    this.waypoints = waypoints;
    load();
    resolveParents();
    resolveBackends();
  }

  private void load() {
    for (RouteKind kind : RouteKind.values()) {
      for (Route route : inventory.model().views(kind.type(), Route.class)) {
        routes.add(route);
        routesByNamespace.computeIfAbsent(route.namespace(), k -> new ArrayList<>()).add(route);
      }
    }
    for (ReferenceGrant g : inventory.model().views(Kind.REFERENCE_GRANT, ReferenceGrant.class)) {
      grants.add(g);
      grantsByNamespace.computeIfAbsent(g.namespace(), k -> new ArrayList<>()).add(g);
    }
    for (ServiceEntry se : inventory.serviceEntries()) {
      for (String host : se.hosts()) {
        serviceEntriesByHost.computeIfAbsent(host, k -> new ArrayList<>()).add(se);
      }
    }
  }

  // ---- Queries ------------------------------------------------------------------------------------------

  /** Every route, grouped by kind (GRPCRoute, HTTPRoute, TLSRoute, TCPRoute, UDPRoute), then in load order. */
  public List<Route> routes() {
    return Collections.unmodifiableList(routes);
  }

  public List<Route> routesIn(String namespace) {
    return Collections.unmodifiableList(routesByNamespace.getOrDefault(namespace, List.of()));
  }

  /** Every parentRef of every route, resolved, in route order. */
  public List<ParentAttachment> attachments() {
    return Collections.unmodifiableList(attachments);
  }

  /** The parentRefs of one route, resolved, in the order they are written. */
  public List<ParentAttachment> attachments(Route route) {
    return Collections.unmodifiableList(attachmentsByRoute.getOrDefault(route, List.of()));
  }

  /**
   * The parentRefs naming a Service or ServiceEntry, directly or through a {@code networking.istio.io/Hostname}
   * parent, in route precedence: kind (GRPCRoute, HTTPRoute, TLSRoute, TCPRoute, UDPRoute), then
   * creationTimestamp, then namespace/name. Rejected ones included: filter with
   * {@link ParentAttachment#isAccepted()}, or {@link ParentAttachment#appliesAtWaypoint()} for the routes the
   * service's waypoint applies.
   */
  public List<ParentAttachment> attachedTo(MeshService service) {
    return Collections.unmodifiableList(attachmentsByParent.getOrDefault(service.id(), List.of()));
  }

  /** The parentRefs naming a Gateway (whatever their outcome), in route precedence. */
  public List<ParentAttachment> attachedTo(Gateway gateway) {
    return Collections.unmodifiableList(attachmentsByParent.getOrDefault(gateway.id(), List.of()));
  }

  /** Every backendRef of every route, resolved. */
  public List<BackendResolution> backends() {
    return Collections.unmodifiableList(backends);
  }

  /** The backendRefs of one route, rule by rule, resolved. */
  public List<BackendResolution> backends(Route route) {
    return Collections.unmodifiableList(backendsByRoute.getOrDefault(route, List.of()));
  }

  public List<ReferenceGrant> referenceGrants() {
    return Collections.unmodifiableList(grants);
  }

  public List<ReferenceGrant> referenceGrantsIn(String namespace) {
    return Collections.unmodifiableList(grantsByNamespace.getOrDefault(namespace, List.of()));
  }

  // ---- parentRefs ---------------------------------------------------------------------------------------

  private void resolveParents() {
    List<ParentAttachment> resolved = new ArrayList<>();
    for (Route route : routes) {
      for (ParentRef ref : route.parentRefs()) {
        resolved.add(resolve(route, ref));
      }
    }
    Map<ParentAttachment, List<PortConflict>> conflicts = portConflicts(resolved);
    for (ParentAttachment a : resolved) {
      List<PortConflict> lost = conflicts.get(a);
      ParentAttachment finalA = lost == null ? a : withConflicts(a, lost);
      attachments.add(finalA);
      attachmentsByRoute.computeIfAbsent(finalA.route(), k -> new ArrayList<>()).add(finalA);
      finalA.gateway().ifPresent(g -> attachmentsByParent.computeIfAbsent(g.id(), k -> new ArrayList<>()).add(finalA));
      finalA.service().ifPresent(s -> attachmentsByParent.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(finalA));
    }
    Comparator<ParentAttachment> precedence = Comparator.comparing(ParentAttachment::route, ROUTE_PRECEDENCE);
    attachmentsByParent.values().forEach(list -> list.sort(precedence));
  }

  /** GEP-1294 order: kind, then the oldest creationTimestamp (absent last), then namespace/name. */
  static final Comparator<Route> ROUTE_PRECEDENCE = Comparator
      .comparing((Route r) -> r.kind().precedence())
      .thenComparing(r -> r.creationTimestamp().orElse("~"))
      .thenComparing(r -> r.namespace() + "/" + r.name());

  private ParentAttachment resolve(Route route, ParentRef ref) {
    if (ref.isGateway()) {
      return resolveGateway(route, ref);
    }
    if (ref.isMeshParent()) {
      return resolveService(route, ref);
    }
    if (inventory.exists(ref.targetId())) {
      return attachment(route, ref, Outcome.EXTERNAL, ref.describe() + " is not a parent kind ambient-lint checks");
    }
    String hint = ref.kind().equals("Service") && ref.group().equals(KnownKinds.GATEWAY_API)
        ? ": without group a parentRef's group defaults to " + KnownKinds.GATEWAY_API + "; a Service parent needs group: \"\""
        : ": Istio attaches routes to Gateways, Services (group \"\") and ServiceEntries only";
    return attachment(route, ref, Outcome.UNSUPPORTED_KIND,
        "parent kind " + (ref.group().isEmpty() ? "" : ref.group() + "/") + ref.kind() + " is not implemented" + hint);
  }

  /** A parentRef whose parent could not be examined (missing, external, unsupported kind). */
  private ParentAttachment attachment(Route route, ParentRef ref, Outcome outcome, String reason) {
    Scope scope = !ref.isMeshParent() ? Scope.GATEWAY
        : ref.namespace().equals(route.namespace()) ? Scope.SERVICE_NAMESPACE : Scope.CONSUMER;
    return new ParentAttachment(route, ref, outcome, reason, Optional.empty(), List.of(), Optional.empty(),
        Optional.empty(), scope, List.of(), List.of(), Optional.empty());
  }

  private ParentAttachment resolveGateway(Route route, ParentRef ref) {
    Optional<Gateway> found = inventory.gateway(ref.namespace(), ref.name());
    if (found.isEmpty()) {
      return inventory.exists(ref.targetId())
          ? attachment(route, ref, Outcome.EXTERNAL, "Gateway " + ref.namespace() + "/" + ref.name() + " is declared in config external")
          : attachment(route, ref, Outcome.NOT_FOUND, "Gateway " + ref.namespace() + "/" + ref.name() + " is not in the repository");
    }
    Gateway gw = found.get();
    List<Listener> matching = gw.listeners().stream()
        .filter(l -> ref.sectionName().map(l.name()::equals).orElse(true))
        .filter(l -> ref.port().isEmpty() || ref.port().getAsInt() == l.port())
        .toList();
    if (matching.isEmpty()) {
      String which = ref.sectionName().map(s -> "named " + s).orElse("")
          + (ref.sectionName().isPresent() && ref.port().isPresent() ? " " : "")
          + (ref.port().isPresent() ? "on port " + ref.port().getAsInt() : "");
      return gatewayAttachment(route, ref, gw, Outcome.NO_MATCHING_PARENT,
          gw.displayName() + " has no listener " + which + " (listeners: " + describeListeners(gw.listeners()) + ")",
          List.of(), Optional.empty());
    }
    if (waypoints.isEnvoyWaypointClass(gw.className())) {
      // GenerateGatewaySupportedKinds (pilot/pkg/config/kube/gatewaycommon/conversion.go) gives HBONE no route
      // kind, so every route naming the waypoint itself is NotAllowedByListeners; Services are its parents.
      Listener l = matching.get(0);
      return gatewayAttachment(route, ref, gw, Outcome.NOT_ALLOWED_BY_LISTENERS,
          gw.displayName() + " is an Istio waypoint: its listener " + l.name() + " (protocol " + l.protocol()
              + ") supports no route kind (supportedKinds: []), so routes cannot name the waypoint Gateway as parent",
          matching, Optional.of(gw.node(l.pointer() + "/protocol")));
    }
    List<Listener> namespaceOk = matching.stream().filter(l -> admitsNamespace(gw, l, route.namespace())).toList();
    if (namespaceOk.isEmpty()) {
      Listener l = matching.get(0);
      return gatewayAttachment(route, ref, gw, Outcome.NOT_ALLOWED_BY_LISTENERS,
          "listener " + l.name() + " of " + gw.displayName() + " " + describeNamespaces(gw, l)
              + ", not namespace " + route.namespace(),
          matching, Optional.of(gw.node(l.pointer() + "/allowedRoutes")));
    }
    List<Listener> kindOk = namespaceOk.stream().filter(l -> allowedKinds(gw, l).contains(route.kind())).toList();
    if (kindOk.isEmpty()) {
      Listener l = namespaceOk.get(0);
      return gatewayAttachment(route, ref, gw, Outcome.NOT_ALLOWED_BY_LISTENERS,
          "listener " + l.name() + " of " + gw.displayName() + " (protocol " + l.protocol() + ") allows "
              + describeKinds(gw, l) + ", not " + route.kind().kind(),
          matching, Optional.of(gw.node(l.pointer() + (l.allowedRoutes().has("kinds") ? "/allowedRoutes/kinds" : "/protocol"))));
    }
    List<Listener> hostOk = kindOk.stream()
        .filter(l -> Hostnames.intersect(l.hostname().orElse(null), route.hostnames()))
        .toList();
    if (hostOk.isEmpty()) {
      Listener l = kindOk.get(0);
      return gatewayAttachment(route, ref, gw, Outcome.NO_MATCHING_LISTENER_HOSTNAME,
          "the route's hostnames " + route.hostnames() + " match no hostname of the listeners that admit it ("
              + kindOk.stream().map(x -> x.name() + ": " + x.hostname().orElse("*")).collect(Collectors.joining(", ")) + ")",
          kindOk, Optional.of(gw.node(l.pointer() + "/hostname")));
    }
    return gatewayAttachment(route, ref, gw, Outcome.ACCEPTED,
        "attached to " + Phrases.plural(hostOk.size(), "listener") + " "
            + hostOk.stream().map(Listener::name).collect(Collectors.joining(", ")) + " of " + gw.displayName(),
        hostOk, Optional.empty());
  }

  private ParentAttachment gatewayAttachment(Route route, ParentRef ref, Gateway gw, Outcome outcome, String reason,
      List<Listener> listeners, Optional<NodeRef> decidedBy) {
    return new ParentAttachment(route, ref, outcome, reason, Optional.of(gw), List.copyOf(listeners), Optional.empty(),
        Optional.empty(), Scope.GATEWAY, List.of(), List.of(), decidedBy);
  }

  private static String describeListeners(List<Listener> listeners) {
    if (listeners.isEmpty()) {
      return "none";
    }
    return listeners.stream().map(l -> l.name() + " " + l.port() + "/" + l.protocol()).collect(Collectors.joining(", "));
  }

  private boolean admitsNamespace(Gateway gw, Listener l, String namespace) {
    JsonNode namespaces = l.allowedRoutes().path("namespaces");
    String from = Fields.text(namespaces, "from").orElse("Same");
    return switch (from) {
      case "All" -> true;
      case "Selector" -> {
        Map<String, String> labels = new HashMap<>(inventory.namespace(namespace).labels());
        labels.put(NAMESPACE_NAME_LABEL, namespace);
        yield LabelSelector.parse(namespaces.path("selector")).matches(labels);
      }
      case "None" -> false;
      default -> gw.namespace().equals(namespace);
    };
  }

  private static String describeNamespaces(Gateway gw, Listener l) {
    JsonNode namespaces = l.allowedRoutes().path("namespaces");
    return switch (Fields.text(namespaces, "from").orElse("Same")) {
      case "All" -> "allows routes from all namespaces";
      case "Selector" -> "allows routes from namespaces matching " + LabelSelector.parse(namespaces.path("selector"));
      case "None" -> "allows routes from no namespace";
      default -> "allows routes from its own namespace " + gw.namespace() + " only";
    };
  }

  /**
   * The route kinds a listener takes: its protocol's kinds (HTTP/HTTPS: HTTPRoute and GRPCRoute; TLS:
   * TLSRoute, plus TCPRoute when terminating; TCP: TCPRoute; UDP: UDPRoute), narrowed to {@code allowedRoutes.kinds}
   * when listed. Protocols without defined kinds (HBONE, istio.io/PROXY, vendor protocols) take what they list,
   * or every kind.
   */
  static Set<RouteKind> allowedKinds(Gateway gw, Listener l) {
    Set<RouteKind> byProtocol = switch (l.protocol()) {
      case "HTTP", "HTTPS" -> EnumSet.of(RouteKind.HTTP, RouteKind.GRPC);
      case "TLS" -> "Terminate".equals(Fields.text(gw.node(l.pointer() + "/tls").value(), "mode").orElse("Terminate"))
          ? EnumSet.of(RouteKind.TLS, RouteKind.TCP) : EnumSet.of(RouteKind.TLS);
      case "TCP" -> EnumSet.of(RouteKind.TCP);
      case "UDP" -> EnumSet.of(RouteKind.UDP);
      default -> EnumSet.allOf(RouteKind.class);
    };
    List<JsonNode> listed = Fields.array(l.allowedRoutes(), "kinds");
    if (listed.isEmpty()) {
      return byProtocol;
    }
    Set<RouteKind> out = EnumSet.noneOf(RouteKind.class);
    for (JsonNode k : listed) {
      RouteKind.of(Fields.text(k, "group").orElse(KnownKinds.GATEWAY_API), Fields.text(k, "kind").orElse(""))
          .filter(byProtocol::contains).ifPresent(out::add);
    }
    return out;
  }

  private static String describeKinds(Gateway gw, Listener l) {
    Set<RouteKind> kinds = allowedKinds(gw, l);
    return kinds.isEmpty() ? "no route kind" : kinds.stream().map(RouteKind::kind).collect(Collectors.joining(", "));
  }

  private ParentAttachment resolveService(Route route, ParentRef ref) {
    Optional<MeshService> found = meshParent(ref);
    if (found.isEmpty()) {
      String what = ref.isHostname() ? "no ServiceEntry has host " + ref.name()
          : (ref.isService() ? "Service " : "ServiceEntry ") + ref.namespace() + "/" + ref.name() + " is not in the repository";
      return inventory.exists(ref.targetId())
          ? attachment(route, ref, Outcome.EXTERNAL, ref.describe() + " is declared in config external")
          : attachment(route, ref, Outcome.NOT_FOUND, what);
    }
    MeshService service = found.get();
    WaypointBinding binding = waypoints.forService(service);
    Scope scope = route.namespace().equals(service.namespace()) ? Scope.SERVICE_NAMESPACE
        : binding.isBound() && binding.waypointNamespace().filter(route.namespace()::equals).isPresent()
            ? Scope.WAYPOINT_NAMESPACE : Scope.CONSUMER;
    List<Integer> ports;
    Outcome outcome;
    String reason;
    if (ref.port().isPresent() && service.port(ref.port().getAsInt()).isEmpty()) {
      ports = List.of();
      outcome = Outcome.PORT_NOT_ON_SERVICE;
      reason = service.lacksPort(ref.port().getAsInt());
    } else {
      ports = ref.port().isPresent() ? List.of(ref.port().getAsInt())
          : service.ports().stream().map(ServicePort::number).distinct().toList();
      // For ambient services the route does nothing without a waypoint; sidecar clients still apply it elsewhere.
      if (waypoints.missingUseWaypointLabel(service) && inventory.isAmbient(service)) {
        outcome = Outcome.MISSING_USE_WAYPOINT_LABEL;
        reason = service.displayName() + " is in ambient mode and not bound to a waypoint: " + binding.reason();
      } else {
        outcome = Outcome.ACCEPTED;
        reason = binding.isBound() ? "applied by waypoint " + binding.waypointDisplayName()
            + (scope == Scope.CONSUMER ? " only for clients in namespace " + route.namespace() + " that have sidecars" : "")
            : "applied by the clients' sidecars (" + binding.reason() + ")";
      }
    }
    return new ParentAttachment(route, ref, outcome, reason, Optional.empty(), List.of(), Optional.of(service),
        Optional.of(binding), scope, ports, List.of(), Optional.empty());
  }

  private Optional<MeshService> meshParent(ParentRef ref) {
    if (ref.isService() || ref.isServiceEntry()) {
      return inventory.meshService(ref.targetId());
    }
    return serviceEntryForHost(ref.name(), ref.namespace()).map(s -> s);
  }

  /** The ServiceEntry declaring {@code host}, preferring one in {@code namespace}. */
  private Optional<ServiceEntry> serviceEntryForHost(String host, String namespace) {
    List<ServiceEntry> entries = serviceEntriesByHost.getOrDefault(host, List.of());
    return entries.stream().filter(se -> se.namespace().equals(namespace)).findFirst()
        .or(() -> entries.stream().findFirst());
  }

  /**
   * Per service port, the highest route kind wins; accepted parentRefs of lower kinds lose that port. Routes
   * compete only with routes of the same namespace: producer routes with producer routes, and a consumer
   * namespace's routes with each other (for its clients they replace the producer routes, GEP-1294).
   */
  private static Map<ParentAttachment, List<PortConflict>> portConflicts(List<ParentAttachment> resolved) {
    Map<ServiceFrom, List<ParentAttachment>> byService = new LinkedHashMap<>();
    for (ParentAttachment a : resolved) {
      if (a.isAccepted() && a.service().isPresent() && a.route().kind().competesForServicePort()) {
        byService.computeIfAbsent(new ServiceFrom(a.service().get().id(), a.route().namespace()), k -> new ArrayList<>())
            .add(a);
      }
    }
    Map<ParentAttachment, List<PortConflict>> out = new IdentityHashMap<>();
    for (List<ParentAttachment> onService : byService.values()) {
      if (!mixesKinds(onService)) {
        continue;
      }
      Map<Integer, List<ParentAttachment>> byPort = new HashMap<>();
      onService.forEach(a -> a.ports().forEach(p -> byPort.computeIfAbsent(p, k -> new ArrayList<>()).add(a)));
      byPort.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
        ParentAttachment winner = e.getValue().stream()
            .min(Comparator.comparing(ParentAttachment::route, ROUTE_PRECEDENCE)).orElseThrow();
        for (ParentAttachment a : e.getValue()) {
          if (a.route().kind() != winner.route().kind()) {
            out.computeIfAbsent(a, k -> new ArrayList<>())
                .add(new PortConflict(e.getKey(), winner.route(), winner.parentRef()));
          }
        }
      });
    }
    return out;
  }

  /** Routes of one namespace on one service: the routes that compete for its ports. */
  private record ServiceFrom(ResourceId service, String routeNamespace) {}

  private static boolean mixesKinds(List<ParentAttachment> onService) {
    RouteKind first = onService.get(0).route().kind();
    for (ParentAttachment a : onService) {
      if (a.route().kind() != first) {
        return true;
      }
    }
    return false;
  }

  private static ParentAttachment withConflicts(ParentAttachment a, List<PortConflict> lost) {
    boolean lostAll = lost.size() == a.ports().size();
    String reason = lostAll
        ? "per Gateway API (GEP-1294) " + lost.get(0).winner().kind().kind() + " " + lost.get(0).winner().id().namespacedName()
            + " takes precedence on every port this route covers"
        : a.reason();
    return new ParentAttachment(a.route(), a.parentRef(), lostAll ? Outcome.CONFLICTED : a.outcome(), reason,
        a.gateway(), a.listeners(), a.service(), a.binding(), a.scope(), a.ports(), List.copyOf(lost), a.decidedBy());
  }

  // ---- backendRefs --------------------------------------------------------------------------------------

  private void resolveBackends() {
    for (Route route : routes) {
      List<BackendResolution> own = new ArrayList<>();
      for (RouteRule rule : route.rules()) {
        for (BackendRef ref : rule.backendRefs()) {
          own.add(resolve(route, rule, ref));
        }
      }
      if (!own.isEmpty()) {
        backendsByRoute.put(route, List.copyOf(own));
        backends.addAll(own);
      }
    }
  }

  private BackendResolution resolve(Route route, RouteRule rule, BackendRef ref) {
    boolean service = ref.isService();
    boolean serviceEntry = Kind.SERVICE_ENTRY.matches(ref.group(), ref.kind());
    boolean hostname = Kind.HOSTNAME.matches(ref.group(), ref.kind());
    boolean inferencePool = INFERENCE_GROUPS.contains(ref.group()) && ref.kind().equals(INFERENCE_POOL);
    String kindName = (ref.group().isEmpty() ? "" : ref.group() + "/") + ref.kind();
    if (serviceEntry) {
      // buildDestination (pilot/pkg/config/kube/gateway/conversion.go) has no ServiceEntry case: it falls to
      // the default, InvalidDestinationKind. ServiceEntry is a parent kind only; Hostname names its host.
      Optional<MeshService> entry = inventory.meshService(ref.targetId());
      String host = entry.filter(ServiceEntry.class::isInstance).map(ServiceEntry.class::cast)
          .flatMap(se -> se.hosts().stream().findFirst()).orElse("<a host of the ServiceEntry>");
      return backend(route, rule, ref, BackendResolution.Outcome.INVALID_KIND,
          "Istio does not implement networking.istio.io/ServiceEntry as a backend kind (ServiceEntry is a parent kind "
              + "only); write group: networking.istio.io, kind: Hostname, name: " + host, entry, Optional.empty());
    }
    // buildDestination also implements XBackend (with PILOT_ENABLE_ALPHA_GATEWAY_API) and MCS ServiceImport:
    // resolved outside what this tool checks.
    boolean otherImplemented = ref.group().equals("gateway.networking.x-k8s.io") && ref.kind().equals("XBackend")
        || ref.group().equals("multicluster.x-k8s.io") && ref.kind().equals("ServiceImport");
    if (!service && !hostname && !inferencePool && !otherImplemented) {
      return backend(route, rule, ref, BackendResolution.Outcome.INVALID_KIND,
          "backend kind " + kindName + " is not implemented by Istio (Service, networking.istio.io/Hostname, "
              + "XBackend, ServiceImport and InferencePool are)", Optional.empty(), Optional.empty());
    }
    Optional<ReferenceGrant> grant = Optional.empty();
    if (!hostname && !ref.namespace().equals(route.namespace()) && !route.isMeshOnly()) {
      grant = referenceGrantsIn(ref.namespace()).stream()
          .filter(g -> g.permits(KnownKinds.GATEWAY_API, route.kind().kind(), route.namespace(), ref.group(), ref.kind(), ref.name()))
          .findFirst();
      if (grant.isEmpty()) {
        return backend(route, rule, ref, BackendResolution.Outcome.REF_NOT_PERMITTED,
            "no ReferenceGrant in namespace " + ref.namespace() + " lets " + route.kind().kind() + "s from namespace "
                + route.namespace() + " refer to " + kindName + " " + ref.name(), Optional.empty(), Optional.empty());
      }
    }
    if (inferencePool || otherImplemented) {
      return backend(route, rule, ref, BackendResolution.Outcome.UNCHECKED, ref.kind() + " backends are not checked",
          Optional.empty(), grant);
    }
    Optional<MeshService> target = service ? inventory.meshService(ref.targetId())
        : serviceEntryForHost(ref.name(), route.namespace()).map(s -> s);
    if (target.isEmpty()) {
      if (inventory.exists(ref.targetId()) || hostname) {
        return backend(route, rule, ref, BackendResolution.Outcome.UNCHECKED, hostname
            ? "host " + ref.name() + " is declared by no ServiceEntry in the repository; Istio resolves it in its registry"
            : kindName + " " + ref.namespace() + "/" + ref.name() + " is declared in config external", Optional.empty(), grant);
      }
      String kindWord = "Service";
      return backend(route, rule, ref, BackendResolution.Outcome.NOT_FOUND, ref.name().isEmpty()
              ? "the backendRef names no " + kindWord + " (name is required)"
              : kindWord + " " + ref.namespace() + "/" + ref.name() + " is not in the repository",
          Optional.empty(), grant);
    }
    MeshService svc = target.get();
    if (ref.port().isEmpty()) {
      if (service) {
        return backend(route, rule, ref, BackendResolution.Outcome.PORT_REQUIRED,
            "a Service backendRef needs a port and this one has none", target, grant);
      }
    } else if (svc.port(ref.port().getAsInt()).isEmpty()) {
      return backend(route, rule, ref, BackendResolution.Outcome.PORT_NOT_FOUND,
          svc.lacksPort(ref.port().getAsInt()), target, grant);
    }
    return backend(route, rule, ref, BackendResolution.Outcome.RESOLVED, "sends to " + svc.displayName(), target, grant);
  }

  private static BackendResolution backend(Route route, RouteRule rule, BackendRef ref, BackendResolution.Outcome outcome,
      String reason, Optional<MeshService> target, Optional<ReferenceGrant> grant) {
    return new BackendResolution(route, rule, ref, outcome, reason, target, grant);
  }
}
