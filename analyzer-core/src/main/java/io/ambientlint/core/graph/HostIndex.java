package io.ambientlint.core.graph;

import io.ambientlint.core.model.DestinationRule;
import io.ambientlint.core.model.Kind;
import io.ambientlint.core.model.MeshService;
import io.ambientlint.core.model.Model;
import io.ambientlint.core.model.NodeRef;
import io.ambientlint.core.model.ResourceId;
import io.ambientlint.core.model.Service;
import io.ambientlint.core.model.ServiceEntry;
import io.ambientlint.core.model.VirtualService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Hosts as Istio resolves them. A host with no dot is a short name in the namespace of the object that wrote
 * it ({@code reviews} in books is {@code reviews.books.svc.cluster.local}); any host with a dot is literal, so
 * {@code name.ns} and {@code name.ns.svc} name no Service (only the FQDN, with the configured cluster domain,
 * does); a ServiceEntry answers for each of its hosts; {@code *.example.com} matches any host under
 * {@code example.com}. VirtualServices (mesh ones), DestinationRules, Services and ServiceEntries are indexed
 * by resolved host, so a lookup costs one map access per label of the host.
 */
public final class HostIndex {

  /** One host of a mesh VirtualService, resolved; {@code exportTo} says which namespaces see it. */
  public record VirtualServiceHost(VirtualService virtualService, VirtualService.HostEntry entry, String fqdn,
      ExportTo exportTo) {
    public NodeRef node() {
      return virtualService.node(entry.pointer());
    }
  }

  /** A host of a VirtualService and the Service or ServiceEntry it names, resolved in the VirtualService's namespace. */
  public record ServiceTarget(VirtualService virtualService, VirtualService.HostEntry entry, MeshService service) {
    public NodeRef node() {
      return virtualService.node(entry.pointer());
    }
  }

  /** Istio's annotation limiting where a Kubernetes Service is visible, like a ServiceEntry's exportTo. */
  static final String EXPORT_TO_ANNOTATION = "networking.istio.io/exportTo";

  private final String clusterDomain;
  /** {@code .svc.cluster.local}: what a Service's FQDN ends with. */
  private final String serviceSuffix;
  private final String rootNamespace;
  private final Predicate<String> isNamespace;
  private final List<VirtualService> virtualServices = new ArrayList<>();
  private final List<DestinationRule> destinationRules = new ArrayList<>();
  private final HostMap<MeshService> servicesByHost = new HostMap<>();
  private final Map<ResourceId, List<String>> hostnamesByService = new HashMap<>();
  private final Map<ResourceId, ExportTo> serviceVisibility = new HashMap<>();
  private final HostMap<VirtualServiceHost> virtualServicesByHost = new HostMap<>();
  private final HostMap<DestinationRule> destinationRulesByHost = new HostMap<>();

  /**
   * Entries by resolved host. Most repositories write no wildcard host: a map that holds none answers a lookup
   * with one access instead of one per label of the host.
   */
  private static final class HostMap<T> {
    private final Map<String, List<T>> byHost = new HashMap<>();
    private boolean hasWildcards;

    void add(String fqdn, T entry) {
      byHost.computeIfAbsent(fqdn, k -> new ArrayList<>(1)).add(entry);
      hasWildcards |= fqdn.startsWith("*");
    }

    List<T> exactly(String key) {
      return byHost.getOrDefault(key, List.of());
    }

    /** The keys a lookup of {@code fqdn} tries: {@link #matchKeys}, or the host alone when no key is a wildcard. */
    List<String> keysFor(String fqdn) {
      return hasWildcards ? matchKeys(fqdn) : List.of(fqdn);
    }

    /** Entries under the host, then under each wildcard covering it, most specific first. */
    void addMatching(String fqdn, List<T> out) {
      for (String key : keysFor(fqdn)) {
        out.addAll(exactly(key));
      }
    }

    Set<String> hosts() {
      return Collections.unmodifiableSet(byHost.keySet());
    }
  }

  /** Indexes the inventory's Services and ServiceEntries, then the model's VirtualServices and DestinationRules. */
  HostIndex(Inventory inventory) {
    this.clusterDomain = inventory.config().clusterDomain().toLowerCase(Locale.ROOT);
    this.serviceSuffix = ".svc." + this.clusterDomain;
    this.rootNamespace = inventory.config().rootNamespace();
    this.isNamespace = inventory::isNamespace;
    inventory.services().forEach(this::addService);
    inventory.serviceEntries().forEach(this::addServiceEntry);
    Model model = inventory.model();
    model.views(Kind.VIRTUAL_SERVICE, VirtualService.class).forEach(this::addVirtualService);
    model.views(Kind.DESTINATION_RULE, DestinationRule.class).forEach(this::addDestinationRule);
  }

  private void addService(Service s) {
    String exportTo = s.resource().annotations().getOrDefault(EXPORT_TO_ANNOTATION, "");
    serviceVisibility.put(s.id(), ExportTo.of(exportTo.isBlank() ? List.of()
        : List.of(exportTo.replace(" ", "").split(",")), s.namespace()));
    addHost(s, s.name() + "." + s.namespace() + ".svc." + clusterDomain);
  }

  private void addServiceEntry(ServiceEntry se) {
    serviceVisibility.put(se.id(), ExportTo.of(se.exportTo(), se.namespace()));
    for (String h : se.hosts()) {
      addHost(se, fqdn(h, se.namespace()));
    }
  }

  private void addHost(MeshService service, String fqdn) {
    servicesByHost.add(fqdn, service);
    hostnamesByService.computeIfAbsent(service.id(), k -> new ArrayList<>(1)).add(fqdn);
  }

  private void addVirtualService(VirtualService vs) {
    virtualServices.add(vs);
    if (!vs.isMesh()) {
      return;
    }
    ExportTo exportTo = ExportTo.of(vs.exportTo(), vs.namespace());
    for (VirtualService.HostEntry h : vs.hosts()) {
      String fqdn = fqdn(h.host(), vs.namespace());
      virtualServicesByHost.add(fqdn, new VirtualServiceHost(vs, h, fqdn, exportTo));
    }
  }

  private void addDestinationRule(DestinationRule dr) {
    destinationRules.add(dr);
    if (!dr.host().isEmpty()) {
      destinationRulesByHost.add(fqdn(dr.host(), dr.namespace()), dr);
    }
  }

  public List<VirtualService> virtualServices() {
    return Collections.unmodifiableList(virtualServices);
  }

  public List<DestinationRule> destinationRules() {
    return Collections.unmodifiableList(destinationRules);
  }

  /**
   * The host as Istio resolves it for an object in {@code namespace}, lower-cased. Only a dot-free short name
   * is expanded ({@code reviews} -> {@code reviews.<ns>.svc.<domain>}); {@code reviews.books} and
   * {@code reviews.books.svc} stay literal (ResolveShortnameToFQDN, pilot/pkg/model/config.go), and no Service
   * answers for them.
   */
  public String fqdn(String host, String namespace) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("*") || h.indexOf('.') >= 0 || h.indexOf(':') >= 0) { // IPv6 literals have no dot either
      return h;
    }
    return h + "." + namespace + ".svc." + clusterDomain;
  }

  /** The hosts of the VirtualService that name a Service or ServiceEntry visible in its namespace, in order. */
  public List<ServiceTarget> servicesTargetedBy(VirtualService vs) {
    List<ServiceTarget> out = new ArrayList<>(vs.hosts().size());
    for (VirtualService.HostEntry h : vs.hosts()) {
      meshServiceForHost(h.host(), vs.namespace()).ifPresent(s -> out.add(new ServiceTarget(vs, h, s)));
    }
    return out;
  }

  /**
   * The FQDN of the Service a partly qualified host ({@code name.namespace}, {@code name.namespace.svc}) was
   * probably meant to name; Istio takes such hosts literally.
   */
  public Optional<String> intendedServiceFqdn(String host) {
    return partlyQualifiedService(host).map(this::serviceFqdn);
  }

  /**
   * The Service a partly qualified host was probably meant to name: {@code name.namespace} (when the namespace
   * is known) or {@code name.namespace.svc}. Istio does not expand these forms, so they match no Service.
   */
  public Optional<ResourceId> partlyQualifiedService(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("*")) {
      return Optional.empty();
    }
    String[] labels = h.split("\\.", -1);
    boolean nameDotNamespace = labels.length == 2 && isNamespace.test(labels[1]);
    boolean withSvc = labels.length == 3 && labels[2].equals("svc");
    if (!(nameDotNamespace || withSvc) || labels[0].isEmpty() || labels[1].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ResourceId(Kind.SERVICE, labels[1], labels[0]));
  }

  /** The FQDN of a Service: {@code name.namespace.svc.<clusterDomain>}. */
  public String serviceFqdn(ResourceId service) {
    return service.name() + "." + service.namespace() + serviceSuffix;
  }

  /**
   * Does some ServiceEntry in the repository declare exactly this host (resolved in {@code namespace}), visible
   * or not? Wildcard hosts do not count: a catch-all entry says nothing about one host.
   */
  public boolean isServiceEntryHost(String host, String namespace) {
    return servicesByHost.exactly(fqdn(host, namespace)).stream().anyMatch(ServiceEntry.class::isInstance);
  }

  /** Does the host, resolved in {@code namespace}, name a Kubernetes Service ({@code *.svc.<clusterDomain>})? */
  public boolean isClusterLocal(String host, String namespace) {
    return serviceIdOf(fqdn(host, namespace)).isPresent();
  }

  /** The Service a host resolved in {@code namespace} names by its form ({@code name.ns.svc.<domain>}), if any. */
  public Optional<ResourceId> serviceNamedByHost(String host, String namespace) {
    return serviceIdOf(fqdn(host, namespace));
  }

  /** {@code reviews.books.svc.cluster.local} -> Service books/reviews, when the host has that form. */
  public Optional<ResourceId> serviceIdOf(String fqdn) {
    if (!fqdn.endsWith(serviceSuffix)) {
      return Optional.empty();
    }
    String nameDotNamespace = fqdn.substring(0, fqdn.length() - serviceSuffix.length());
    int dot = nameDotNamespace.indexOf('.');
    if (dot < 0 || dot == nameDotNamespace.length() - 1 || nameDotNamespace.indexOf('.', dot + 1) >= 0) {
      return Optional.empty();
    }
    return Optional.of(new ResourceId(Kind.SERVICE, nameDotNamespace.substring(dot + 1), nameDotNamespace.substring(0, dot)));
  }

  /** The hosts a Service (its FQDN) or ServiceEntry (each host) answers for. */
  public List<String> hostnamesOf(MeshService service) {
    return Collections.unmodifiableList(hostnamesByService.getOrDefault(service.id(), List.of()));
  }

  /**
   * The Service or ServiceEntry a host names, resolved in {@code namespace} and visible there (exportTo): an
   * exact host first (Services before ServiceEntries), else a ServiceEntry whose wildcard host covers it.
   */
  public Optional<MeshService> meshServiceForHost(String host, String namespace) {
    for (String key : servicesByHost.keysFor(fqdn(host, namespace))) {
      MeshService found = firstVisible(servicesByHost.exactly(key), namespace);
      if (found != null) {
        return Optional.of(found);
      }
    }
    return Optional.empty();
  }

  /** Of the services under one key, the first visible Service, else the first visible ServiceEntry, else null. */
  private MeshService firstVisible(List<MeshService> candidates, String namespace) {
    MeshService first = null;
    for (MeshService s : candidates) {
      if (isVisible(s, namespace)) {
        if (s instanceof Service) {
          return s;
        }
        if (first == null) {
          first = s;
        }
      }
    }
    return first;
  }

  /** Is the service visible to objects in {@code namespace} (ServiceEntry exportTo, Service exportTo annotation)? */
  public boolean isVisible(MeshService service, String namespace) {
    ExportTo exportTo = serviceVisibility.get(service.id());
    return exportTo == null || exportTo.visibleTo(namespace); // not indexed: no exportTo, visible everywhere
  }

  /** Mesh VirtualServices with a host that is, or by wildcard covers, one of the service's hosts. */
  public List<VirtualServiceHost> virtualServicesForHost(MeshService service) {
    return lookUp(virtualServicesByHost, hostnamesOf(service));
  }

  /** Mesh VirtualServices whose hosts cover {@code host} resolved in {@code namespace}. */
  public List<VirtualServiceHost> virtualServicesForHost(String host, String namespace) {
    List<VirtualServiceHost> out = new ArrayList<>();
    virtualServicesByHost.addMatching(fqdn(host, namespace), out);
    return out;
  }

  /** Mesh VirtualServices written for exactly this resolved host (for conflicts between them). */
  public List<VirtualServiceHost> virtualServicesWithHost(String fqdn) {
    return Collections.unmodifiableList(virtualServicesByHost.exactly(fqdn));
  }

  /**
   * Mesh VirtualServices whose host is {@code fqdn} or a wildcard covering it ({@code *.d} covers
   * {@code *.productpage.d} and {@code a.d}): the ones that compete with a VirtualService for {@code fqdn}.
   */
  public List<VirtualServiceHost> virtualServicesCovering(String fqdn) {
    List<VirtualServiceHost> out = new ArrayList<>();
    for (String key : coveringKeys(fqdn)) {
      out.addAll(virtualServicesByHost.exactly(key));
    }
    return out;
  }

  /** Every resolved host some mesh VirtualService names. */
  public Set<String> virtualServiceHosts() {
    return virtualServicesByHost.hosts();
  }

  /** DestinationRules whose host is, or by wildcard covers, {@code host} resolved in {@code namespace}. */
  public List<DestinationRule> destinationRulesForHost(String host, String namespace) {
    List<DestinationRule> out = new ArrayList<>();
    destinationRulesByHost.addMatching(fqdn(host, namespace), out);
    return out;
  }

  /** DestinationRules whose host is, or by wildcard covers, one of the service's hosts. */
  public List<DestinationRule> destinationRulesForHost(MeshService service) {
    return lookUp(destinationRulesByHost, hostnamesOf(service));
  }

  /**
   * The DestinationRules a proxy in {@code proxyNamespace} (a waypoint's namespace) uses for a host, after
   * PushContext.destinationRule (pilot/pkg/model/push_context.go): the rules of its own namespace, else those the
   * service's namespace exports to it, else those the root namespace exports to it. Only the first level that
   * has a rule for the host counts.
   */
  public List<DestinationRule> destinationRulesSeenFrom(String host, String hostNamespace, String serviceNamespace,
      String proxyNamespace) {
    List<DestinationRule> all = destinationRulesForHost(host, hostNamespace);
    List<DestinationRule> own = all.stream().filter(dr -> dr.namespace().equals(proxyNamespace)).toList();
    if (!own.isEmpty()) {
      return own;
    }
    for (String owner : List.of(serviceNamespace, rootNamespace)) {
      List<DestinationRule> exported = all.stream().filter(dr -> dr.namespace().equals(owner)
          && ExportTo.of(dr.exportTo(), dr.namespace()).visibleTo(proxyNamespace)).toList();
      if (!exported.isEmpty()) {
        return exported;
      }
    }
    return List.of();
  }

  /** Entries under any of the hosts or the wildcards covering them, each once (by identity: records are deep). */
  private static <T> List<T> lookUp(HostMap<T> index, List<String> hosts) {
    List<T> matching = new ArrayList<>();
    for (String host : hosts) {
      index.addMatching(host, matching);
    }
    if (matching.size() < 2) {
      return matching;
    }
    List<T> out = new ArrayList<>(matching.size());
    Set<T> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (T t : matching) {
      if (seen.add(t)) {
        out.add(t);
      }
    }
    return out;
  }

  /** Like {@link #matchKeys}, and for a wildcard host also the wider wildcards covering it. */
  static List<String> coveringKeys(String fqdn) {
    if (!fqdn.startsWith("*.")) {
      return matchKeys(fqdn);
    }
    List<String> keys = new ArrayList<>();
    keys.add(fqdn);
    for (String key : matchKeys(fqdn.substring(2))) {
      if (key.startsWith("*")) {
        keys.add(key);
      }
    }
    return keys;
  }

  /** The host itself, then each wildcard that covers it, most specific first, then {@code *}. */
  static List<String> matchKeys(String fqdn) {
    List<String> keys = new ArrayList<>();
    keys.add(fqdn);
    if (fqdn.startsWith("*")) {
      return keys;
    }
    int dot = fqdn.indexOf('.');
    while (dot >= 0) {
      keys.add("*" + fqdn.substring(dot));
      dot = fqdn.indexOf('.', dot + 1);
    }
    keys.add("*");
    return keys;
  }
}
