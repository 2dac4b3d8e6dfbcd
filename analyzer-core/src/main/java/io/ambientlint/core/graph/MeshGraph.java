package io.ambientlint.core.graph;

import io.ambientlint.core.config.Config;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.load.SourceFile;
import io.ambientlint.core.model.AuthorizationPolicy;
import io.ambientlint.core.model.DestinationRule;
import io.ambientlint.core.model.EnvoyFilter;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.model.GatewayClass;
import io.ambientlint.core.model.KnownKinds;
import io.ambientlint.core.model.LabelSelector;
import io.ambientlint.core.model.Listener;
import io.ambientlint.core.model.MeshService;
import io.ambientlint.core.model.Model;
import io.ambientlint.core.model.Namespace;
import io.ambientlint.core.model.ReferenceGrant;
import io.ambientlint.core.model.Route;
import io.ambientlint.core.model.NodeRef;
import io.ambientlint.core.model.Resource;
import io.ambientlint.core.model.ResourceId;
import io.ambientlint.core.model.Service;
import io.ambientlint.core.model.ServiceEntry;
import io.ambientlint.core.model.TargetablePolicy;
import io.ambientlint.core.model.StatusCondition;
import io.ambientlint.core.model.VirtualService;
import io.ambientlint.core.model.Workload;
import io.ambientlint.core.policy.SourceIdentity;
import io.ambientlint.core.policy.ZtunnelPolicy;
import io.ambientlint.core.schema.SchemaRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;

/**
 * The repository as istiod would see it: namespaces, workloads, services, waypoints and what binds them.
 * Built once and immutable; every question a rule asks is a named method that also says why, so rules
 * never re-scan raw YAML. Lookups go through indexes built here: no query walks every resource.
 */
public final class MeshGraph {

  private final Model model;
  private final Config config;
  private final List<Diagnostic> diagnostics;
  private final List<SourceFile> files;
  private final SchemaRegistry schemas;

  private final Map<String, Namespace> namespaces;
  private final List<Service> services = new ArrayList<>();
  private final List<ServiceEntry> serviceEntries = new ArrayList<>();
  private final List<Workload> workloads = new ArrayList<>();
  private final List<Gateway> gateways = new ArrayList<>();
  private final Map<String, GatewayClass> gatewayClasses = new LinkedHashMap<>();

  private final Map<ResourceId, Service> servicesById = new HashMap<>();
  private final Map<ResourceId, ServiceEntry> serviceEntriesById = new HashMap<>();
  private final Map<ResourceId, Gateway> gatewaysById = new HashMap<>();
  private final Map<ResourceId, Workload> workloadsById = new HashMap<>();
  private final Map<String, List<Workload>> workloadsByNamespace = new HashMap<>();
  private final Map<String, List<Service>> servicesByNamespace = new HashMap<>();
  /** namespace -> "key=value" -> workloads whose pods carry that label: selector matching starts here. */
  private final Map<String, Map<String, List<Workload>>> workloadsByLabel = new HashMap<>();
  /** Enrolment of each namespace of {@link #namespaces}, computed once: every workload and service asks for it. */
  private final Map<String, Enrolment> namespaceEnrolments = new HashMap<>();
  /** Enrolment of each workload of {@link #workloads}, computed once (by identity: a Workload record is deep). */
  private final Map<Workload, Enrolment> workloadEnrolments = new IdentityHashMap<>();
  private final WaypointResolver waypoints = new WaypointResolver(this);
  /** Gateway API routes and their resolved parentRefs and backendRefs; built last, it asks the graph above. */
  private RouteIndex routeIndex;
  private PolicyIndex policyIndex;
  private HostIndex hostIndex;
  private EnvoyFilterIndex envoyFilterIndex;
  private List<StatusCondition> statusConditions;

  /**
   * A {@code use-waypoint} (or, with {@code canary}, {@code use-waypoint-canary}) label somewhere in the repository,
   * the Gateway id it names and the object that carries it.
   */
  public record UseWaypointLabel(NodeRef label, ResourceId gateway, Optional<NodeRef> namespaceLabel, String holderKind,
      Resource holder, boolean canary) {

    /** The namespace whose objects this label binds: the Namespace itself, or the labelled object's. */
    public String holderNamespace() {
      return isNamespaceLabel() ? holder.name() : holder.namespace();
    }

    public boolean isNamespaceLabel() {
      return holder.id().isKind("", "Namespace");
    }

    /** Does the label bind services (Service, ServiceEntry) rather than workloads? Namespace labels bind both. */
    public boolean bindsServices() {
      return holder.id().isKind("", "Service") || holder.id().isKind(KnownKinds.ISTIO_NETWORKING, "ServiceEntry");
    }

    /** {@code istio.io/use-waypoint=waypoint on Namespace books}. */
    public String describe() {
      String key = canary ? IstioLabels.USE_WAYPOINT_CANARY : IstioLabels.USE_WAYPOINT;
      return key + "=" + gateway.name() + " on " + holder.displayName();
    }
  }

  private MeshGraph(Model model, Config config, List<Diagnostic> diagnostics, List<SourceFile> files,
      SchemaRegistry schemas) {
    this.model = model;
    this.schemas = schemas;
    this.config = config;
    this.diagnostics = List.copyOf(diagnostics);
    this.files = List.copyOf(files);
    this.namespaces = new TreeMap<>();
  }

  /** A graph whose schema registry reads config {@code crds} relative to the working directory. */
  public static MeshGraph build(Model model, Config config, List<Diagnostic> diagnostics, List<SourceFile> files) {
    SchemaRegistry schemas = SchemaRegistry.build(model, config, java.nio.file.Path.of(""));
    List<Diagnostic> all = new ArrayList<>(diagnostics);
    all.addAll(schemas.diagnostics());
    return build(model, config, all, files, schemas);
  }

  public static MeshGraph build(Model model, Config config, List<Diagnostic> diagnostics, List<SourceFile> files,
      SchemaRegistry schemas) {
    MeshGraph g = new MeshGraph(model, config, diagnostics, files, schemas);
    g.index();
    return g;
  }

  private void index() {
    for (Resource r : model.ofKind("", "Namespace")) {
      namespaces.putIfAbsent(r.name(), Namespace.declared(r));
    }
    for (String ns : model.namespacesInUse()) {
      namespaces.computeIfAbsent(ns, this::undeclaredNamespace);
    }
    // The model read each resource's typed view; index them here, each kind in load order.
    for (Service s : model.views("", "Service", Service.class)) {
      services.add(s);
      servicesById.putIfAbsent(s.id(), s);
      servicesByNamespace.computeIfAbsent(s.namespace(), k -> new ArrayList<>()).add(s);
    }
    for (ServiceEntry se : model.views(KnownKinds.ISTIO_NETWORKING, "ServiceEntry", ServiceEntry.class)) {
      serviceEntries.add(se);
      serviceEntriesById.putIfAbsent(se.id(), se);
    }
    for (Gateway gw : model.views(KnownKinds.GATEWAY_API, "Gateway", Gateway.class)) {
      gateways.add(gw);
      gatewaysById.putIfAbsent(gw.id(), gw);
    }
    for (GatewayClass gc : model.views(KnownKinds.GATEWAY_API, "GatewayClass", GatewayClass.class)) {
      gatewayClasses.putIfAbsent(gc.name(), gc);
    }
    model.workloads().forEach(this::addWorkload);
    namespaces.values().forEach(ns -> namespaceEnrolments.put(ns.name(), computeNamespaceEnrolment(ns)));
    Enrolment[] enrolments = new Enrolment[workloads.size()];
    IntStream.range(0, enrolments.length).parallel().forEach(i -> enrolments[i] = computeEnrolment(workloads.get(i)));
    for (int i = 0; i < enrolments.length; i++) {
      workloadEnrolments.put(workloads.get(i), enrolments[i]);
    }
    waypoints.index();
    // The policy index and the route and classic indexes read only what is built above, never each other:
    // build the policies on another thread meanwhile. Each index is built by one thread, so its content and
    // order are the same as when built one after the other; join() publishes it to this thread.
    CompletableFuture<PolicyIndex> policies = CompletableFuture.supplyAsync(() -> new PolicyIndex(this));
    routeIndex = RouteIndex.build(this);
    indexClassicApis();
    try {
      policyIndex = policies.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  private void addWorkload(Workload w) {
    workloads.add(w);
    if (workloadsById.putIfAbsent(w.id(), w) != null) {
      return; // a second definition of one object (AL903): selectors and namespaces find the object once
    }
    workloadsByNamespace.computeIfAbsent(w.namespace(), k -> new ArrayList<>()).add(w);
    Map<String, List<Workload>> byLabel = workloadsByLabel.computeIfAbsent(w.namespace(), k -> new HashMap<>());
    w.podLabels().forEach((k, v) -> byLabel.computeIfAbsent(k + "=" + v, x -> new ArrayList<>()).add(w));
  }

  // ---- Repository ---------------------------------------------------------------------------------------

  public Model model() {
    return model;
  }

  public Config config() {
    return config;
  }

  /** The schemas of this analysis (repository CRDs, {@code --crd} files, bundled), compiled on demand and shared. */
  public SchemaRegistry schemas() {
    return schemas;
  }

  /** Everything the loader reported: syntax errors, duplicate keys, skipped and unreadable files. */
  public List<Diagnostic> loadDiagnostics() {
    return diagnostics;
  }

  public List<SourceFile> files() {
    return files;
  }

  public List<Resource> resources() {
    return model.resources();
  }

  public Optional<Resource> resource(ResourceId id) {
    return model.resource(id);
  }

  /** Is the object in the repository, declared in config {@code external}, or built into every Istio cluster? */
  public boolean exists(ResourceId id) {
    return model.resource(id).isPresent() || config.isExternal(id.group(), id.kind(), id.namespace(), id.name())
        || isBuiltIn(id);
  }

  /**
   * Objects every ambient cluster has, so never "missing" (DESIGN §2b): the root namespace and istiod in it,
   * {@code kube-system/kube-dns}, {@code default/kubernetes}, and the GatewayClasses Istio installs.
   */
  public boolean isBuiltIn(ResourceId id) {
    String root = config.rootNamespace();
    if (id.isKind("", "Namespace")) {
      return id.name().equals(root) || id.name().equals("kube-system") || id.name().equals("default");
    }
    if (id.isKind("", "Service")) {
      return id.namespace().equals(root) && id.name().equals("istiod")
          || id.namespace().equals("kube-system") && id.name().equals("kube-dns")
          || id.namespace().equals("default") && id.name().equals("kubernetes");
    }
    if (id.isKind("apps", "Deployment")) {
      return id.namespace().equals(root) && id.name().equals("istiod");
    }
    return id.isKind(KnownKinds.GATEWAY_API, "GatewayClass")
        && (id.name().equals(IstioLabels.CLASS_ISTIO_WAYPOINT) || IstioLabels.ISTIO_BUILTIN_CLASSES.contains(id.name()));
  }

  // ---- Namespaces and workloads -------------------------------------------------------------------------

  public Collection<Namespace> namespaces() {
    return namespaces.values();
  }

  /** The namespace, declared (in the repository or config {@code namespaces:}) or implicit. */
  public Namespace namespace(String name) {
    Namespace ns = namespaces.get(name);
    return ns != null ? ns : undeclaredNamespace(name);
  }

  /**
   * Unknown is not absent (DESIGN §2b): a namespace managed elsewhere has the labels config declares, else unknown
   * labels unless config assumes undeclared namespaces are unlabelled.
   */
  private Namespace undeclaredNamespace(String name) {
    Map<String, String> configured = config.gitops().namespaces().get(name);
    if (configured != null) {
      return Namespace.configured(name, configured);
    }
    return config.gitops().undeclaredNamespacesUnlabelled() ? Namespace.assumedUnlabelled(name) : Namespace.implicit(name);
  }

  /**
   * Are the namespace's labels known (DESIGN §2b "unknown is not absent")? Yes when the repository declares it,
   * config {@code namespaces:} declares its labels, or config {@code assumeUndeclaredNamespaces: unlabelled}.
   * When not, every verdict resting on its labels (enrolment, use-waypoint, listener Selector admission,
   * sidecar injection) is withheld: only {@code kubernetes.io/metadata.name} is known.
   */
  public boolean namespaceLabelsKnown(String name) {
    return namespace(name).labelsKnown();
  }

  /**
   * The namespaces of the cluster's services, service entries and workloads whose labels are unknown (sorted):
   * any label may be on them and bind those objects, an {@code istio.io/use-waypoint} naming a waypoint of
   * another namespace included.
   */
  public List<String> meshNamespacesWithUnknownLabels() {
    java.util.TreeSet<String> out = new java.util.TreeSet<>();
    services.forEach(s -> out.add(s.namespace()));
    serviceEntries().forEach(s -> out.add(s.namespace()));
    workloads().forEach(w -> out.add(w.namespace()));
    out.removeIf(this::namespaceLabelsKnown);
    return List.copyOf(out);
  }

  public List<Service> services() {
    return services;
  }

  public Optional<Service> service(String namespace, String name) {
    return Optional.ofNullable(servicesById.get(new ResourceId("", "Service", namespace, name)));
  }

  public List<Service> servicesIn(String namespace) {
    return servicesByNamespace.getOrDefault(namespace, List.of());
  }

  public List<ServiceEntry> serviceEntries() {
    return serviceEntries;
  }

  public Optional<ServiceEntry> serviceEntry(String namespace, String name) {
    return Optional.ofNullable(serviceEntriesById.get(new ResourceId(KnownKinds.ISTIO_NETWORKING, "ServiceEntry", namespace, name)));
  }

  /** The Service or ServiceEntry with this id; empty for another kind or an object not in the repository. */
  public Optional<MeshService> meshService(ResourceId id) {
    if (id.isKind("", "Service")) {
      return service(id.namespace(), id.name()).map(s -> s);
    }
    if (id.isKind(KnownKinds.ISTIO_NETWORKING, "ServiceEntry")) {
      return serviceEntry(id.namespace(), id.name()).map(s -> s);
    }
    return Optional.empty();
  }

  public List<Workload> workloads() {
    return workloads;
  }

  public Optional<Workload> workload(ResourceId id) {
    return Optional.ofNullable(workloadsById.get(id));
  }

  public List<Workload> workloadsIn(String namespace) {
    return workloadsByNamespace.getOrDefault(namespace, List.of());
  }

  /** Workloads in {@code namespace} whose pod labels match {@code selector}; an empty selector selects nothing. */
  public List<Workload> workloadsSelectedBy(String namespace, Map<String, String> selector) {
    if (selector.isEmpty()) {
      return List.of();
    }
    Map.Entry<String, String> first = selector.entrySet().iterator().next();
    List<Workload> candidates = workloadsByLabel.getOrDefault(namespace, Map.of())
        .getOrDefault(first.getKey() + "=" + first.getValue(), List.of());
    List<Workload> out = new ArrayList<>(candidates.size());
    for (Workload w : candidates) {
      if (LabelSelector.matchesLabels(selector, w.podLabels())) {
        out.add(w);
      }
    }
    return out;
  }

  /** The pods behind a Service (its selector) or a ServiceEntry (its workloadSelector). */
  public List<Workload> workloadsSelectedBy(MeshService service) {
    if (service instanceof Service s) {
      return workloadsSelectedBy(s.namespace(), s.selector());
    }
    return workloadsSelectedBy(service.namespace(), ((ServiceEntry) service).workloadSelector());
  }

  /** Services in the workload's namespace whose selector matches its pods. */
  public List<Service> servicesSelecting(Workload workload) {
    List<Service> out = new ArrayList<>();
    for (Service s : servicesIn(workload.namespace())) {
      if (s.hasSelector() && LabelSelector.matchesLabels(s.selector(), workload.podLabels())) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Enrolment of a workload (docs/architecture.md "Enrolment"): hostNetwork pods and sidecar-injected pods are not captured; otherwise
   * the pod's own {@code istio.io/dataplane-mode} decides, else its namespace's, and {@code none} opts out.
   */
  public Enrolment enrolment(Workload w) {
    Enrolment known = workloadEnrolments.get(w);
    return known != null ? known : computeEnrolment(w);
  }

  private Enrolment computeEnrolment(Workload w) {
    Namespace ns = namespace(w.namespace());
    // The CNI agent marks each pod it captured; istioctl reads the mark too (exported cluster state only).
    if (w.podPointer().isEmpty() && "enabled".equals(w.podAnnotations().get(IstioLabels.AMBIENT_REDIRECTION))) {
      return new Enrolment(Enrolment.Mode.AMBIENT, "pod annotation " + IstioLabels.AMBIENT_REDIRECTION + "=enabled "
          + "(captured by ztunnel)", Optional.of(w.podAnnotationNode(IstioLabels.AMBIENT_REDIRECTION)));
    }
    if (w.hostNetwork()) {
      return new Enrolment(Enrolment.Mode.NONE, "hostNetwork pods are not captured by ztunnel",
          Optional.of(w.node(w.podPointer() + "/spec/hostNetwork")));
    }
    Optional<Enrolment> sidecar = sidecarInjection(w, ns);
    if (sidecar.isPresent()) {
      return sidecar.get();
    }
    String own = w.podLabels().get(IstioLabels.DATAPLANE_MODE);
    if (own != null) {
      if (own.equals(IstioLabels.AMBIENT)) {
        return new Enrolment(Enrolment.Mode.AMBIENT, "pod label " + IstioLabels.DATAPLANE_MODE + "=ambient",
            Optional.of(w.podLabelNode(IstioLabels.DATAPLANE_MODE)));
      }
      if (own.equals(IstioLabels.NONE)) {
        return new Enrolment(Enrolment.Mode.NONE, "pod label " + IstioLabels.DATAPLANE_MODE + "=none opts out",
            Optional.of(w.podLabelNode(IstioLabels.DATAPLANE_MODE)));
      }
    }
    return namespaceEnrolment(ns);
  }

  private Optional<Enrolment> sidecarInjection(Workload w, Namespace ns) {
    String podInject = w.podLabels().getOrDefault(IstioLabels.SIDECAR_INJECT, w.podAnnotations().get(IstioLabels.SIDECAR_INJECT));
    if ("false".equals(podInject) || w.isWorkloadEntry()) {
      return Optional.empty();
    }
    if ("true".equals(podInject)) {
      NodeRef podInjectNode = w.podLabels().containsKey(IstioLabels.SIDECAR_INJECT)
          ? w.podLabelNode(IstioLabels.SIDECAR_INJECT) : w.podAnnotationNode(IstioLabels.SIDECAR_INJECT);
      return Optional.of(new Enrolment(Enrolment.Mode.SIDECAR, IstioLabels.SIDECAR_INJECT + "=true on the pod",
          Optional.of(podInjectNode)));
    }
    return namespaceSidecar(ns);
  }

  private static Optional<Enrolment> namespaceSidecar(Namespace ns) {
    if ("enabled".equals(ns.labels().get(IstioLabels.ISTIO_INJECTION))) {
      return Optional.of(new Enrolment(Enrolment.Mode.SIDECAR, "namespace label istio-injection=enabled",
          ns.labelNode(IstioLabels.ISTIO_INJECTION)));
    }
    String rev = ns.labels().get(IstioLabels.REV);
    if (rev != null && !rev.isEmpty() && !"disabled".equals(ns.labels().get(IstioLabels.ISTIO_INJECTION))) {
      return Optional.of(new Enrolment(Enrolment.Mode.SIDECAR, "namespace label istio.io/rev=" + rev,
          ns.labelNode(IstioLabels.REV)));
    }
    return Optional.empty();
  }

  /** Enrolment of a namespace as a whole: what a pod without labels of its own gets. */
  public Enrolment namespaceEnrolment(Namespace ns) {
    Enrolment known = namespaces.get(ns.name()) == ns ? namespaceEnrolments.get(ns.name()) : null;
    return known != null ? known : computeNamespaceEnrolment(ns);
  }

  private static Enrolment computeNamespaceEnrolment(Namespace ns) {
    Optional<Enrolment> sidecar = namespaceSidecar(ns);
    if (sidecar.isPresent()) {
      return sidecar.get();
    }
    if (IstioLabels.AMBIENT.equals(ns.labels().get(IstioLabels.DATAPLANE_MODE))) {
      return new Enrolment(Enrolment.Mode.AMBIENT, "namespace label " + IstioLabels.DATAPLANE_MODE + "=ambient",
          ns.labelNode(IstioLabels.DATAPLANE_MODE));
    }
    if (!ns.labelsKnown()) {
      return new Enrolment(Enrolment.Mode.UNKNOWN, "namespace " + ns.name() + " is not declared in the repository "
          + "nor in config namespaces:, so its labels are unknown", Optional.empty());
    }
    return new Enrolment(Enrolment.Mode.NONE,
        ns.isDeclared() ? "namespace " + ns.name() + " has no " + IstioLabels.DATAPLANE_MODE + "=ambient label"
            : "namespace " + ns.name() + (ns.labels().isEmpty() ? " is assumed unlabelled (config)"
                : " has no " + IstioLabels.DATAPLANE_MODE + "=ambient label in config namespaces:"),
        Optional.empty());
  }

  public boolean isAmbient(Workload w) {
    return enrolment(w).isAmbient();
  }

  public boolean isAmbient(Namespace ns) {
    return namespaceEnrolment(ns).isAmbient();
  }

  /** A service is ambient when its namespace is (its pods may still differ). */
  public boolean isAmbient(MeshService service) {
    return isAmbient(namespace(service.namespace()));
  }

  // ---- Gateways and waypoints ---------------------------------------------------------------------------

  public List<Gateway> gateways() {
    return gateways;
  }

  public Optional<Gateway> gateway(String namespace, String name) {
    return Optional.ofNullable(gatewaysById.get(new ResourceId(KnownKinds.GATEWAY_API, "Gateway", namespace, name)));
  }

  public Collection<GatewayClass> gatewayClasses() {
    return gatewayClasses.values();
  }

  public Optional<GatewayClass> gatewayClass(String name) {
    return Optional.ofNullable(gatewayClasses.get(name));
  }

  /** Waypoint questions in one place; the methods below delegate to it. */
  public WaypointResolver waypointResolver() {
    return waypoints;
  }

  /**
   * Classes whose Gateways are waypoints: Istio's two, those in config {@code waypointClasses} /
   * {@code --waypoint-class}, and those a GatewayClass in the repository declares with an
   * {@code istio.io/waypoint-for} label or an inbound-binding annotation.
   */
  public boolean isWaypointClass(String className) {
    return waypoints.isWaypointClass(className);
  }

  /**
   * Would istiod put MissingUseWaypointLabel on a route parentRef to this service? referenceAllowed
   * (pilot/pkg/config/kube/gateway/conversion.go): neither the service nor its Namespace has a configured
   * {@code istio.io/use-waypoint} (present, non-empty, not {@code none} in any case). Whether the namespace is
   * ambient does not matter; an unknown Namespace object skips the check.
   */
  public boolean missingUseWaypointLabel(MeshService service) {
    Namespace ns = namespace(service.namespace());
    return !waypointConfigured(service.labels()) && ns.labelsKnown() && !waypointConfigured(ns.labels());
  }

  private static boolean waypointConfigured(Map<String, String> labels) {
    String value = labels.get(IstioLabels.USE_WAYPOINT);
    return value != null && !value.isEmpty() && !value.equalsIgnoreCase(IstioLabels.NONE);
  }

  /** An Istio (Envoy) waypoint class: {@code istio-waypoint}, or any class of controller istio.io/mesh-controller. */
  public boolean isIstioWaypointClass(String className) {
    return waypoints.isIstioWaypointClass(className);
  }

  /** An Istio Envoy waypoint class: its Gateways take only the HBONE listener on 15008, which admits no route. */
  public boolean isEnvoyWaypointClass(String className) {
    return waypoints.isEnvoyWaypointClass(className);
  }

  /** A Gateway is a waypoint when its class is a waypoint class or some use-waypoint label names it. */
  public boolean isWaypoint(Gateway gateway) {
    return waypoints.isWaypoint(gateway);
  }

  public List<Gateway> waypoints() {
    return gateways.stream().filter(this::isWaypoint).toList();
  }

  /** Every {@code use-waypoint} label in the repository (objects and namespaces), in load order. */
  public List<UseWaypointLabel> useWaypointLabels() {
    return waypoints.useWaypointLabels();
  }

  /** Every {@code use-waypoint-canary} label (Services, ServiceEntries, Namespaces). */
  public List<UseWaypointLabel> canaryWaypointLabels() {
    return waypoints.canaryLabels();
  }

  /** {@code use-waypoint: none} labels (opt-outs), with the Gateway "none" they would otherwise name. */
  public List<UseWaypointLabel> optOutWaypointLabels() {
    return waypoints.optOutLabels();
  }

  /** The {@code use-waypoint-canary} labels that name this Gateway. */
  public List<UseWaypointLabel> canaryUsesOf(Gateway gateway) {
    return waypoints.canaryUsesOf(gateway.id());
  }

  /** The {@code use-waypoint} labels that name this Gateway as their waypoint. */
  public List<UseWaypointLabel> usesOf(Gateway gateway) {
    return waypoints.usesOf(gateway.id());
  }

  /** The services and workloads whose own or inherited label names this Gateway, with their binding. */
  public List<WaypointResolver.Use> bindingsTo(Gateway gateway) {
    return waypoints.bindingsTo(gateway.id());
  }

  /** Gateway label, else GatewayClass label, else {@code service}. */
  public WaypointFor waypointFor(Gateway gateway) {
    return waypoints.waypointFor(gateway);
  }

  /** Ready unless exported status shows no usable address. Git manifests rarely carry status. */
  public boolean isReady(Gateway gateway) {
    return waypoints.isReady(gateway);
  }

  /** The listener ztunnel's traffic arrives on: the inbound-binding one, else HBONE on 15008. */
  public Optional<Listener> boundListener(Gateway gateway) {
    return waypoints.boundListener(gateway);
  }

  /** Does the waypoint's bound listener admit objects from {@code namespace}? Default: same namespace only. */
  public NamespaceAdmission admits(Gateway gateway, String namespace) {
    return waypoints.admits(gateway, namespace);
  }

  /** {@code istio.io/ingress-use-waypoint} of the service, else of its namespace, parsed as istiod does. */
  public IngressUseWaypoint ingressUseWaypoint(MeshService service) {
    return waypoints.ingressUseWaypoint(service);
  }

  // ---- use-waypoint resolution ----------------------------------------------------------------------------

  /** The waypoint serving requests to a Service or ServiceEntry. */
  public WaypointBinding waypointForService(MeshService service) {
    return waypoints.forService(service);
  }

  /** The waypoint serving traffic addressed to a workload's pods (or WorkloadEntry) directly. */
  public WaypointBinding waypointForWorkload(Workload workload) {
    return waypoints.forWorkload(workload);
  }

  // ---- Gateway API routes (RouteIndex) -------------------------------------------------------------------

  /** Every HTTPRoute, GRPCRoute, TLSRoute, TCPRoute and UDPRoute, grouped by kind, then in load order. */
  public List<Route> routes() {
    return routeIndex.routes();
  }

  /** The routes defined in one namespace. */
  public List<Route> routesIn(String namespace) {
    return routeIndex.routesIn(namespace);
  }

  /**
   * The parentRefs naming this Service or ServiceEntry (directly, or through a {@code networking.istio.io/Hostname}
   * parent), each resolved with its outcome, in route precedence (GRPCRoute, HTTPRoute, TLSRoute, TCPRoute,
   * UDPRoute; then creationTimestamp; then namespace/name). Includes rejected ones: filter with
   * {@link ParentAttachment#isAccepted()}, or {@link ParentAttachment#appliesAtWaypoint()} for the routes the
   * service's waypoint applies. The route's rules ({@code route().rules()}) carry their matches and backendRefs.
   */
  public List<ParentAttachment> routesAttachedTo(MeshService service) {
    return routeIndex.attachedTo(service);
  }

  /** The parentRefs naming this Gateway, resolved (listeners, outcome), in route precedence. */
  public List<ParentAttachment> routesAttachedTo(Gateway gateway) {
    return routeIndex.attachedTo(gateway);
  }

  /** Every parentRef of every route, resolved, in {@link #routes()} order. */
  public List<ParentAttachment> parentAttachments() {
    return routeIndex.attachments();
  }

  /** The parentRefs of one route, resolved, in the order written. */
  public List<ParentAttachment> parentAttachments(Route route) {
    return routeIndex.attachments(route);
  }

  /** Every backendRef of every route, resolved. */
  public List<BackendResolution> backendResolutions() {
    return routeIndex.backends();
  }

  /** The backendRefs of one route, rule by rule, resolved. */
  public List<BackendResolution> backendResolutions(Route route) {
    return routeIndex.backends(route);
  }

  public List<ReferenceGrant> referenceGrants() {
    return routeIndex.referenceGrants();
  }

  /**
   * Is this Gateway's class implemented by a controller other than Istio? Istio leaves the routes of services
   * bound to such a waypoint to that controller. The opposite of {@link WaypointResolver#isIstioOwnedClass}.
   */
  public boolean isThirdPartyClass(Gateway gateway) {
    return !waypoints.isIstioOwnedClass(gateway.className());
  }

  // ---- Policies (PolicyIndex) -----------------------------------------------------------------------------

  /** Every AuthorizationPolicy, RequestAuthentication, PeerAuthentication, Telemetry, WasmPlugin, EnvoyFilter, Sidecar. */
  public List<TargetablePolicy> policies() {
    return policyIndex.policies();
  }

  public List<AuthorizationPolicy> authorizationPolicies() {
    return policyIndex.authorizationPolicies();
  }

  /** What ztunnel enforces for this AuthorizationPolicy (see {@link io.ambientlint.core.policy.ZtunnelPolicyTranslator}). */
  public ZtunnelPolicy ztunnelForm(AuthorizationPolicy policy) {
    return policyIndex.ztunnelForm(policy);
  }

  /** The policy's targetRefs, each resolved to the gateways it reaches or why none. */
  public List<TargetResolution> policyTargets(TargetablePolicy policy) {
    return policyIndex.targets(policy);
  }

  /** Where the policy is enforced: gateways, ztunnel workloads, sidecar workloads, or nowhere. */
  public PolicyEnforcement policyEnforcement(TargetablePolicy policy) {
    return policyIndex.enforcement(policy);
  }

  /** Where ztunnel enforces this AuthorizationPolicy, in words, or empty when nowhere. */
  public Optional<String> ztunnelScope(AuthorizationPolicy policy) {
    return policyIndex.ztunnelScope(policy);
  }

  /** Workloads a policy without targetRefs selects (selector, namespace, or mesh-wide from the root namespace). */
  public List<Workload> workloadsSelectedBy(TargetablePolicy policy) {
    return policyIndex.selectedWorkloads(policy);
  }

  /** AuthorizationPolicies the workload's ztunnel enforces (none if ztunnel does not capture it). */
  public List<AuthorizationPolicy> ztunnelPoliciesFor(Workload workload) {
    return policyIndex.ztunnelPoliciesFor(workload);
  }

  /** Policies whose targetRefs reach this gateway or waypoint. */
  public List<TargetResolution> waypointPoliciesFor(Gateway gateway) {
    return policyIndex.waypointPoliciesFor(gateway);
  }

  /** Policies enforced at the waypoint of this Service or ServiceEntry (its own targets and its waypoint's). */
  public List<TargetResolution> waypointPoliciesFor(MeshService service) {
    return policyIndex.waypointPoliciesFor(service);
  }

  /** Every policy targetRef naming this object. */
  public List<TargetResolution> policiesTargeting(ResourceId target) {
    return policyIndex.policiesTargeting(target);
  }

  /** Selector policies that match this waypoint-class Gateway's pods, which the waypoint ignores. */
  public List<TargetablePolicy> selectorPoliciesIgnoredBy(Gateway waypoint) {
    return policyIndex.selectorPoliciesIgnoredBy(waypoint);
  }

  /** Waypoint-class Gateways whose pods this policy's selector matches. */
  public List<Gateway> waypointsMatchedBySelector(TargetablePolicy policy) {
    return policyIndex.waypointsMatchedBySelector(policy);
  }

  /** Waypoints that traffic to this workload passes through (its own binding and its Services'). */
  public List<PolicyIndex.WaypointInPath> waypointsInFrontOf(Workload workload) {
    return policyIndex.waypointsInFrontOf(workload);
  }

  /** The identity a waypoint presents to the destination's ztunnel. */
  public SourceIdentity waypointIdentity(String namespace, String name) {
    return policyIndex.waypointIdentity(namespace, name);
  }

  // ---- Classic Istio APIs: VirtualService, DestinationRule, EnvoyFilter; exported status ---------------------

  /** Kinds whose exported status conditions AL906 reads. */
  private static final List<String[]> STATUS_KINDS = List.of(new String[] {"", "Service"},
      new String[] {KnownKinds.ISTIO_NETWORKING, "ServiceEntry"}, new String[] {KnownKinds.ISTIO_NETWORKING, "WorkloadEntry"},
      new String[] {KnownKinds.ISTIO_SECURITY, "AuthorizationPolicy"}, new String[] {KnownKinds.GATEWAY_API, "Gateway"},
      new String[] {KnownKinds.GATEWAY_API, "HTTPRoute"}, new String[] {KnownKinds.GATEWAY_API, "GRPCRoute"},
      new String[] {KnownKinds.GATEWAY_API, "TCPRoute"}, new String[] {KnownKinds.GATEWAY_API, "TLSRoute"},
      new String[] {KnownKinds.GATEWAY_API, "UDPRoute"});

  private void indexClassicApis() {
    hostIndex = new HostIndex(config.clusterDomain(), namespaces::containsKey);
    services.forEach(hostIndex::addService);
    serviceEntries.forEach(hostIndex::addServiceEntry);
    model.views(KnownKinds.ISTIO_NETWORKING, "VirtualService", VirtualService.class).forEach(hostIndex::addVirtualService);
    model.views(KnownKinds.ISTIO_NETWORKING, "DestinationRule", DestinationRule.class).forEach(hostIndex::addDestinationRule);
    envoyFilterIndex = new EnvoyFilterIndex(this, model.views(KnownKinds.ISTIO_NETWORKING, "EnvoyFilter", EnvoyFilter.class));
    List<StatusCondition> conditions = new ArrayList<>();
    for (String[] kind : STATUS_KINDS) {
      model.ofKind(kind[0], kind[1]).forEach(r -> conditions.addAll(StatusCondition.of(r)));
    }
    statusConditions = List.copyOf(conditions);
  }

  /** Every VirtualService of the repository (mesh and gateway ones), in load order. */
  public List<VirtualService> virtualServices() {
    return hostIndex.virtualServices();
  }

  public List<DestinationRule> destinationRules() {
    return hostIndex.destinationRules();
  }

  public List<EnvoyFilter> envoyFilters() {
    return envoyFilterIndex.filters();
  }

  /** Host resolution as Istio does it: short names, {@code name.ns}, {@code name.ns.svc}, FQDN, wildcards. */
  public HostIndex hosts() {
    return hostIndex;
  }

  /** The Service or ServiceEntry a host (written in an object of {@code namespace}) names. */
  public Optional<MeshService> meshServiceForHost(String host, String namespace) {
    return hostIndex.meshServiceForHost(host, namespace);
  }

  /** Mesh VirtualServices (gateways empty or {@code mesh}) for one of the service's hosts, with the host entry. */
  public List<HostIndex.VirtualServiceHost> virtualServicesForHost(MeshService service) {
    return hostIndex.virtualServicesForHost(service);
  }

  public List<HostIndex.VirtualServiceHost> virtualServicesForHost(String host, String namespace) {
    return hostIndex.virtualServicesForHost(host, namespace);
  }

  /** DestinationRules for the host written in {@code namespace}; visibility (exportTo) is the caller's to weigh. */
  public List<DestinationRule> destinationRulesForHost(String host, String namespace) {
    return hostIndex.destinationRulesForHost(host, namespace);
  }

  public List<DestinationRule> destinationRulesForHost(MeshService service) {
    return hostIndex.destinationRulesForHost(service);
  }

  /**
   * The DestinationRules a proxy in {@code proxyNamespace} (a waypoint's namespace) uses for a host, after
   * PushContext.destinationRule (pilot/pkg/model/push_context.go): the rules of its own namespace, else those the
   * service's namespace exports to it, else those the root namespace exports to it. Only the first level that
   * has a rule for the host counts.
   */
  public List<DestinationRule> destinationRulesSeenFrom(String host, String hostNamespace, String serviceNamespace,
      String proxyNamespace) {
    List<DestinationRule> all = hostIndex.destinationRulesForHost(host, hostNamespace);
    List<DestinationRule> own = all.stream().filter(dr -> dr.namespace().equals(proxyNamespace)).toList();
    if (!own.isEmpty()) {
      return own;
    }
    for (String owner : List.of(serviceNamespace, config().rootNamespace())) {
      List<DestinationRule> exported = all.stream().filter(dr -> dr.namespace().equals(owner)
          && ExportTo.of(dr.exportTo(), dr.namespace()).visibleTo(proxyNamespace)).toList();
      if (!exported.isEmpty()) {
        return exported;
      }
    }
    return List.of();
  }

  /** What an EnvoyFilter reaches: targetRef Gateways (waypoints among them), selected workloads and waypoint pods. */
  public EnvoyFilterReach envoyFilterReach(EnvoyFilter filter) {
    return envoyFilterIndex.reachOf(filter);
  }

  /** EnvoyFilter targetRefs that reach this Gateway (directly, or by GatewayClass from the root namespace). */
  public List<EnvoyFilterReach.TargetReach> envoyFiltersApplyingTo(Gateway gateway) {
    return envoyFilterIndex.applyingTo(gateway);
  }

  /** Does the workload run an Envoy without injection (a gateway deployment)? An EnvoyFilter can patch it. */
  public boolean runsOwnProxy(Workload workload) {
    return envoyFilterIndex.runsOwnProxy(workload);
  }

  /**
   * HTTPRoutes and GRPCRoutes on the service that its waypoint puts ahead of this mesh VirtualService (first match
   * wins), each saying whether it matches every request or only some; empty when the service has no waypoint.
   */
  public List<RouteAhead> routesAheadOf(VirtualService virtualService, MeshService service) {
    return RouteAhead.of(virtualService, routesAttachedTo(service));
  }

  /** Conditions of exported status on Services, ServiceEntries, WorkloadEntries, AuthorizationPolicies, Gateways, routes. */
  public List<StatusCondition> statusConditions() {
    return statusConditions;
  }

  // ---- NetworkPolicies, service accounts, misplaced labels, route rules without backends (issue 18) --------
  // Built on first use: only the rules that ask pay for them.

  private final Memo<NetworkPolicyIndex> networkPolicyIndex = new Memo<>(() -> new NetworkPolicyIndex(this));
  private final Memo<ServiceAccountIndex> serviceAccountIndex = new Memo<>(() -> new ServiceAccountIndex(this));
  private final Memo<List<AmbientAnnotations.Misplaced>> misplacedAnnotations = new Memo<>(() -> AmbientAnnotations.find(this));

  /** Every networking.k8s.io NetworkPolicy, in load order. */
  public List<io.ambientlint.core.model.NetworkPolicy> networkPolicies() {
    return networkPolicyIndex.get().policies();
  }

  /** NetworkPolicies that isolate the workload's pods for ingress; empty when all ingress is admitted. */
  public List<io.ambientlint.core.model.NetworkPolicy> ingressPoliciesSelecting(Workload workload) {
    return networkPolicyIndex.get().ingressPoliciesSelecting(workload);
  }

  /** Named container ports and kubelet probe ports of the workload's pods. */
  public io.ambientlint.core.model.PodNetwork podNetwork(Workload workload) {
    return io.ambientlint.core.model.PodNetwork.of(workload);
  }

  /** The service accounts of a namespace whose workloads the repository holds; empty when they are unknown. */
  public Optional<Collection<ServiceAccountIndex.KnownAccount>> serviceAccountsIfKnown(String namespace) {
    return serviceAccountIndex.get().accountsIfKnown(namespace);
  }

  /** Ambient settings written as annotations, which Istio never reads. */
  public List<AmbientAnnotations.Misplaced> ambientSettingsAsAnnotations() {
    return misplacedAnnotations.get();
  }

  /** Does anything in the repository run in ambient: a namespace labelled for it, or a workload captured by ztunnel? */
  public boolean hasAmbientEnrolment() {
    return namespaceEnrolments.values().stream().anyMatch(Enrolment::isAmbient)
        || workloadEnrolments.values().stream().anyMatch(Enrolment::isAmbient);
  }

  /** HTTPRoute/GRPCRoute rules with no backend weight and no redirect: Istio answers them with HTTP 500. */
  public List<RouteRuleResponse> rulesAnsweringWithError(Route route) {
    return RouteRuleResponse.of(this, route);
  }

  /** The VirtualService's {@code gateways} entries, resolved. */
  public List<VirtualServiceGateway> gatewaysOf(VirtualService virtualService) {
    return VirtualServiceGateway.of(this, virtualService);
  }

  /** The mTLS modes a PeerAuthentication sets. */
  public io.ambientlint.core.model.PeerAuthenticationModes peerAuthenticationModes(TargetablePolicy policy) {
    return io.ambientlint.core.model.PeerAuthenticationModes.of(policy);
  }
}
