package io.ambientlint.core.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.model.Fields;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.model.GatewayClass;
import io.ambientlint.core.model.Kind;
import io.ambientlint.core.model.LabelSelector;
import io.ambientlint.core.model.Listener;
import io.ambientlint.core.model.MeshService;
import io.ambientlint.core.model.Namespace;
import io.ambientlint.core.model.NodeRef;
import io.ambientlint.core.model.Resource;
import io.ambientlint.core.model.ResourceId;
import io.ambientlint.core.model.ResourceView;
import io.ambientlint.core.model.ServiceEntry;
import io.ambientlint.core.model.Workload;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * docs/architecture.md "Which Gateways are waypoints" and "use-waypoint", as istiod decides them
 * ({@code pilot/pkg/serviceregistry/kube/controller/ambient/waypoints.go}): the use-waypoint labels of the
 * repository, what makes a Gateway a waypoint, its waypoint-for, readiness, bound listener and allowed
 * namespaces, and the binding of every service and workload. Built once with the graph; bindings are
 * resolved eagerly so every query is a map lookup.
 */
public final class WaypointResolver {

  /** A service or workload and the waypoint binding a label gave it. */
  public record Use(ResourceView subject, WaypointBinding binding) {}

  private final Inventory inventory;
  private final List<UseWaypointLabel> useWaypointLabels = new ArrayList<>();
  private final List<UseWaypointLabel> canaryLabels = new ArrayList<>();
  private final List<UseWaypointLabel> optOutLabels = new ArrayList<>();
  private final List<CanaryWeight> canaryWeights = new ArrayList<>();
  private final Map<ResourceId, List<UseWaypointLabel>> usesByGateway = new HashMap<>();
  private final Map<ResourceId, List<UseWaypointLabel>> canaryUsesByGateway = new HashMap<>();
  private final Map<Resource, WaypointBinding> bindings = new IdentityHashMap<>();
  private final Map<ResourceId, List<Use>> bindingsByGateway = new LinkedHashMap<>();
  /** Per Gateway (by identity), computed once in {@link #index()} and read-only afterwards. */
  private final Map<Resource, GatewayFacts> facts = new IdentityHashMap<>();

  /**
   * What the resolution needs of each Gateway, derived once; admissions are filled per namespace on demand
   * (rules ask from parallel threads, hence the concurrent map).
   */
  private record GatewayFacts(WaypointFor waypointFor, boolean ready, Optional<InboundBinding> inboundBinding,
      Optional<Listener> boundListener, Map<String, NamespaceAdmission> admissions) {}

  /** Indexes Gateways and labels, then resolves every service and workload once. */
  WaypointResolver(Inventory inventory) {
    this.inventory = inventory;
    for (Gateway gw : inventory.gateways()) {
      Optional<InboundBinding> binding = computeInboundBinding(gw);
      facts.put(gw.resource(), new GatewayFacts(computeWaypointFor(gw), computeReady(gw), binding,
          computeBoundListener(gw, binding), new ConcurrentHashMap<>()));
    }
    for (Namespace ns : inventory.namespaces()) {
      ns.declaration().ifPresent(r -> record(r, r.labels(), r.name(), r::labelNode, true));
    }
    for (MeshService s : inventory.services()) {
      record(s.resource(), s.labels(), s.namespace(), s.resource()::labelNode, true);
    }
    for (MeshService s : inventory.serviceEntries()) {
      record(s.resource(), s.labels(), s.namespace(), s.resource()::labelNode, true);
    }
    for (Workload w : inventory.workloads()) {
      // Canary labels are not read from pods or WorkloadEntries (AL110 says so).
      record(w.resource(), w.podLabels(), w.namespace(), w::podLabelNode, false);
    }
    // Each binding reads only the labels and Gateway facts indexed above (admissions go to a concurrent map and
    // are the same whoever computes them): resolve them in parallel, remember them in the order of old.
    List<ResourceView> subjects = new ArrayList<>(inventory.services().size() + inventory.serviceEntries().size()
        + inventory.workloads().size());
    subjects.addAll(inventory.services());
    subjects.addAll(inventory.serviceEntries());
    subjects.addAll(inventory.workloads());
    WaypointBinding[] resolved = new WaypointBinding[subjects.size()];
    IntStream.range(0, resolved.length).parallel().forEach(i -> resolved[i] = subjects.get(i) instanceof Workload w
        ? resolveWorkload(w) : resolveService((MeshService) subjects.get(i)));
    for (int i = 0; i < resolved.length; i++) {
      remember(subjects.get(i), resolved[i]);
    }
  }

  private void remember(ResourceView subject, WaypointBinding binding) {
    if (bindings.putIfAbsent(subject.resource(), binding) == null && binding.waypointName().isPresent()) {
      ResourceId gw = new ResourceId(Kind.GATEWAY, binding.waypointNamespace().orElseThrow(),
          binding.waypointName().orElseThrow());
      bindingsByGateway.computeIfAbsent(gw, k -> new ArrayList<>()).add(new Use(subject, binding));
    }
  }

  private void record(Resource holder, Map<String, String> labels, String namespace, Function<String, NodeRef> labelNode,
      boolean readCanary) {
    recordLabel(holder, labels, namespace, labelNode, IstioLabels.USE_WAYPOINT, IstioLabels.USE_WAYPOINT_NAMESPACE, false);
    if (readCanary) {
      recordLabel(holder, labels, namespace, labelNode, IstioLabels.USE_WAYPOINT_CANARY,
          IstioLabels.USE_WAYPOINT_CANARY_NAMESPACE, true);
      CanaryWeight.of(holder).ifPresent(canaryWeights::add);
    }
  }

  private void recordLabel(Resource holder, Map<String, String> labels, String namespace,
      Function<String, NodeRef> labelNode, String nameKey, String namespaceKey, boolean canary) {
    String name = labels.get(nameKey);
    if (name == null) {
      return;
    }
    String ns = labels.getOrDefault(namespaceKey, namespace);
    Optional<NodeRef> nsLabel = labels.containsKey(namespaceKey) ? Optional.of(labelNode.apply(namespaceKey)) : Optional.empty();
    ResourceId gatewayId = new ResourceId(Kind.GATEWAY, ns, name);
    UseWaypointLabel use = new UseWaypointLabel(labelNode.apply(nameKey), gatewayId, nsLabel, holder.kind(), holder, canary);
    if (name.equals(IstioLabels.NONE)) {
      // Istio reserves the value: it opts out and never names a Gateway called "none".
      if (!canary) {
        optOutLabels.add(use);
      }
      return;
    }
    (canary ? canaryLabels : useWaypointLabels).add(use);
    (canary ? canaryUsesByGateway : usesByGateway).computeIfAbsent(gatewayId, k -> new ArrayList<>()).add(use);
  }

  // ---- labels ------------------------------------------------------------------------------------------------

  public List<UseWaypointLabel> useWaypointLabels() {
    return Collections.unmodifiableList(useWaypointLabels);
  }

  public List<UseWaypointLabel> canaryLabels() {
    return Collections.unmodifiableList(canaryLabels);
  }

  /** The canary-weight annotations of Namespaces, Services and ServiceEntries, parsed. */
  public List<CanaryWeight> canaryWeights() {
    return Collections.unmodifiableList(canaryWeights);
  }

  /** {@code use-waypoint: none} labels; their {@code gateway} is the Gateway "none" they would have named. */
  public List<UseWaypointLabel> optOutLabels() {
    return Collections.unmodifiableList(optOutLabels);
  }

  /** The {@code use-waypoint} labels that name this Gateway as their waypoint. */
  public List<UseWaypointLabel> usesOf(ResourceId gateway) {
    return Collections.unmodifiableList(usesByGateway.getOrDefault(gateway, List.of()));
  }

  /** The {@code use-waypoint-canary} labels that name this Gateway. */
  public List<UseWaypointLabel> canaryUsesOf(ResourceId gateway) {
    return Collections.unmodifiableList(canaryUsesByGateway.getOrDefault(gateway, List.of()));
  }

  /** The services and workloads whose label (own or inherited) names this Gateway, bound or not. */
  public List<Use> bindingsTo(ResourceId gateway) {
    return Collections.unmodifiableList(bindingsByGateway.getOrDefault(gateway, List.of()));
  }

  // ---- waypoints ---------------------------------------------------------------------------------------------

  /** Istio's default waypoint class names. */
  private static boolean isDefaultIstioWaypointClass(String className) {
    return className.equals(IstioLabels.CLASS_ISTIO_WAYPOINT) || className.equals(IstioLabels.CLASS_AGENTGATEWAY_WAYPOINT);
  }

  /**
   * Istio's own waypoint classes: the default names, and any GatewayClass whose controllerName is
   * {@code istio.io/mesh-controller}. istiod keys its class behaviour by controller, not by class name
   * (builtinClasses / classInfos in pilot/pkg/config/kube/gatewaycommon, and buildListener's
   * {@code controllerName == ManagedGatewayMeshController} check in pilot/pkg/config/kube/gateway/conversion.go).
   */
  public boolean isIstioWaypointClass(String className) {
    return isDefaultIstioWaypointClass(className) || inventory.gatewayClass(className)
        .map(c -> c.controllerName().equals(IstioLabels.MESH_CONTROLLER_NAME)
            || c.controllerName().equals(IstioLabels.AGENTGATEWAY_WAYPOINT_CONTROLLER_NAME)).orElse(false);
  }

  /**
   * Istio's Envoy waypoint classes ({@code istio-waypoint}, or controller istio.io/mesh-controller): the ones
   * whose Gateways buildListener limits to a single HBONE listener on 15008, which admits no route kind.
   */
  public boolean isEnvoyWaypointClass(String className) {
    return className.equals(IstioLabels.CLASS_ISTIO_WAYPOINT) || inventory.gatewayClass(className)
        .map(c -> c.controllerName().equals(IstioLabels.MESH_CONTROLLER_NAME)).orElse(false);
  }

  /**
   * Does an Istio controller own the class? Istio's built-in classes, and any GatewayClass in the repository
   * whose controllerName is one of Istio's ({@code istio.io/...}).
   */
  public boolean isIstioOwnedClass(String className) {
    if (isIstioWaypointClass(className) || IstioLabels.ISTIO_BUILTIN_CLASSES.contains(className)) {
      return true;
    }
    return inventory.gatewayClass(className).map(c -> c.controllerName().startsWith("istio.io/")).orElse(false);
  }

  /** How a class came to be a waypoint class, or empty when it is not one. */
  public Optional<String> waypointClassReason(String className) {
    if (isDefaultIstioWaypointClass(className)) {
      return Optional.of("Istio's waypoint class");
    }
    if (isIstioWaypointClass(className)) {
      return Optional.of("GatewayClass " + className + " has an Istio waypoint controllerName");
    }
    if (inventory.config().waypointClasses().contains(className)) {
      return Optional.of("named in config waypointClasses / --waypoint-class");
    }
    Optional<GatewayClass> cls = inventory.gatewayClass(className);
    if (cls.isPresent() && cls.get().labels().containsKey(IstioLabels.WAYPOINT_FOR)) {
      return Optional.of("GatewayClass " + className + " declares " + IstioLabels.WAYPOINT_FOR);
    }
    if (cls.isPresent() && cls.get().resource().annotations().containsKey(IstioLabels.WAYPOINT_INBOUND_BINDING)) {
      return Optional.of("GatewayClass " + className + " declares " + IstioLabels.WAYPOINT_INBOUND_BINDING);
    }
    return Optional.empty();
  }

  public boolean isWaypointClass(String className) {
    return waypointClassReason(className).isPresent();
  }

  /** The Gateways that are waypoints, in load order. */
  public List<Gateway> waypoints() {
    return inventory.gateways().stream().filter(this::isWaypoint).toList();
  }

  /**
   * Would istiod put MissingUseWaypointLabel on a route parentRef to this service? referenceAllowed
   * (pilot/pkg/config/kube/gateway/conversion.go): neither the service nor its Namespace has a configured
   * {@code istio.io/use-waypoint} (present, non-empty, not {@code none} in any case). Whether the namespace is
   * ambient does not matter; an unknown Namespace object skips the check.
   */
  public boolean missingUseWaypointLabel(MeshService service) {
    Namespace ns = inventory.namespace(service.namespace());
    return !waypointConfigured(service.labels()) && ns.labelsKnown() && !waypointConfigured(ns.labels());
  }

  private static boolean waypointConfigured(Map<String, String> labels) {
    String value = labels.get(IstioLabels.USE_WAYPOINT);
    return value != null && !value.isEmpty() && !value.equalsIgnoreCase(IstioLabels.NONE);
  }

  /** A Gateway is a waypoint when its class is a waypoint class or some use-waypoint label names it. */
  public boolean isWaypoint(Gateway gateway) {
    return isWaypointClass(gateway.className()) || usesByGateway.containsKey(gateway.id())
        || canaryUsesByGateway.containsKey(gateway.id());
  }

  private GatewayFacts facts(Gateway gateway) {
    GatewayFacts known = facts.get(gateway.resource());
    if (known != null) {
      return known;
    }
    Optional<InboundBinding> binding = computeInboundBinding(gateway);
    return new GatewayFacts(computeWaypointFor(gateway), computeReady(gateway), binding,
        computeBoundListener(gateway, binding), new ConcurrentHashMap<>());
  }

  /** Gateway label, else GatewayClass label, else {@code service}. */
  public WaypointFor waypointFor(Gateway gateway) {
    return facts(gateway).waypointFor();
  }

  private WaypointFor computeWaypointFor(Gateway gateway) {
    String own = gateway.labels().get(IstioLabels.WAYPOINT_FOR);
    if (own != null) {
      return new WaypointFor(own, Optional.of(gateway.resource().labelNode(IstioLabels.WAYPOINT_FOR)));
    }
    Optional<GatewayClass> cls = inventory.gatewayClass(gateway.className());
    if (cls.isPresent() && cls.get().labels().containsKey(IstioLabels.WAYPOINT_FOR)) {
      return new WaypointFor(cls.get().labels().get(IstioLabels.WAYPOINT_FOR),
          Optional.of(cls.get().resource().labelNode(IstioLabels.WAYPOINT_FOR)));
    }
    return new WaypointFor(WaypointFor.SERVICE, Optional.empty());
  }

  /** Ready unless exported status shows no usable address. Git manifests rarely carry status. */
  public boolean isReady(Gateway gateway) {
    return facts(gateway).ready();
  }

  /**
   * Without status (manifests in Git) the Gateway counts as ready. With status, istiod's getGatewayAddress
   * (pilot/pkg/serviceregistry/ambient/waypoints.go) takes the first {@code Hostname} address, else the first
   * {@code IPAddress} that parses as an IP, skipping the rest: one usable address is enough. An address without
   * {@code type} is {@code IPAddress}, the CRD default the API server fills in.
   */
  private static boolean computeReady(Gateway gateway) {
    return !gateway.hasStatus() || usableAddress(gateway).isPresent();
  }

  /** The status address istiod hands ztunnel for this waypoint, if any. */
  public static Optional<String> usableAddress(Gateway gateway) {
    List<JsonNode> addresses = Fields.array(gateway.resource().status(), "addresses");
    for (JsonNode a : addresses) {
      if (Fields.text(a, "type").filter("Hostname"::equals).isPresent() && Fields.text(a, "value").isPresent()) {
        return Fields.text(a, "value");
      }
    }
    for (JsonNode a : addresses) {
      Optional<String> value = Fields.text(a, "value");
      if (Fields.text(a, "type").orElse("IPAddress").equals("IPAddress") && value.filter(AddressSyntax::isIpLiteral).isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }

  /** The inbound-binding annotation of the Gateway, else of its GatewayClass (the Gateway's wins). */
  public Optional<InboundBinding> inboundBinding(Gateway gateway) {
    return facts(gateway).inboundBinding();
  }

  private Optional<InboundBinding> computeInboundBinding(Gateway gateway) {
    String own = gateway.resource().annotations().get(IstioLabels.WAYPOINT_INBOUND_BINDING);
    if (own != null) {
      return Optional.of(InboundBinding.parse(own, gateway.resource().annotationNode(IstioLabels.WAYPOINT_INBOUND_BINDING)));
    }
    return inventory.gatewayClass(gateway.className())
        .filter(c -> c.resource().annotations().containsKey(IstioLabels.WAYPOINT_INBOUND_BINDING))
        .map(c -> InboundBinding.parse(c.resource().annotations().get(IstioLabels.WAYPOINT_INBOUND_BINDING),
            c.resource().annotationNode(IstioLabels.WAYPOINT_INBOUND_BINDING)));
  }

  /**
   * The listener ztunnel's traffic arrives on: with a valid inbound binding, the listener on its port (or, with
   * {@code PROXY} and no port, the first {@code istio.io/PROXY} listener); otherwise the HBONE listener on 15008.
   */
  public Optional<Listener> boundListener(Gateway gateway) {
    return facts(gateway).boundListener();
  }

  private static Optional<Listener> computeBoundListener(Gateway gateway, Optional<InboundBinding> inbound) {
    Optional<InboundBinding> binding = inbound.filter(InboundBinding::valid);
    if (binding.isPresent()) {
      InboundBinding b = binding.get();
      for (Listener l : gateway.listeners()) {
        if (b.port().isPresent() ? l.port() == b.port().getAsInt()
            : b.isProxy() && l.protocol().equals(IstioLabels.PROXY_PROTOCOL)) {
          return Optional.of(l);
        }
      }
    }
    return gateway.listeners().stream().filter(l -> l.isHbone() && l.port() == IstioLabels.HBONE_PORT).findFirst();
  }

  /** Does the waypoint's bound listener admit objects from {@code namespace}? Default: same namespace only. */
  public NamespaceAdmission admits(Gateway gateway, String namespace) {
    return facts(gateway).admissions().computeIfAbsent(namespace, ns -> computeAdmission(gateway, ns));
  }

  private NamespaceAdmission computeAdmission(Gateway gateway, String namespace) {
    Optional<Listener> listener = boundListener(gateway);
    boolean same = gateway.namespace().equals(namespace);
    if (listener.isEmpty()) {
      return new NamespaceAdmission(same, "it has no bound listener, so only its own namespace " + gateway.namespace()
          + " may use it", Optional.empty(), Optional.empty());
    }
    Listener l = listener.get();
    JsonNode namespaces = l.allowedRoutes().path("namespaces");
    String from = Fields.text(namespaces, "from").orElse("Same");
    NodeRef listenerNode = gateway.node(l.pointer());
    NodeRef fromNode = namespaces.path("from").isTextual()
        ? gateway.node(l.pointer() + "/allowedRoutes/namespaces/from") : listenerNode;
    String name = "listener " + (l.name().isEmpty() ? String.valueOf(l.port()) : l.name());
    return switch (from) {
      case "All" -> new NamespaceAdmission(true, name + " allows All namespaces", listener, Optional.of(fromNode));
      case "Selector" -> {
        LabelSelector selector = LabelSelector.parse(namespaces.path("selector"));
        // Unknown labels decide nothing: only a selector on kubernetes.io/metadata.name alone can deny then.
        boolean match = selector.matches(namespaceLabels(namespace))
            || !inventory.namespace(namespace).labelsKnown() && !onlyMetadataName(selector);
        yield new NamespaceAdmission(match, name + " allows namespaces matching {" + selector + "}", listener,
            Optional.of(gateway.node(l.pointer() + "/allowedRoutes/namespaces/selector")));
      }
      default -> new NamespaceAdmission(same, name + " allows only its own namespace " + gateway.namespace()
          + (namespaces.path("from").isTextual() ? "" : " (allowedRoutes.namespaces.from defaults to Same)"),
          listener, Optional.of(fromNode));
    };
  }

  private static boolean onlyMetadataName(LabelSelector selector) {
    return java.util.stream.Stream.concat(selector.matchLabels().keySet().stream(),
            selector.matchExpressions().stream().map(LabelSelector.Requirement::key))
        .allMatch("kubernetes.io/metadata.name"::equals);
  }

  /** A namespace's labels as the API server sees them: Kubernetes adds {@code kubernetes.io/metadata.name}. */
  private Map<String, String> namespaceLabels(String namespace) {
    Map<String, String> labels = new HashMap<>(inventory.namespace(namespace).labels());
    labels.putIfAbsent("kubernetes.io/metadata.name", namespace);
    return labels;
  }

  /** {@code istio.io/ingress-use-waypoint} of the service, else of its namespace. */
  public IngressUseWaypoint ingressUseWaypoint(MeshService service) {
    String own = service.labels().get(IstioLabels.INGRESS_USE_WAYPOINT);
    if (own != null) {
      return IngressUseWaypoint.of(own, service.resource().labelNode(IstioLabels.INGRESS_USE_WAYPOINT));
    }
    Namespace ns = inventory.namespace(service.namespace());
    String inherited = ns.labels().get(IstioLabels.INGRESS_USE_WAYPOINT);
    if (inherited != null) {
      return IngressUseWaypoint.of(inherited, ns.labelNode(IstioLabels.INGRESS_USE_WAYPOINT)
          .orElse(service.resource().node("")));
    }
    return IngressUseWaypoint.ABSENT;
  }

  // ---- bindings ----------------------------------------------------------------------------------------------

  /** The waypoint serving requests to a Service or ServiceEntry. */
  public WaypointBinding forService(MeshService service) {
    WaypointBinding cached = bindings.get(service.resource());
    return cached != null ? cached : resolveService(service);
  }

  /** The waypoint serving traffic addressed to a workload's pods (or WorkloadEntry) directly. */
  public WaypointBinding forWorkload(Workload workload) {
    WaypointBinding cached = bindings.get(workload.resource());
    return cached != null ? cached : resolveWorkload(workload);
  }

  private WaypointBinding resolveService(MeshService service) {
    if (IstioLabels.MESH_CONTROLLER.equals(service.labels().get(IstioLabels.GATEWAY_MANAGED))) {
      return WaypointBinding.none(service.displayName() + " belongs to a waypoint, which never uses a waypoint itself");
    }
    boolean namespaceVisible = inventory.config().serviceEntryVisibility() && service instanceof ServiceEntry se
        && !se.exportTo().isEmpty()
        && se.exportTo().stream().allMatch(e -> e.equals(".") || e.equals(se.namespace()));
    return resolve(service.resource(), service.labels(), service.namespace(), true, service.resource()::labelNode,
        namespaceVisible);
  }

  private WaypointBinding resolveWorkload(Workload workload) {
    return resolve(workload.resource(), workload.podLabels(), workload.namespace(), false, workload::podLabelNode, false);
  }

  /**
   * The object's own label wins outright (no fallback to the namespace's once it has one); {@code none} opts out.
   * Checks in istiod's order: the Gateway exists and is ready, admits the namespace, serves the traffic type.
   */
  private WaypointBinding resolve(Resource holder, Map<String, String> labels, String namespace, boolean forService,
      Function<String, NodeRef> labelNode, boolean namespaceVisibleServiceEntry) {
    WaypointBinding.LabelSource source;
    String name;
    String waypointNamespace;
    NodeRef label;
    Optional<NodeRef> nsLabel;
    if (labels.containsKey(IstioLabels.USE_WAYPOINT)) {
      source = WaypointBinding.LabelSource.OBJECT;
      name = labels.get(IstioLabels.USE_WAYPOINT);
      waypointNamespace = labels.getOrDefault(IstioLabels.USE_WAYPOINT_NAMESPACE, namespace);
      label = labelNode.apply(IstioLabels.USE_WAYPOINT);
      nsLabel = labels.containsKey(IstioLabels.USE_WAYPOINT_NAMESPACE)
          ? Optional.of(labelNode.apply(IstioLabels.USE_WAYPOINT_NAMESPACE)) : Optional.empty();
    } else {
      Namespace ns = inventory.namespace(namespace);
      if (!ns.labelsKnown()) {
        return WaypointBinding.unknown("no " + IstioLabels.USE_WAYPOINT + " label on " + holder.displayName()
            + ", and the labels of its namespace " + namespace + " are unknown (not declared in the repository nor "
            + "in config namespaces:)");
      }
      if (!ns.labels().containsKey(IstioLabels.USE_WAYPOINT)) {
        return WaypointBinding.none("no " + IstioLabels.USE_WAYPOINT + " label on " + holder.displayName()
            + " nor on its namespace " + namespace);
      }
      source = WaypointBinding.LabelSource.NAMESPACE;
      name = ns.labels().get(IstioLabels.USE_WAYPOINT);
      waypointNamespace = ns.labels().getOrDefault(IstioLabels.USE_WAYPOINT_NAMESPACE, namespace);
      label = ns.labelNode(IstioLabels.USE_WAYPOINT).orElse(holder.node(""));
      nsLabel = ns.labelNode(IstioLabels.USE_WAYPOINT_NAMESPACE);
    }
    String where = source == WaypointBinding.LabelSource.OBJECT ? holder.displayName() : "Namespace " + namespace;
    if (name.equals(IstioLabels.NONE)) {
      return new WaypointBinding(WaypointBinding.Status.OPTED_OUT, source, Optional.empty(), Optional.empty(),
          Optional.empty(), Optional.of(label), nsLabel, IstioLabels.USE_WAYPOINT + "=none on " + where + " opts out");
    }
    Optional<Gateway> gateway = inventory.gateway(waypointNamespace, name);
    String asked = IstioLabels.USE_WAYPOINT + "=" + name + " on " + where;
    String gatewayName = "Gateway " + waypointNamespace + "/" + name;
    Function<WaypointBinding.Status, Function<String, WaypointBinding>> binding = status -> reason ->
        new WaypointBinding(status, source, Optional.of(name), Optional.of(waypointNamespace), gateway,
            Optional.of(label), nsLabel, reason);
    if (gateway.isEmpty()) {
      if (inventory.config().isExternal(Kind.GATEWAY, waypointNamespace, name)) {
        return binding.apply(WaypointBinding.Status.BOUND_EXTERNAL).apply(asked + " (" + gatewayName
            + " is declared in config external)");
      }
      return binding.apply(WaypointBinding.Status.MISSING).apply(asked + " names " + gatewayName
          + ", which is not in the repository");
    }
    Gateway gw = gateway.get();
    if (!isReady(gw)) {
      return binding.apply(WaypointBinding.Status.NOT_READY).apply(asked + ": " + gatewayName
          + " has no usable status.addresses, so it is not ready");
    }
    NamespaceAdmission admission = admits(gw, namespace);
    if (!admission.allowed()) {
      return binding.apply(WaypointBinding.Status.NAMESPACE_DENIED).apply(asked + ": waypoint " + gatewayName
          + " does not admit namespace " + namespace + " (" + admission.rule() + ")");
    }
    WaypointFor waypointFor = waypointFor(gw);
    boolean covered = forService ? waypointFor.servesServices() : waypointFor.servesWorkloads();
    String kind = forService ? "service" : "workload";
    if (!covered) {
      if (source == WaypointBinding.LabelSource.NAMESPACE) {
        return binding.apply(WaypointBinding.Status.NOT_APPLICABLE).apply("the namespace's waypoint " + gatewayName
            + " has waypoint-for " + waypointFor.value() + ", so " + kind + " traffic is not bound to it");
      }
      return binding.apply(WaypointBinding.Status.TRAFFIC_TYPE_NOT_COVERED).apply(asked + ": waypoint " + gatewayName
          + " has waypoint-for " + waypointFor.value() + ", which does not serve " + kind + " traffic");
    }
    if (namespaceVisibleServiceEntry && !waypointNamespace.equals(namespace)) {
      return binding.apply(WaypointBinding.Status.SERVICE_ENTRY_VISIBILITY).apply(asked + ": the ServiceEntry is "
          + "exported only to namespace " + namespace + ", so with serviceEntryVisibility it cannot use a waypoint in "
          + waypointNamespace);
    }
    return binding.apply(WaypointBinding.Status.BOUND).apply(asked);
  }
}
