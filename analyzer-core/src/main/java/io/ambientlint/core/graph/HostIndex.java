package io.ambientlint.core.graph;

import io.ambientlint.core.model.DestinationRule;
import io.ambientlint.core.model.MeshService;
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
 * it ({@code reviews} in books is {@code reviews.books.svc.cluster.local}); {@code name.ns} (when {@code ns}
 * is a namespace), {@code name.ns.svc} and the FQDN (with the configured cluster domain) name the same Service;
 * a ServiceEntry answers for each of its hosts; {@code *.example.com} matches any host under
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

  /** Istio's annotation limiting where a Kubernetes Service is visible, like a ServiceEntry's exportTo. */
  static final String EXPORT_TO_ANNOTATION = "networking.istio.io/exportTo";

  private final String clusterDomain;
  private final Predicate<String> isNamespace;
  private final List<VirtualService> virtualServices = new ArrayList<>();
  private final List<DestinationRule> destinationRules = new ArrayList<>();
  private final Map<String, List<MeshService>> servicesByHost = new HashMap<>();
  private final Map<ResourceId, List<String>> hostnamesByService = new HashMap<>();
  private final Map<ResourceId, ExportTo> serviceVisibility = new HashMap<>();
  private final Map<String, List<VirtualServiceHost>> virtualServicesByHost = new HashMap<>();
  private final Map<String, List<DestinationRule>> destinationRulesByHost = new HashMap<>();

  HostIndex(String clusterDomain, Predicate<String> isNamespace) {
    this.clusterDomain = clusterDomain.toLowerCase(Locale.ROOT);
    this.isNamespace = isNamespace;
  }

  void addService(Service s) {
    String exportTo = s.resource().annotations().getOrDefault(EXPORT_TO_ANNOTATION, "");
    serviceVisibility.put(s.id(), ExportTo.of(exportTo.isBlank() ? List.of()
        : List.of(exportTo.replace(" ", "").split(",")), s.namespace()));
    addHost(s, s.name() + "." + s.namespace() + ".svc." + clusterDomain);
  }

  void addServiceEntry(ServiceEntry se) {
    serviceVisibility.put(se.id(), ExportTo.of(se.exportTo(), se.namespace()));
    for (String h : se.hosts()) {
      addHost(se, fqdn(h, se.namespace()));
    }
  }

  private void addHost(MeshService service, String fqdn) {
    servicesByHost.computeIfAbsent(fqdn, k -> new ArrayList<>(1)).add(service);
    hostnamesByService.computeIfAbsent(service.id(), k -> new ArrayList<>(1)).add(fqdn);
  }

  void addVirtualService(VirtualService vs) {
    virtualServices.add(vs);
    if (!vs.isMesh()) {
      return;
    }
    ExportTo exportTo = ExportTo.of(vs.exportTo(), vs.namespace());
    for (VirtualService.HostEntry h : vs.hosts()) {
      String fqdn = fqdn(h.host(), vs.namespace());
      virtualServicesByHost.computeIfAbsent(fqdn, k -> new ArrayList<>(1))
          .add(new VirtualServiceHost(vs, h, fqdn, exportTo));
    }
  }

  void addDestinationRule(DestinationRule dr) {
    destinationRules.add(dr);
    if (!dr.host().isEmpty()) {
      destinationRulesByHost.computeIfAbsent(fqdn(dr.host(), dr.namespace()), k -> new ArrayList<>(1)).add(dr);
    }
  }

  public List<VirtualService> virtualServices() {
    return virtualServices;
  }

  public List<DestinationRule> destinationRules() {
    return destinationRules;
  }

  /** The host as Istio resolves it for an object in {@code namespace}, lower-cased. */
  public String fqdn(String host, String namespace) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("*") || h.startsWith("*.")) {
      return h;
    }
    String[] labels = h.split("\\.", -1);
    if (labels.length == 1) {
      return h + "." + namespace + ".svc." + clusterDomain;
    }
    if (labels.length == 2 && isNamespace.test(labels[1])) {
      return h + ".svc." + clusterDomain;
    }
    if (labels.length == 3 && labels[2].equals("svc")) {
      return h + "." + clusterDomain;
    }
    return h;
  }

  /** Does the host, resolved in {@code namespace}, name a Kubernetes Service ({@code *.svc.<clusterDomain>})? */
  public boolean isClusterLocal(String host, String namespace) {
    return serviceIdOf(fqdn(host, namespace)).isPresent();
  }

  /** {@code reviews.books.svc.cluster.local} -> Service books/reviews, when the host has that form. */
  public Optional<ResourceId> serviceIdOf(String fqdn) {
    String suffix = ".svc." + clusterDomain;
    if (!fqdn.endsWith(suffix)) {
      return Optional.empty();
    }
    String[] parts = fqdn.substring(0, fqdn.length() - suffix.length()).split("\\.");
    return parts.length == 2 ? Optional.of(new ResourceId("", "Service", parts[1], parts[0])) : Optional.empty();
  }

  /** The hosts a Service (its FQDN) or ServiceEntry (each host) answers for. */
  public List<String> hostnamesOf(MeshService service) {
    return hostnamesByService.getOrDefault(service.id(), List.of());
  }

  /**
   * The Service or ServiceEntry a host names, resolved in {@code namespace} and visible there (exportTo): an
   * exact host first (Services before ServiceEntries), else a ServiceEntry whose wildcard host covers it.
   */
  public Optional<MeshService> meshServiceForHost(String host, String namespace) {
    // The keys of matchKeys, tried one by one: most hosts resolve on the first, so the wildcards are not built.
    String fqdn = fqdn(host, namespace);
    MeshService found = firstVisible(servicesByHost.get(fqdn), namespace);
    if (found != null || fqdn.startsWith("*")) {
      return Optional.ofNullable(found);
    }
    for (int dot = fqdn.indexOf('.'); dot >= 0 && found == null; dot = fqdn.indexOf('.', dot + 1)) {
      found = firstVisible(servicesByHost.get("*" + fqdn.substring(dot)), namespace);
    }
    return Optional.ofNullable(found != null ? found : firstVisible(servicesByHost.get("*"), namespace));
  }

  /** Of the services under one key, the first visible Service, else the first visible ServiceEntry, else null. */
  private MeshService firstVisible(List<MeshService> candidates, String namespace) {
    if (candidates == null) {
      return null;
    }
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
    for (String key : matchKeys(fqdn(host, namespace))) {
      out.addAll(virtualServicesByHost.getOrDefault(key, List.of()));
    }
    return out;
  }

  /** Mesh VirtualServices written for exactly this resolved host (for conflicts between them). */
  public List<VirtualServiceHost> virtualServicesWithHost(String fqdn) {
    return virtualServicesByHost.getOrDefault(fqdn, List.of());
  }

  /**
   * Mesh VirtualServices whose host is {@code fqdn} or a wildcard covering it ({@code *.d} covers
   * {@code *.productpage.d} and {@code a.d}): the ones that compete with a VirtualService for {@code fqdn}.
   */
  public List<VirtualServiceHost> virtualServicesCovering(String fqdn) {
    List<VirtualServiceHost> out = new ArrayList<>();
    for (String key : coveringKeys(fqdn)) {
      out.addAll(virtualServicesByHost.getOrDefault(key, List.of()));
    }
    return out;
  }

  /** Every resolved host some mesh VirtualService names. */
  public Set<String> virtualServiceHosts() {
    return virtualServicesByHost.keySet();
  }

  /** DestinationRules whose host is, or by wildcard covers, {@code host} resolved in {@code namespace}. */
  public List<DestinationRule> destinationRulesForHost(String host, String namespace) {
    List<DestinationRule> out = new ArrayList<>();
    for (String key : matchKeys(fqdn(host, namespace))) {
      out.addAll(destinationRulesByHost.getOrDefault(key, List.of()));
    }
    return out;
  }

  public List<DestinationRule> destinationRulesForHost(MeshService service) {
    return lookUp(destinationRulesByHost, hostnamesOf(service));
  }

  /** Entries under any of the hosts or the wildcards covering them, each once (by identity: records are deep). */
  private static <T> List<T> lookUp(Map<String, List<T>> index, List<String> hosts) {
    List<T> out = new ArrayList<>();
    Set<T> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (String host : hosts) {
      for (String key : matchKeys(host)) {
        for (T t : index.getOrDefault(key, List.of())) {
          if (seen.add(t)) {
            out.add(t);
          }
        }
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
