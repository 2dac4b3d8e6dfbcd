package io.ambientlint.core.graph;

import io.ambientlint.core.config.Config;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.model.GatewayClass;
import io.ambientlint.core.model.Kind;
import io.ambientlint.core.model.LabelSelector;
import io.ambientlint.core.model.MeshService;
import io.ambientlint.core.model.Model;
import io.ambientlint.core.model.Namespace;
import io.ambientlint.core.model.Resource;
import io.ambientlint.core.model.ResourceId;
import io.ambientlint.core.model.Service;
import io.ambientlint.core.model.ServiceEntry;
import io.ambientlint.core.model.Workload;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The first layer of the graph, read from the model alone: namespaces with their labels (and whether those are
 * known), services, ServiceEntries, workloads, Gateways and GatewayClasses by id, namespace and pod label, and the
 * enrolment of every namespace and workload. Every index is built from this and never from {@link MeshGraph}.
 * Immutable once constructed.
 */
final class Inventory {

  private final Model model;
  private final Config config;
  private final Map<String, Namespace> namespaces;
  private final List<Service> services;
  private final List<ServiceEntry> serviceEntries;
  private final List<Workload> workloads;
  private final List<Gateway> gateways;
  private final Map<String, GatewayClass> gatewayClasses;
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

  Inventory(Model model, Config config) {
    this.model = model;
    this.config = config;
    Map<String, Namespace> byName = new TreeMap<>();
    for (Resource r : model.ofKind(Kind.NAMESPACE)) {
      byName.putIfAbsent(r.name(), Namespace.declared(r));
    }
    for (String ns : model.namespacesInUse()) {
      byName.computeIfAbsent(ns, this::undeclaredNamespace);
    }
    this.namespaces = Collections.unmodifiableMap(byName);
    // The model read each resource's typed view; index them here, each kind in load order.
    this.services = model.views(Kind.SERVICE, Service.class);
    for (Service s : services) {
      servicesById.putIfAbsent(s.id(), s);
      servicesByNamespace.computeIfAbsent(s.namespace(), k -> new ArrayList<>()).add(s);
    }
    this.serviceEntries = model.views(Kind.SERVICE_ENTRY, ServiceEntry.class);
    serviceEntries.forEach(se -> serviceEntriesById.putIfAbsent(se.id(), se));
    this.gateways = model.views(Kind.GATEWAY, Gateway.class);
    gateways.forEach(gw -> gatewaysById.putIfAbsent(gw.id(), gw));
    Map<String, GatewayClass> classes = new LinkedHashMap<>();
    model.views(Kind.GATEWAY_CLASS, GatewayClass.class).forEach(gc -> classes.putIfAbsent(gc.name(), gc));
    this.gatewayClasses = Collections.unmodifiableMap(classes);
    this.workloads = model.workloads();
    workloads.forEach(this::indexWorkload);
    namespaces.values().forEach(ns -> namespaceEnrolments.put(ns.name(), Enrolment.of(ns)));
    Enrolment[] enrolments = new Enrolment[workloads.size()];
    IntStream.range(0, enrolments.length).parallel()
        .forEach(i -> enrolments[i] = Enrolment.of(workloads.get(i), namespace(workloads.get(i).namespace())));
    for (int i = 0; i < enrolments.length; i++) {
      workloadEnrolments.put(workloads.get(i), enrolments[i]);
    }
  }

  private void indexWorkload(Workload w) {
    if (workloadsById.putIfAbsent(w.id(), w) != null) {
      return; // a second definition of one object (AL903): selectors and namespaces find the object once
    }
    workloadsByNamespace.computeIfAbsent(w.namespace(), k -> new ArrayList<>()).add(w);
    Map<String, List<Workload>> byLabel = workloadsByLabel.computeIfAbsent(w.namespace(), k -> new HashMap<>());
    w.podLabels().forEach((k, v) -> byLabel.computeIfAbsent(k + "=" + v, x -> new ArrayList<>()).add(w));
  }

  Model model() {
    return model;
  }

  Config config() {
    return config;
  }

  /** Is the object in the repository, declared in config {@code external}, or built into every Istio cluster? */
  boolean exists(ResourceId id) {
    return model.resource(id).isPresent() || config.isExternal(id.group(), id.kind(), id.namespace(), id.name())
        || isBuiltIn(id);
  }

  /**
   * Objects every ambient cluster has, so never "missing" (DESIGN §2b): the root namespace and istiod in it,
   * {@code kube-system/kube-dns}, {@code default/kubernetes}, and the GatewayClasses Istio installs.
   */
  boolean isBuiltIn(ResourceId id) {
    String root = config.rootNamespace();
    if (id.is(Kind.NAMESPACE)) {
      return id.name().equals(root) || id.name().equals("kube-system") || id.name().equals("default");
    }
    if (id.is(Kind.SERVICE)) {
      return id.namespace().equals(root) && id.name().equals("istiod")
          || id.namespace().equals("kube-system") && id.name().equals("kube-dns")
          || id.namespace().equals("default") && id.name().equals("kubernetes");
    }
    if (id.is(Kind.DEPLOYMENT)) {
      return id.namespace().equals(root) && id.name().equals("istiod");
    }
    return id.is(Kind.GATEWAY_CLASS)
        && (id.name().equals(IstioLabels.CLASS_ISTIO_WAYPOINT) || IstioLabels.ISTIO_BUILTIN_CLASSES.contains(id.name()));
  }

  Collection<Namespace> namespaces() {
    return namespaces.values();
  }

  /** The namespace, declared (in the repository or config {@code namespaces:}) or implicit. */
  Namespace namespace(String name) {
    Namespace ns = namespaces.get(name);
    return ns != null ? ns : undeclaredNamespace(name);
  }

  boolean isNamespace(String name) {
    return namespaces.containsKey(name);
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

  List<Service> services() {
    return services;
  }

  Optional<Service> service(String namespace, String name) {
    return Optional.ofNullable(servicesById.get(new ResourceId(Kind.SERVICE, namespace, name)));
  }

  List<Service> servicesIn(String namespace) {
    return Collections.unmodifiableList(servicesByNamespace.getOrDefault(namespace, List.of()));
  }

  List<ServiceEntry> serviceEntries() {
    return serviceEntries;
  }

  Optional<ServiceEntry> serviceEntry(String namespace, String name) {
    return Optional.ofNullable(serviceEntriesById.get(new ResourceId(Kind.SERVICE_ENTRY, namespace, name)));
  }

  /** The Service or ServiceEntry with this id; empty for another kind or an object not in the repository. */
  Optional<MeshService> meshService(ResourceId id) {
    if (id.is(Kind.SERVICE)) {
      return service(id.namespace(), id.name()).map(s -> s);
    }
    if (id.is(Kind.SERVICE_ENTRY)) {
      return serviceEntry(id.namespace(), id.name()).map(s -> s);
    }
    return Optional.empty();
  }

  List<Workload> workloads() {
    return workloads;
  }

  Optional<Workload> workload(ResourceId id) {
    return Optional.ofNullable(workloadsById.get(id));
  }

  List<Workload> workloadsIn(String namespace) {
    return Collections.unmodifiableList(workloadsByNamespace.getOrDefault(namespace, List.of()));
  }

  /** Workloads in {@code namespace} whose pod labels match {@code selector}; an empty selector selects nothing. */
  List<Workload> workloadsSelectedBy(String namespace, Map<String, String> selector) {
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
  List<Workload> workloadsSelectedBy(MeshService service) {
    if (service instanceof Service s) {
      return workloadsSelectedBy(s.namespace(), s.selector());
    }
    return workloadsSelectedBy(service.namespace(), ((ServiceEntry) service).workloadSelector());
  }

  /** Services in the workload's namespace whose selector matches its pods. */
  List<Service> servicesSelecting(Workload workload) {
    List<Service> out = new ArrayList<>();
    for (Service s : servicesIn(workload.namespace())) {
      if (s.hasSelector() && LabelSelector.matchesLabels(s.selector(), workload.podLabels())) {
        out.add(s);
      }
    }
    return out;
  }

  List<Gateway> gateways() {
    return gateways;
  }

  Optional<Gateway> gateway(String namespace, String name) {
    return Optional.ofNullable(gatewaysById.get(new ResourceId(Kind.GATEWAY, namespace, name)));
  }

  Collection<GatewayClass> gatewayClasses() {
    return gatewayClasses.values();
  }

  Optional<GatewayClass> gatewayClass(String name) {
    return Optional.ofNullable(gatewayClasses.get(name));
  }

  Enrolment enrolment(Workload w) {
    Enrolment known = workloadEnrolments.get(w);
    return known != null ? known : Enrolment.of(w, namespace(w.namespace()));
  }

  Enrolment enrolment(Namespace ns) {
    Enrolment known = namespaces.get(ns.name()) == ns ? namespaceEnrolments.get(ns.name()) : null;
    return known != null ? known : Enrolment.of(ns);
  }

  boolean isAmbient(Namespace ns) {
    return enrolment(ns).isAmbient();
  }

  /** A service is ambient when its namespace is (its pods may still differ). */
  boolean isAmbient(MeshService service) {
    return isAmbient(namespace(service.namespace()));
  }

  /** Does anything run in ambient: a namespace labelled for it, or a workload captured by ztunnel? */
  boolean hasAmbientEnrolment() {
    return namespaceEnrolments.values().stream().anyMatch(Enrolment::isAmbient)
        || workloadEnrolments.values().stream().anyMatch(Enrolment::isAmbient);
  }
}
