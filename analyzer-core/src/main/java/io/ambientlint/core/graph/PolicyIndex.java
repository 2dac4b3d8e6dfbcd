package io.ambientlint.core.graph;

import io.ambientlint.core.model.AuthorizationPolicy;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.model.Kind;
import io.ambientlint.core.model.LabelSelector;
import io.ambientlint.core.model.MeshService;
import io.ambientlint.core.model.NodeRef;
import io.ambientlint.core.model.PolicyKind;
import io.ambientlint.core.model.PolicyTargetRef;
import io.ambientlint.core.model.Resource;
import io.ambientlint.core.model.ResourceId;
import io.ambientlint.core.model.ResourceView;
import io.ambientlint.core.model.TargetablePolicy;
import io.ambientlint.core.model.Workload;
import io.ambientlint.core.policy.SourceIdentity;
import io.ambientlint.core.policy.ZtunnelPolicy;
import io.ambientlint.core.policy.ZtunnelPolicyTranslator;
import io.ambientlint.core.text.Phrases;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where every selector/targetRef policy is enforced (DESIGN §3 "Policies"): its targetRefs resolved to
 * gateways and waypoints, its selector or namespace scope resolved to workloads, and for AuthorizationPolicy
 * the ztunnel translation. Built once from the inventory and the waypoint bindings and never written afterwards
 * (rules query it in parallel); queries are map lookups.
 */
public final class PolicyIndex {

  private final Inventory inventory;
  private final WaypointResolver waypoints;
  private final List<TargetablePolicy> policies = new ArrayList<>();
  /** The AuthorizationPolicies in {@link #policies} order, listed once (rules ask for them often). */
  private final List<AuthorizationPolicy> authorizationPolicyList = new ArrayList<>();
  /** Workloads each policy without targetRefs selects, computed once: enforcement and scope both need them. */
  /** The indexed policy of each id: the first definition (a second one is AL903's business). */
  private final Map<ResourceId, TargetablePolicy> indexedById = new HashMap<>();
  /** What is derived of each indexed policy, found by the policy object the index hands out. */
  private final Map<TargetablePolicy, PolicyFacts> facts = new IdentityHashMap<>();
  private final Map<ResourceId, List<TargetResolution>> resolutionsByTarget = new HashMap<>();
  private final Map<ResourceId, List<TargetResolution>> resolutionsByGateway = new HashMap<>();
  /** AuthorizationPolicies without targetRefs, by how ztunnel scopes them. */
  private final Map<String, List<SelectorPolicy>> selectorPoliciesByNamespace = new HashMap<>();
  private final Map<String, List<AuthorizationPolicy>> namespacePolicies = new HashMap<>();
  private final List<SelectorPolicy> rootSelectorPolicies = new ArrayList<>();
  private final List<AuthorizationPolicy> meshPolicies = new ArrayList<>();
  private final Map<ResourceId, List<TargetablePolicy>> selectorPoliciesOnWaypoint = new HashMap<>();
  /** Data planes of every workload of a namespace (key) or of the mesh (key null), filled while building. */
  private final Map<String, DataPlanes> sharedDataPlanes = new HashMap<>();
  /** Identity of every Gateway of the repository as a waypoint, by Gateway id: AL307 asks per workload. */
  private final Map<ResourceId, SourceIdentity> waypointIdentities = new HashMap<>();
  /** Namespaces that have workloads, in the order of their first workload (root selectors scan these). */
  private final List<String> workloadNamespaces;
  /** Is some namespace ambient (a mesh-wide policy then reaches ztunnel)? */
  private final boolean anyAmbientNamespace;

  /**
   * The facts of one policy, filled in while the index is built and only read afterwards: its resolved
   * targetRefs, its ztunnel form (AuthorizationPolicy), the workloads its selector or scope selects, the
   * gateways whose pods the selector matches, and where it is enforced.
   */
  private static final class PolicyFacts {
    List<TargetResolution> targets = List.of();
    ZtunnelPolicy ztunnel;
    List<Workload> selected;
    List<Gateway> gatewaysBySelector;
    PolicyEnforcement enforcement;
  }

  /** A selector AuthorizationPolicy with its selector built once (ztunnelPoliciesFor matches it per workload). */
  private record SelectorPolicy(AuthorizationPolicy policy, LabelSelector selector) {}

  /** Set at the end of construction: from then on nothing is written (rules query in parallel). */
  private final boolean built;

  PolicyIndex(Inventory inventory, WaypointResolver waypoints) {
    this.inventory = inventory;
    this.waypoints = waypoints;
    Set<String> namespacesWithWorkloads = new LinkedHashSet<>();
    for (Workload w : inventory.workloads()) {
      namespacesWithWorkloads.add(w.namespace());
    }
    workloadNamespaces = List.copyOf(namespacesWithWorkloads);
    anyAmbientNamespace = inventory.namespaces().stream().anyMatch(inventory::isAmbient);
    for (PolicyKind kind : PolicyKind.values()) {
      List<Resource> resources = inventory.model().ofKind(kind.type());
      List<? extends ResourceView> views = inventory.model().views(kind.type(), ResourceView.class);
      for (int i = 0; i < resources.size(); i++) {
        Resource r = resources.get(i);
        if (indexedById.containsKey(r.id())) {
          continue; // a second definition of the same object (AL903): the first is the one explained
        }
        // The model read each policy once: an AuthorizationPolicy carries its attachment, an EnvoyFilter's
        // view is its patches (its attachment is read here), the other kinds' view is their attachment.
        AuthorizationPolicy ap = views.get(i) instanceof AuthorizationPolicy a ? a : null;
        TargetablePolicy p = ap != null ? ap.attachment()
            : views.get(i) instanceof TargetablePolicy t ? t : TargetablePolicy.of(r).orElseThrow();
        policies.add(p);
        indexedById.put(r.id(), p);
        PolicyFacts f = new PolicyFacts();
        facts.put(p, f);
        if (ap != null) {
          authorizationPolicyList.add(ap);
          f.ztunnel = ZtunnelPolicyTranslator.translate(ap);
          indexZtunnelScope(ap);
        }
        List<TargetResolution> resolved = List.of();
        if (p.hasTargetRefs()) { // most policies attach by selector: no list to build
          List<TargetResolution> out = new ArrayList<>(p.targetRefs().size());
          for (PolicyTargetRef ref : p.targetRefs()) {
            out.add(resolve(p, ref));
          }
          resolved = List.copyOf(out);
        }
        f.targets = resolved;
        for (TargetResolution t : resolved) {
          resolutionsByTarget.computeIfAbsent(t.ref().targetId(p.namespace()), k -> new ArrayList<>()).add(t);
          for (Gateway g : t.gateways()) {
            resolutionsByGateway.computeIfAbsent(g.id(), k -> new ArrayList<>()).add(t);
          }
        }
      }
    }
    for (TargetablePolicy p : policies) {
      facts.get(p).selected = computeSelectedWorkloads(p);
    }
    for (TargetablePolicy p : policies) {
      facts.get(p).gatewaysBySelector = computeGatewaysMatchingSelector(p);
    }
    for (Gateway g : inventory.gateways()) {
      waypointIdentities.putIfAbsent(g.id(), computeWaypointIdentity(g.namespace(), g.name()));
    }
    for (TargetablePolicy p : policies) {
      facts.get(p).enforcement = computeEnforcement(p);
      for (Gateway g : waypointsMatchedBySelector(p)) {
        selectorPoliciesOnWaypoint.computeIfAbsent(g.id(), k -> new ArrayList<>()).add(p);
      }
    }
    built = true;
  }

  private String rootNamespace() {
    return inventory.config().rootNamespace();
  }

  private void indexZtunnelScope(AuthorizationPolicy ap) {
    TargetablePolicy a = ap.attachment();
    if (a.hasTargetRefs()) {
      return;
    }
    boolean root = ap.namespace().equals(rootNamespace());
    if (a.hasSelector()) {
      (root ? rootSelectorPolicies : selectorPoliciesByNamespace.computeIfAbsent(ap.namespace(), k -> new ArrayList<>()))
          .add(new SelectorPolicy(ap, LabelSelector.of(a.selectorLabels())));
    } else {
      (root ? meshPolicies : namespacePolicies.computeIfAbsent(ap.namespace(), k -> new ArrayList<>())).add(ap);
    }
  }

  // ---- targetRefs ---------------------------------------------------------------------------------------

  private TargetResolution resolve(TargetablePolicy p, PolicyTargetRef ref) {
    String ns = p.namespace();
    java.util.function.BiFunction<TargetResolution.Status, String, TargetResolution> result =
        (status, reason) -> new TargetResolution(p, ref, status, List.of(), Optional.empty(), reason);
    if (ref.name().isEmpty()) {
      return result.apply(TargetResolution.Status.INVALID, "the targetRef has no name");
    }
    if (ref.namespace().isPresent()) {
      return result.apply(TargetResolution.Status.INVALID, "the targetRef sets namespace " + ref.namespace().get()
          + ", which validation rejects (cross namespace referencing is not currently supported)");
    }
    boolean envoyFilter = p.kind() == PolicyKind.ENVOY_FILTER;
    if (ref.isGateway()) {
      List<Gateway> gws = inventory.gateway(ns, ref.name()).map(List::of).orElse(List.of());
      if (gws.isEmpty()) {
        return missing(p, ref);
      }
      return new TargetResolution(p, ref, TargetResolution.Status.ATTACHED, gws, Optional.empty(),
          "Gateway " + ns + "/" + ref.name());
    }
    if (ref.isGatewayClass()) {
      if (!ns.equals(rootNamespace())) {
        return result.apply(TargetResolution.Status.INVALID, "a GatewayClass target applies only from the root namespace "
            + rootNamespace() + ", and this policy is in " + ns);
      }
      if (!ref.name().equals(IstioLabels.CLASS_ISTIO_WAYPOINT)) {
        return result.apply(TargetResolution.Status.INVALID, "a GatewayClass target applies only for class "
            + IstioLabels.CLASS_ISTIO_WAYPOINT + ", not " + ref.name());
      }
      List<Gateway> gws = inventory.gateways().stream().filter(g -> g.className().equals(IstioLabels.CLASS_ISTIO_WAYPOINT)).toList();
      return new TargetResolution(p, ref, TargetResolution.Status.ATTACHED, gws, Optional.empty(),
          "every waypoint of class " + IstioLabels.CLASS_ISTIO_WAYPOINT);
    }
    if ((ref.isService() || ref.isServiceEntry()) && !envoyFilter) {
      Optional<? extends MeshService> svc = ref.isService() ? inventory.service(ns, ref.name()) : inventory.serviceEntry(ns, ref.name());
      if (svc.isEmpty()) {
        return missing(p, ref);
      }
      WaypointBinding b = waypoints.forService(svc.get());
      if (b.isUnknown()) {
        return new TargetResolution(p, ref, TargetResolution.Status.UNKNOWN, List.of(), Optional.of(b),
            "whether " + svc.get().displayName() + " is bound to a waypoint is unknown (" + b.reason() + ")");
      }
      if (!b.isBound()) {
        return new TargetResolution(p, ref, TargetResolution.Status.NOT_BOUND, List.of(), Optional.of(b),
            svc.get().displayName() + " is not bound to a waypoint (" + b.reason() + ")");
      }
      return new TargetResolution(p, ref, TargetResolution.Status.ATTACHED, b.waypoint().map(List::of).orElse(List.of()),
          Optional.of(b), "the waypoint " + b.waypointDisplayName() + " of " + svc.get().displayName());
    }
    return result.apply(TargetResolution.Status.INVALID, "kind " + (ref.group().isEmpty() ? "" : ref.group() + "/")
        + ref.kind() + " is not a supported target (" + (envoyFilter
            ? "gateway.networking.k8s.io Gateway or GatewayClass"
            : "core Service, networking.istio.io ServiceEntry, gateway.networking.k8s.io Gateway or GatewayClass") + ")");
  }

  private TargetResolution missing(TargetablePolicy p, PolicyTargetRef ref) {
    ResourceId id = ref.targetId(p.namespace());
    if (inventory.exists(id)) {
      return new TargetResolution(p, ref, TargetResolution.Status.ATTACHED, List.of(), Optional.empty(),
          ref.describe(p.namespace()) + " (declared in config external)");
    }
    return new TargetResolution(p, ref, TargetResolution.Status.NOT_FOUND, List.of(), Optional.empty(),
        ref.describe(p.namespace()) + " is not in the repository");
  }

  // ---- selector and namespace scope ---------------------------------------------------------------------

  /** Workloads a policy without targetRefs selects (selector, namespace-wide, or mesh-wide from the root). */
  public List<Workload> selectedWorkloads(TargetablePolicy p) {
    PolicyFacts f = factsOf(p);
    return f != null && f.selected != null ? f.selected : computeSelectedWorkloads(p);
  }

  private List<Workload> computeSelectedWorkloads(TargetablePolicy p) {
    if (p.hasTargetRefs()) {
      return List.of();
    }
    boolean root = p.namespace().equals(rootNamespace());
    Map<String, String> labels = p.selectorLabels();
    if (labels.isEmpty()) {
      return root && !p.hasSelector() ? inventory.workloads() : inventory.workloadsIn(p.namespace());
    }
    if (!root) {
      return inventory.workloadsSelectedBy(p.namespace(), labels);
    }
    List<Workload> out = new ArrayList<>();
    for (String ns : workloadNamespaces) {
      out.addAll(inventory.workloadsSelectedBy(ns, labels));
    }
    return out;
  }

  /** A pod of a Gateway API gateway (it carries gateway.networking.k8s.io/gateway-name). */
  private static boolean isGatewayPod(Workload w) {
    return w.podLabels().containsKey(IstioLabels.GATEWAY_NAME);
  }

  private PolicyEnforcement computeEnforcement(TargetablePolicy p) {
    if (p.hasTargetRefs()) {
      List<Gateway> gws = new ArrayList<>();
      Set<Gateway> seen = identitySet();
      List<String> where = new ArrayList<>();
      for (TargetResolution t : targets(p)) {
        for (Gateway g : t.gateways()) {
          if (seen.add(g)) {
            gws.add(g);
          }
        }
        where.add(t.isAttached() ? t.reason() : "not via " + t.ref().describe(p.namespace()) + ": " + t.reason());
      }
      boolean attached = targets(p).stream().anyMatch(TargetResolution::isAttached);
      return new PolicyEnforcement(p, PolicyEnforcement.Scope.TARGET_REFS, List.copyOf(gws), List.of(), List.of(),
          List.of(), "targetRefs: " + String.join("; ", where), attached ? Optional.empty()
              : Optional.of("none of its targetRefs attaches, and sidecars and ztunnel ignore policies with targetRefs"));
    }
    boolean root = p.namespace().equals(rootNamespace());
    PolicyEnforcement.Scope scope = p.hasSelector() ? PolicyEnforcement.Scope.SELECTOR
        : root ? PolicyEnforcement.Scope.MESH : PolicyEnforcement.Scope.NAMESPACE;
    List<Workload> selected = selectedWorkloads(p);
    // Namespace-wide and mesh-wide policies share the graph's lists: split each of those once.
    DataPlanes planes;
    if (scope == PolicyEnforcement.Scope.SELECTOR) {
      planes = dataPlanes(selected);
    } else {
      String key = scope == PolicyEnforcement.Scope.MESH ? null : p.namespace();
      planes = sharedDataPlanes.get(key);
      if (planes == null) {
        planes = dataPlanes(selected);
        if (!built) {
          sharedDataPlanes.put(key, planes);
        }
      }
    }
    List<Workload> proxies = planes.proxies();
    List<Workload> ztunnelOnly = planes.ztunnelOnly();
    List<Workload> ztunnel = p.kind() == PolicyKind.AUTHORIZATION_POLICY ? ztunnelOnly : List.of();
    List<Gateway> gateways = gatewaysReachedBySelector(p);
    String summary = switch (scope) {
      case SELECTOR -> "selector " + LabelSelector.of(p.selectorLabels()) + (root ? " in the root namespace (every namespace)" : "");
      case NAMESPACE -> "every workload of namespace " + p.namespace();
      case MESH -> "every workload of the mesh (root namespace " + p.namespace() + ", no selector)";
      default -> "";
    };
    Optional<String> nowhere = Optional.empty();
    if (gateways.isEmpty() && ztunnel.isEmpty() && proxies.isEmpty()) {
      List<Gateway> waypoints = waypointsMatchedBySelector(p);
      nowhere = Optional.of(!waypoints.isEmpty()
          ? "it selects the pods of waypoint " + waypoints.get(0).id().namespacedName()
              + ", and waypoints ignore policies without targetRefs"
          : !ztunnelOnly.isEmpty() ? "it selects only workloads that have ztunnel and no proxy, which cannot apply it"
          : selected.isEmpty() ? "it selects no workload in the repository"
          : "the workloads it selects are not in the mesh");
    }
    return new PolicyEnforcement(p, scope, gateways, ztunnel, proxies, ztunnelOnly, summary, nowhere);
  }

  /** Selected workloads split by what enforces policies for them: a sidecar, or only ztunnel. */
  private record DataPlanes(List<Workload> proxies, List<Workload> ztunnelOnly) {}

  private DataPlanes dataPlanes(List<Workload> selected) {
    List<Workload> proxies = new ArrayList<>();
    List<Workload> ztunnelOnly = new ArrayList<>();
    for (Workload w : selected) {
      if (isGatewayPod(w)) {
        continue; // gateway pods are proxies of their Gateway: see gatewaysReachedBySelector
      }
      Enrolment e = inventory.enrolment(w);
      // Unknown enrolment (namespace labels unknown) may be a sidecar: never let it support "nothing applies it".
      if (e.isSidecar() || e.isUnknown()) {
        proxies.add(w);
      } else if (e.isAmbient()) {
        ztunnelOnly.add(w);
      }
    }
    return new DataPlanes(List.copyOf(proxies), List.copyOf(ztunnelOnly));
  }

  /**
   * Non-waypoint Gateway API gateways (class {@code istio} and other non-waypoint classes) whose pods the
   * selector reaches: they apply selector policies. Waypoint-class gateways ignore them.
   */
  private List<Gateway> gatewaysReachedBySelector(TargetablePolicy p) {
    List<Gateway> matching = gatewaysMatchingSelector(p);
    return matching.isEmpty() ? List.of()
        : matching.stream().filter(g -> !waypoints.isWaypointClass(g.className())).toList();
  }

  /**
   * Gateways are compared by identity: the graph holds one object per manifest, and record equality would hash
   * whole resources.
   */
  private static <T> Set<T> identitySet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }

  private List<Gateway> gatewaysMatchingSelector(TargetablePolicy p) {
    PolicyFacts f = factsOf(p);
    return f != null && f.gatewaysBySelector != null ? f.gatewaysBySelector : computeGatewaysMatchingSelector(p);
  }

  private List<Gateway> computeGatewaysMatchingSelector(TargetablePolicy p) {
    if (!p.hasSelector() || p.selectorLabels().isEmpty()) {
      return List.of(); // namespace-wide policies are not reported per gateway
    }
    Map<String, String> labels = p.selectorLabels();
    boolean root = p.namespace().equals(rootNamespace());
    List<Gateway> out = new ArrayList<>();
    Set<Gateway> seen = identitySet();
    // Pods in the repository that belong to a Gateway.
    for (Workload w : selectedWorkloads(p)) {
      if (isGatewayPod(w)) {
        inventory.gateway(w.namespace(), w.podLabels().get(IstioLabels.GATEWAY_NAME)).filter(seen::add).ifPresent(out::add);
      }
    }
    // Pods Istio deploys for a Gateway carry its name and class labels, and its infrastructure labels.
    String named = labels.get(IstioLabels.GATEWAY_NAME);
    if (named != null) {
      List<Gateway> candidates = root
          ? inventory.gateways().stream().filter(g -> g.name().equals(named)).toList()
          : inventory.gateway(p.namespace(), named).map(List::of).orElse(List.of());
      for (Gateway g : candidates) {
        if (LabelSelector.of(labels).matches(deployedPodLabels(g)) && seen.add(g)) {
          out.add(g);
        }
      }
    }
    return List.copyOf(out);
  }

  private static Map<String, String> deployedPodLabels(Gateway g) {
    Map<String, String> labels = new LinkedHashMap<>(
        io.ambientlint.core.model.Fields.stringMap(g.resource().spec().path("infrastructure").path("labels")));
    labels.put(IstioLabels.GATEWAY_NAME, g.name());
    labels.put("gateway.networking.k8s.io/gateway-class-name", g.className());
    return labels;
  }

  // ---- queries -------------------------------------------------------------------------------------------

  public List<TargetablePolicy> policies() {
    return Collections.unmodifiableList(policies);
  }

  public List<AuthorizationPolicy> authorizationPolicies() {
    return Collections.unmodifiableList(authorizationPolicyList);
  }

  /** What ztunnel enforces for this AuthorizationPolicy (see {@link ZtunnelPolicyTranslator}). */
  public ZtunnelPolicy ztunnelForm(AuthorizationPolicy p) {
    PolicyFacts f = factsOf(p.attachment());
    ZtunnelPolicy z = f == null ? null : f.ztunnel;
    // Rules query in parallel: the index is never written after construction.
    return z != null && z.source() == p ? z : ZtunnelPolicyTranslator.translate(p);
  }

  /** The policy's targetRefs, each resolved to the gateways it reaches or why none. */
  public List<TargetResolution> targets(TargetablePolicy p) {
    PolicyFacts f = factsOf(p);
    return f == null ? List.of() : f.targets;
  }

  /** Where the policy is enforced: gateways, ztunnel workloads, sidecar workloads, or nowhere. */
  public PolicyEnforcement enforcement(TargetablePolicy p) {
    PolicyFacts f = factsOf(p);
    return f != null && f.enforcement != null ? f.enforcement : computeEnforcement(p);
  }

  /**
   * The facts of the policy, found by the object the index handed out; another object for an indexed id (a
   * view read again, a second definition) gets the indexed policy's facts, as ids name objects.
   */
  private PolicyFacts factsOf(TargetablePolicy p) {
    PolicyFacts f = facts.get(p);
    if (f == null) {
      TargetablePolicy indexed = indexedById.get(p.id());
      f = indexed == null ? null : facts.get(indexed);
    }
    return f;
  }

  /** Every targetRef in the repository that names this object. */
  public List<TargetResolution> policiesTargeting(ResourceId target) {
    return Collections.unmodifiableList(resolutionsByTarget.getOrDefault(target, List.of()));
  }

  /**
   * AuthorizationPolicies ztunnel applies to this workload: selector policies of its namespace and selector
   * policies of the root namespace that match its pods, namespace-wide policies of its namespace, and
   * mesh-wide policies. Empty for workloads ztunnel does not capture.
   */
  public List<AuthorizationPolicy> ztunnelPoliciesFor(Workload w) {
    if (isGatewayPod(w) || !inventory.enrolment(w).isAmbient()) {
      return List.of();
    }
    List<AuthorizationPolicy> out = new ArrayList<>(meshPolicies);
    if (!w.namespace().equals(rootNamespace())) {
      out.addAll(namespacePolicies.getOrDefault(w.namespace(), List.of()));
    }
    for (SelectorPolicy sp : selectorPoliciesByNamespace.getOrDefault(w.namespace(), List.of())) {
      if (sp.selector().matches(w.podLabels())) {
        out.add(sp.policy());
      }
    }
    for (SelectorPolicy sp : rootSelectorPolicies) {
      if (sp.selector().matches(w.podLabels())) {
        out.add(sp.policy());
      }
    }
    return List.copyOf(out);
  }

  /** Policies with targetRefs that reach this gateway or waypoint (Gateway, GatewayClass or Service targets). */
  public List<TargetResolution> waypointPoliciesFor(Gateway gateway) {
    return Collections.unmodifiableList(resolutionsByGateway.getOrDefault(gateway.id(), List.of()));
  }

  /**
   * Policies enforced at the waypoint of a Service or ServiceEntry: those targeting the service itself, and
   * those targeting its waypoint Gateway or class {@code istio-waypoint}. Empty when it has no waypoint.
   */
  public List<TargetResolution> waypointPoliciesFor(MeshService service) {
    WaypointBinding b = waypoints.forService(service);
    if (!b.isBound()) {
      return List.of();
    }
    List<TargetResolution> out = new ArrayList<>();
    for (TargetResolution t : policiesTargeting(service.id())) {
      if (t.isAttached()) {
        out.add(t);
      }
    }
    b.waypoint().ifPresent(gw -> {
      for (TargetResolution t : waypointPoliciesFor(gw)) {
        if (!t.ref().isService() && !t.ref().isServiceEntry()) {
          out.add(t);
        }
      }
    });
    return List.copyOf(out);
  }

  /** Selector policies whose selector matches the pods of this waypoint-class Gateway: the waypoint ignores them. */
  public List<TargetablePolicy> selectorPoliciesIgnoredBy(Gateway waypoint) {
    return Collections.unmodifiableList(selectorPoliciesOnWaypoint.getOrDefault(waypoint.id(), List.of()));
  }

  /** Waypoint-class gateways whose pods this policy's selector matches. */
  public List<Gateway> waypointsMatchedBySelector(TargetablePolicy p) {
    List<Gateway> matching = gatewaysMatchingSelector(p);
    return matching.isEmpty() ? List.of()
        : matching.stream().filter(g -> waypoints.isWaypointClass(g.className())).toList();
  }

  /**
   * Where ztunnel enforces this AuthorizationPolicy, in words ({@code Deployment shop/cart}, {@code every workload
   * of ambient namespace shop}), or empty when ztunnel enforces it nowhere: it has targetRefs, or it selects
   * only sidecar, out-of-mesh or gateway pods. A selector that matches no workload in the repository counts
   * when its namespace is ambient (the pods may come from elsewhere), unless it names a gateway's pods.
   */
  public Optional<String> ztunnelScope(AuthorizationPolicy ap) {
    TargetablePolicy p = ap.attachment();
    if (p.hasTargetRefs()) {
      return Optional.empty();
    }
    PolicyEnforcement e = enforcement(p);
    if (!e.ztunnelWorkloads().isEmpty()) {
      return Optional.of(Phrases.firstOf(e.ztunnelWorkloads().stream().map(Workload::displayName).toList(), 3));
    }
    boolean root = p.namespace().equals(rootNamespace());
    if (e.scope() == PolicyEnforcement.Scope.MESH) {
      return anyAmbientNamespace ? Optional.of("every ambient workload of the mesh") : Optional.empty();
    }
    if (root || !inventory.isAmbient(inventory.namespace(p.namespace())) || !e.proxyWorkloads().isEmpty()
        || p.selectorLabels().containsKey(IstioLabels.GATEWAY_NAME)) {
      return Optional.empty();
    }
    if (e.scope() == PolicyEnforcement.Scope.NAMESPACE) {
      return Optional.of("every workload of ambient namespace " + p.namespace());
    }
    return selectedWorkloads(p).isEmpty()
        ? Optional.of("the pods matching " + LabelSelector.of(p.selectorLabels()) + " in ambient namespace " + p.namespace())
        : Optional.empty();
  }

  // ---- waypoints in front of workloads -------------------------------------------------------------------

  /** A waypoint that traffic to a workload passes through, and which binding put it there. */
  public record WaypointInPath(String namespace, String name, Optional<Gateway> gateway, Optional<NodeRef> label,
      String via) {
    public String displayName() {
      return namespace + "/" + name;
    }
  }

  /** Waypoints serving this workload: its own workload binding and the bindings of the Services selecting it. */
  public List<WaypointInPath> waypointsInFrontOf(Workload w) {
    Map<String, WaypointInPath> out = new LinkedHashMap<>();
    WaypointBinding own = waypoints.forWorkload(w);
    add(out, own, w.displayName());
    for (var s : inventory.servicesSelecting(w)) {
      add(out, waypoints.forService(s), s.displayName());
    }
    return List.copyOf(out.values());
  }

  private static void add(Map<String, WaypointInPath> out, WaypointBinding b, String via) {
    if (b.isBound() && b.waypointName().isPresent() && b.waypointNamespace().isPresent()) {
      String key = b.waypointDisplayName();
      out.putIfAbsent(key, new WaypointInPath(b.waypointNamespace().get(), b.waypointName().get(), b.waypoint(),
          b.label(), via));
    }
  }

  /**
   * The identity a waypoint presents to the destination's ztunnel. Istio runs a waypoint as the service account
   * named like the Gateway, unless the Gateway's {@code gateway.istio.io/service-account} annotation or a
   * Deployment for it (pods labelled with its gateway-name) sets another.
   */
  public SourceIdentity waypointIdentity(String namespace, String name) {
    SourceIdentity known = waypointIdentities.get(new ResourceId(Kind.GATEWAY, namespace, name));
    return known != null ? known : computeWaypointIdentity(namespace, name);
  }

  private SourceIdentity computeWaypointIdentity(String namespace, String name) {
    String sa = name;
    Optional<Gateway> gw = inventory.gateway(namespace, name);
    String annotated = gw.map(g -> g.resource().annotations().get("gateway.istio.io/service-account")).orElse(null);
    if (annotated != null && !annotated.isEmpty()) {
      sa = annotated;
    } else {
      for (Workload w : inventory.workloadsSelectedBy(namespace, Map.of(IstioLabels.GATEWAY_NAME, name))) {
        if (w.serviceAccount().isPresent()) {
          sa = w.serviceAccount().get();
          break;
        }
      }
    }
    return new SourceIdentity(inventory.config().clusterDomain(), namespace, sa);
  }
}
