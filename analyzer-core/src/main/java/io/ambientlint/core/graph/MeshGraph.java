package io.ambientlint.core.graph;

import io.ambientlint.core.config.Config;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.load.SourceFile;
import io.ambientlint.core.model.AuthorizationPolicy;
import io.ambientlint.core.model.DestinationRule;
import io.ambientlint.core.model.EnvoyFilter;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.model.GatewayClass;
import io.ambientlint.core.model.Listener;
import io.ambientlint.core.model.MeshService;
import io.ambientlint.core.model.Model;
import io.ambientlint.core.model.Namespace;
import io.ambientlint.core.model.NetworkPolicy;
import io.ambientlint.core.model.PeerAuthenticationModes;
import io.ambientlint.core.model.PodNetwork;
import io.ambientlint.core.model.Resource;
import io.ambientlint.core.model.ResourceId;
import io.ambientlint.core.model.Route;
import io.ambientlint.core.model.Service;
import io.ambientlint.core.model.ServiceEntry;
import io.ambientlint.core.model.StatusCondition;
import io.ambientlint.core.model.TargetablePolicy;
import io.ambientlint.core.model.VirtualService;
import io.ambientlint.core.model.Workload;
import io.ambientlint.core.policy.SourceIdentity;
import io.ambientlint.core.policy.ZtunnelPolicy;
import io.ambientlint.core.schema.SchemaRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The repository as istiod would see it, and the one thing rules read: a facade of named questions, each of which
 * also says why, so rules never re-scan raw YAML. Its layers are built in {@link #build} in one order, each from
 * the ones before it and never from this facade: the {@link Inventory} (namespaces, services, workloads,
 * Gateways, enrolment), then {@link WaypointResolver}, then {@link PolicyIndex}, {@link RouteIndex},
 * {@link HostIndex} and {@link EnvoyFilterIndex}. Thread safety: a graph is built once by one thread, then only
 * read, by the rules in parallel; every list it hands out is an unmodifiable view, and what is built on
 * first use ({@link Memo}) is published safely.
 */
public final class MeshGraph {

  private final Model model;
  private final Config config;
  private final List<Diagnostic> diagnostics;
  private final List<SourceFile> files;
  private final SchemaRegistry schemas;
  private final Inventory inventory;
  private final WaypointResolver waypoints;
  private final PolicyIndex policies;
  private final RouteIndex routes;
  private final HostIndex hosts;
  private final EnvoyFilterIndex envoyFilters;
  private final List<StatusCondition> statusConditions;
  // Built on first use: only the rules that ask pay for them.
  private final Memo<NetworkPolicyIndex> networkPolicies;
  private final Memo<ServiceAccountIndex> serviceAccounts;
  private final Memo<List<AmbientAnnotations.Misplaced>> misplacedAnnotations;
  private final Memo<List<String>> meshNamespacesWithUnknownLabels;

  private MeshGraph(Model model, Config config, List<Diagnostic> diagnostics, List<SourceFile> files,
      SchemaRegistry schemas, Inventory inventory, WaypointResolver waypoints, PolicyIndex policies, RouteIndex routes,
      HostIndex hosts, EnvoyFilterIndex envoyFilters) {
    this.model = model;
    this.config = config;
    this.diagnostics = List.copyOf(diagnostics);
    this.files = List.copyOf(files);
    this.schemas = schemas;
    this.inventory = inventory;
    this.waypoints = waypoints;
    this.policies = policies;
    this.routes = routes;
    this.hosts = hosts;
    this.envoyFilters = envoyFilters;
    this.statusConditions = StatusCondition.exported(model);
    this.networkPolicies = new Memo<>(() -> new NetworkPolicyIndex(model));
    this.serviceAccounts = new Memo<>(() -> new ServiceAccountIndex(inventory, waypoints));
    this.misplacedAnnotations = new Memo<>(() -> List.copyOf(AmbientAnnotations.find(inventory)));
    this.meshNamespacesWithUnknownLabels = new Memo<>(this::findMeshNamespacesWithUnknownLabels);
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
    Inventory inventory = new Inventory(model, config);
    WaypointResolver waypoints = new WaypointResolver(inventory);
    // Policies read only the two layers above, as do routes, hosts and EnvoyFilters: build them on another thread
    // meanwhile. Each index is built by one thread, so its content and order are those of a sequential build;
    // join() publishes it to this thread.
    CompletableFuture<PolicyIndex> policies = CompletableFuture.supplyAsync(() -> new PolicyIndex(inventory, waypoints));
    RouteIndex routes = new RouteIndex(inventory, waypoints);
    HostIndex hosts = new HostIndex(inventory);
    EnvoyFilterIndex envoyFilters = new EnvoyFilterIndex(inventory, waypoints);
    return new MeshGraph(model, config, diagnostics, files, schemas, inventory, waypoints, join(policies), routes,
        hosts, envoyFilters);
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
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
    return inventory.exists(id);
  }

  /** Objects every ambient cluster has: the root namespace and istiod, kube-dns, kubernetes, Istio's classes. */
  public boolean isBuiltIn(ResourceId id) {
    return inventory.isBuiltIn(id);
  }

  // ---- Namespaces, services and workloads (Inventory) ------------------------------------------------------

  public Collection<Namespace> namespaces() {
    return inventory.namespaces();
  }

  /** The namespace, declared (in the repository or config {@code namespaces:}) or implicit. */
  public Namespace namespace(String name) {
    return inventory.namespace(name);
  }

  /**
   * The namespaces of the cluster's services, service entries and workloads whose labels are unknown (sorted):
   * any label may be on them and bind those objects, an {@code istio.io/use-waypoint} naming a waypoint of
   * another namespace included.
   */
  public List<String> meshNamespacesWithUnknownLabels() {
    return meshNamespacesWithUnknownLabels.get(); // asked once per waypoint: computed once
  }

  private List<String> findMeshNamespacesWithUnknownLabels() {
    java.util.TreeSet<String> out = new java.util.TreeSet<>();
    services().forEach(s -> out.add(s.namespace()));
    serviceEntries().forEach(s -> out.add(s.namespace()));
    workloads().forEach(w -> out.add(w.namespace()));
    out.removeIf(ns -> namespace(ns).labelsKnown());
    return List.copyOf(out);
  }

  public List<Service> services() {
    return inventory.services();
  }

  public Optional<Service> service(String namespace, String name) {
    return inventory.service(namespace, name);
  }

  public List<Service> servicesIn(String namespace) {
    return inventory.servicesIn(namespace);
  }

  public List<ServiceEntry> serviceEntries() {
    return inventory.serviceEntries();
  }

  public Optional<ServiceEntry> serviceEntry(String namespace, String name) {
    return inventory.serviceEntry(namespace, name);
  }

  /** The Service or ServiceEntry with this id; empty for another kind or an object not in the repository. */
  public Optional<MeshService> meshService(ResourceId id) {
    return inventory.meshService(id);
  }

  public List<Workload> workloads() {
    return inventory.workloads();
  }

  public Optional<Workload> workload(ResourceId id) {
    return inventory.workload(id);
  }

  public List<Workload> workloadsIn(String namespace) {
    return inventory.workloadsIn(namespace);
  }

  /** Workloads in {@code namespace} whose pod labels match {@code selector}; an empty selector selects nothing. */
  public List<Workload> workloadsSelectedBy(String namespace, Map<String, String> selector) {
    return Collections.unmodifiableList(inventory.workloadsSelectedBy(namespace, selector));
  }

  /** The pods behind a Service (its selector) or a ServiceEntry (its workloadSelector). */
  public List<Workload> workloadsSelectedBy(MeshService service) {
    return Collections.unmodifiableList(inventory.workloadsSelectedBy(service));
  }

  public List<Service> servicesSelecting(Workload workload) {
    return Collections.unmodifiableList(inventory.servicesSelecting(workload));
  }

  /** docs/architecture.md "Enrolment": hostNetwork and sidecar pods are not captured, else pod then namespace label. */
  public Enrolment enrolment(Workload w) {
    return inventory.enrolment(w);
  }

  /** Enrolment of a namespace as a whole: what a pod without labels of its own gets. */
  public Enrolment namespaceEnrolment(Namespace ns) {
    return inventory.enrolment(ns);
  }

  /** The sidecar a workload's pods ask for (pod label or annotation, else namespace labels), whatever else they ask. */
  public Optional<Enrolment> sidecarInjection(Workload w) {
    return Enrolment.sidecarInjection(w, inventory.namespace(w.namespace()));
  }

  /** The sidecar a namespace's labels ask for: {@code istio-injection=enabled} or a revision label. */
  public Optional<Enrolment> sidecarInjection(Namespace ns) {
    return Enrolment.sidecarInjection(ns);
  }

  public boolean isAmbient(Workload w) {
    return inventory.enrolment(w).isAmbient();
  }

  public boolean isAmbient(Namespace ns) {
    return inventory.isAmbient(ns);
  }

  /** A service is ambient when its namespace is (its pods may still differ). */
  public boolean isAmbient(MeshService service) {
    return inventory.isAmbient(service);
  }

  /** Does anything in the repository run in ambient: a namespace labelled for it, or a workload captured by ztunnel? */
  public boolean hasAmbientEnrolment() {
    return inventory.hasAmbientEnrolment();
  }

  // ---- Gateways and waypoints (WaypointResolver) ---------------------------------------------------------

  public List<Gateway> gateways() {
    return inventory.gateways();
  }

  public Optional<Gateway> gateway(String namespace, String name) {
    return inventory.gateway(namespace, name);
  }

  public Collection<GatewayClass> gatewayClasses() {
    return inventory.gatewayClasses();
  }

  public Optional<GatewayClass> gatewayClass(String name) {
    return inventory.gatewayClass(name);
  }

  public boolean isWaypointClass(String className) {
    return waypoints.isWaypointClass(className);
  }

  public Optional<String> waypointClassReason(String className) {
    return waypoints.waypointClassReason(className);
  }

  /** Would istiod put MissingUseWaypointLabel on a route parentRef to this service? */
  public boolean missingUseWaypointLabel(MeshService service) {
    return waypoints.missingUseWaypointLabel(service);
  }

  /** An Istio (Envoy) waypoint class: {@code istio-waypoint}, or any class of controller istio.io/mesh-controller. */
  public boolean isIstioWaypointClass(String className) {
    return waypoints.isIstioWaypointClass(className);
  }

  /** An Istio Envoy waypoint class: its Gateways take only the HBONE listener on 15008, which admits no route. */
  public boolean isEnvoyWaypointClass(String className) {
    return waypoints.isEnvoyWaypointClass(className);
  }

  /** Is this Gateway's class implemented by a controller other than Istio (which then owns its services' routes)? */
  public boolean isThirdPartyClass(Gateway gateway) {
    return !waypoints.isIstioOwnedClass(gateway.className());
  }

  public boolean isWaypoint(Gateway gateway) {
    return waypoints.isWaypoint(gateway);
  }

  public List<Gateway> waypoints() {
    return waypoints.waypoints();
  }

  public List<UseWaypointLabel> useWaypointLabels() {
    return waypoints.useWaypointLabels();
  }

  public List<UseWaypointLabel> canaryWaypointLabels() {
    return waypoints.canaryLabels();
  }

  /** The canary-weight annotations on Services, ServiceEntries and Namespaces, parsed (valid or not). */
  public List<CanaryWeight> canaryWeights() {
    return waypoints.canaryWeights();
  }

  /** {@code use-waypoint: none} labels (opt-outs), with the Gateway "none" they would otherwise name. */
  public List<UseWaypointLabel> optOutWaypointLabels() {
    return waypoints.optOutLabels();
  }

  public List<UseWaypointLabel> canaryUsesOf(Gateway gateway) {
    return waypoints.canaryUsesOf(gateway.id());
  }

  public List<UseWaypointLabel> usesOf(Gateway gateway) {
    return waypoints.usesOf(gateway.id());
  }

  public List<WaypointResolver.Use> bindingsTo(Gateway gateway) {
    return waypoints.bindingsTo(gateway.id());
  }

  public WaypointFor waypointFor(Gateway gateway) {
    return waypoints.waypointFor(gateway);
  }

  public boolean isReady(Gateway gateway) {
    return waypoints.isReady(gateway);
  }

  public Optional<Listener> boundListener(Gateway gateway) {
    return waypoints.boundListener(gateway);
  }

  /** The inbound-binding annotation of the Gateway, else of its GatewayClass, parsed (valid or not). */
  public Optional<InboundBinding> inboundBinding(Gateway gateway) {
    return waypoints.inboundBinding(gateway);
  }

  /** Does the waypoint's bound listener admit objects from {@code namespace}? Default: same namespace only. */
  public NamespaceAdmission admits(Gateway gateway, String namespace) {
    return waypoints.admits(gateway, namespace);
  }

  public IngressUseWaypoint ingressUseWaypoint(MeshService service) {
    return waypoints.ingressUseWaypoint(service);
  }

  public WaypointBinding waypointForService(MeshService service) {
    return waypoints.forService(service);
  }

  public WaypointBinding waypointForWorkload(Workload workload) {
    return waypoints.forWorkload(workload);
  }

  // ---- Gateway API routes (RouteIndex) -------------------------------------------------------------------

  /** Every HTTPRoute, GRPCRoute, TLSRoute, TCPRoute and UDPRoute, grouped by kind, then in load order. */
  public List<Route> routes() {
    return routes.routes();
  }

  public List<Route> routesIn(String namespace) {
    return routes.routesIn(namespace);
  }

  /**
   * The parentRefs naming this Service or ServiceEntry (directly or through a Hostname parent), resolved, in route
   * precedence, rejected ones included: filter with {@link ParentAttachment#isAccepted()} or
   * {@link ParentAttachment#appliesAtWaypoint()}.
   */
  public List<ParentAttachment> routesAttachedTo(MeshService service) {
    return routes.attachedTo(service);
  }

  /** The parentRefs naming this Gateway, resolved (listeners, outcome), in route precedence. */
  public List<ParentAttachment> routesAttachedTo(Gateway gateway) {
    return routes.attachedTo(gateway);
  }

  public List<ParentAttachment> parentAttachments() {
    return routes.attachments();
  }

  public List<ParentAttachment> parentAttachments(Route route) {
    return routes.attachments(route);
  }

  public List<BackendResolution> backendResolutions() {
    return routes.backends();
  }

  public List<BackendResolution> backendResolutions(Route route) {
    return routes.backends(route);
  }

  /** HTTPRoute/GRPCRoute rules with no backend weight and no redirect: Istio answers them with HTTP 500. */
  public List<RouteRuleResponse> rulesAnsweringWithError(Route route) {
    return RouteRuleResponse.of(routes, route);
  }

  // ---- Policies (PolicyIndex) -----------------------------------------------------------------------------

  /** Every AuthorizationPolicy, RequestAuthentication, PeerAuthentication, Telemetry, WasmPlugin, EnvoyFilter, Sidecar. */
  public List<TargetablePolicy> policies() {
    return policies.policies();
  }

  public List<AuthorizationPolicy> authorizationPolicies() {
    return policies.authorizationPolicies();
  }

  public ZtunnelPolicy ztunnelForm(AuthorizationPolicy policy) {
    return policies.ztunnelForm(policy);
  }

  public List<TargetResolution> policyTargets(TargetablePolicy policy) {
    return policies.targets(policy);
  }

  public PolicyEnforcement policyEnforcement(TargetablePolicy policy) {
    return policies.enforcement(policy);
  }

  /** Where ztunnel enforces this AuthorizationPolicy, in words, or empty when nowhere. */
  public Optional<String> ztunnelScope(AuthorizationPolicy policy) {
    return policies.ztunnelScope(policy);
  }

  /** Workloads a policy without targetRefs selects (selector, namespace, or mesh-wide from the root namespace). */
  public List<Workload> workloadsSelectedBy(TargetablePolicy policy) {
    return Collections.unmodifiableList(policies.selectedWorkloads(policy));
  }

  /** AuthorizationPolicies the workload's ztunnel enforces (none if ztunnel does not capture it). */
  public List<AuthorizationPolicy> ztunnelPoliciesFor(Workload workload) {
    return policies.ztunnelPoliciesFor(workload);
  }

  /** Policies whose targetRefs reach this gateway or waypoint. */
  public List<TargetResolution> waypointPoliciesFor(Gateway gateway) {
    return policies.waypointPoliciesFor(gateway);
  }

  /** Policies enforced at the waypoint of this Service or ServiceEntry (its own targets and its waypoint's). */
  public List<TargetResolution> waypointPoliciesFor(MeshService service) {
    return policies.waypointPoliciesFor(service);
  }

  public List<TargetResolution> policiesTargeting(ResourceId target) {
    return policies.policiesTargeting(target);
  }

  public List<TargetablePolicy> selectorPoliciesIgnoredBy(Gateway waypoint) {
    return policies.selectorPoliciesIgnoredBy(waypoint);
  }

  public List<Gateway> waypointsMatchedBySelector(TargetablePolicy policy) {
    return policies.waypointsMatchedBySelector(policy);
  }

  /** Waypoints that traffic to this workload passes through (its own binding and its Services'). */
  public List<PolicyIndex.WaypointInPath> waypointsInFrontOf(Workload workload) {
    return policies.waypointsInFrontOf(workload);
  }

  /** The identity a waypoint presents to the destination's ztunnel. */
  public SourceIdentity waypointIdentity(String namespace, String name) {
    return policies.waypointIdentity(namespace, name);
  }

  // ---- VirtualService, DestinationRule (HostIndex), EnvoyFilter (EnvoyFilterIndex) -------------------------

  /** Every VirtualService of the repository (mesh and gateway ones), in load order. */
  public List<VirtualService> virtualServices() {
    return hosts.virtualServices();
  }

  public List<DestinationRule> destinationRules() {
    return hosts.destinationRules();
  }

  /** The host as Istio resolves it for an object in {@code namespace}: only dot-free short names are expanded. */
  public String resolveHost(String host, String namespace) {
    return hosts.fqdn(host, namespace);
  }

  /** The FQDN of the Service a partly qualified host ({@code name.ns}, {@code name.ns.svc}) was meant to name. */
  public Optional<String> intendedServiceFqdn(String host) {
    return hosts.intendedServiceFqdn(host);
  }

  /** The Service a host resolved in {@code namespace} names by its form ({@code name.ns.svc.<domain>}), if any. */
  public Optional<ResourceId> serviceNamedByHost(String host, String namespace) {
    return hosts.serviceNamedByHost(host, namespace);
  }

  /** Does a ServiceEntry declare exactly this host (resolved in {@code namespace}), visible there or not? */
  public boolean isServiceEntryHost(String host, String namespace) {
    return hosts.isServiceEntryHost(host, namespace);
  }

  public List<String> hostnamesOf(MeshService service) {
    return hosts.hostnamesOf(service);
  }

  /** The hosts of a VirtualService that name a Service or ServiceEntry, each with what it names. */
  public List<HostIndex.ServiceTarget> servicesTargetedBy(VirtualService virtualService) {
    return Collections.unmodifiableList(hosts.servicesTargetedBy(virtualService));
  }

  public Set<String> virtualServiceHosts() {
    return hosts.virtualServiceHosts();
  }

  public List<HostIndex.VirtualServiceHost> virtualServicesWithHost(String fqdn) {
    return hosts.virtualServicesWithHost(fqdn);
  }

  /** Mesh VirtualServices whose host is {@code fqdn} or a wildcard covering it: those competing for it. */
  public List<HostIndex.VirtualServiceHost> virtualServicesCovering(String fqdn) {
    return Collections.unmodifiableList(hosts.virtualServicesCovering(fqdn));
  }

  /** The Service or ServiceEntry a host (written in an object of {@code namespace}) names. */
  public Optional<MeshService> meshServiceForHost(String host, String namespace) {
    return hosts.meshServiceForHost(host, namespace);
  }

  public List<HostIndex.VirtualServiceHost> virtualServicesForHost(MeshService service) {
    return Collections.unmodifiableList(hosts.virtualServicesForHost(service));
  }

  public List<HostIndex.VirtualServiceHost> virtualServicesForHost(String host, String namespace) {
    return Collections.unmodifiableList(hosts.virtualServicesForHost(host, namespace));
  }

  public List<DestinationRule> destinationRulesForHost(String host, String namespace) {
    return Collections.unmodifiableList(hosts.destinationRulesForHost(host, namespace));
  }

  public List<DestinationRule> destinationRulesForHost(MeshService service) {
    return Collections.unmodifiableList(hosts.destinationRulesForHost(service));
  }

  /** The DestinationRules a proxy in {@code proxyNamespace} (a waypoint's) uses for a host: own, exported, root. */
  public List<DestinationRule> destinationRulesSeenFrom(String host, String hostNamespace, String serviceNamespace,
      String proxyNamespace) {
    return hosts.destinationRulesSeenFrom(host, hostNamespace, serviceNamespace, proxyNamespace);
  }

  /** The VirtualService's {@code gateways} entries, resolved. */
  public List<VirtualServiceGateway> gatewaysOf(VirtualService virtualService) {
    return VirtualServiceGateway.of(inventory, virtualService);
  }

  /** HTTPRoutes and GRPCRoutes on the service that its waypoint puts ahead of this mesh VirtualService. */
  public List<RouteAhead> routesAheadOf(VirtualService virtualService, MeshService service) {
    return RouteAhead.of(virtualService, routes.attachedTo(service));
  }

  public List<EnvoyFilter> envoyFilters() {
    return envoyFilters.filters();
  }

  public EnvoyFilterReach envoyFilterReach(EnvoyFilter filter) {
    return envoyFilters.reachOf(filter);
  }

  public List<EnvoyFilterReach.TargetReach> envoyFiltersApplyingTo(Gateway gateway) {
    return envoyFilters.applyingTo(gateway);
  }

  /** Does the workload run an Envoy without injection (a gateway deployment)? An EnvoyFilter can patch it. */
  public boolean runsOwnProxy(Workload workload) {
    return envoyFilters.runsOwnProxy(workload);
  }

  // ---- Exported status, NetworkPolicies, service accounts, misplaced annotations -----------------------------

  /** Conditions of exported status on Services, ServiceEntries, WorkloadEntries, AuthorizationPolicies, Gateways, routes. */
  public List<StatusCondition> statusConditions() {
    return statusConditions;
  }

  /** NetworkPolicies that isolate the workload's pods for ingress; empty when all ingress is admitted. */
  public List<NetworkPolicy> ingressPoliciesSelecting(Workload workload) {
    return Collections.unmodifiableList(networkPolicies.get().ingressPoliciesSelecting(workload));
  }

  /** The service accounts of a namespace whose workloads the repository holds; empty when they are unknown. */
  public Optional<Collection<ServiceAccountIndex.KnownAccount>> serviceAccountsIfKnown(String namespace) {
    return serviceAccounts.get().accountsIfKnown(namespace);
  }

  /** Ambient settings written as annotations, which Istio never reads. */
  public List<AmbientAnnotations.Misplaced> ambientSettingsAsAnnotations() {
    return misplacedAnnotations.get();
  }
}
