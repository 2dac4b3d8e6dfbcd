package io.ambientlint.core.graph;

import io.ambientlint.core.model.EnvoyFilter;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.model.Kind;
import io.ambientlint.core.model.ResourceId;
import io.ambientlint.core.model.Workload;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * EnvoyFilters and what each reaches ({@link EnvoyFilterReach}), with the reverse index from a Gateway to the
 * filters whose targetRefs reach it: by Gateway id, and by class for GatewayClass targets from the root
 * namespace (only {@code istio-waypoint} counts).
 */
final class EnvoyFilterIndex {

  private final Inventory inventory;
  private final WaypointResolver resolver;
  private final List<EnvoyFilter> filters = new ArrayList<>();
  private final Map<String, List<Gateway>> gatewaysByNamespace = new HashMap<>();
  private final Map<String, List<Gateway>> gatewaysByClass = new HashMap<>();
  private final Map<ResourceId, List<EnvoyFilterReach.TargetReach>> byGateway = new HashMap<>();
  private final Map<EnvoyFilter, EnvoyFilterReach> reach = new IdentityHashMap<>();

  EnvoyFilterIndex(Inventory inventory, WaypointResolver waypoints) {
    this.inventory = inventory;
    this.resolver = waypoints;
    List<EnvoyFilter> filters = inventory.model().views(Kind.ENVOY_FILTER, EnvoyFilter.class);
    for (Gateway g : inventory.gateways()) {
      gatewaysByNamespace.computeIfAbsent(g.namespace(), k -> new ArrayList<>()).add(g);
      gatewaysByClass.computeIfAbsent(g.className(), k -> new ArrayList<>()).add(g);
    }
    for (EnvoyFilter f : filters) {
      this.filters.add(f);
      EnvoyFilterReach r = computeReach(f);
      reach.put(f, r);
      for (EnvoyFilterReach.TargetReach t : r.targets()) {
        t.waypoints().forEach(g -> byGateway.computeIfAbsent(g.id(), k -> new ArrayList<>()).add(t));
        t.otherGateways().forEach(g -> byGateway.computeIfAbsent(g.id(), k -> new ArrayList<>()).add(t));
      }
    }
  }

  List<EnvoyFilter> filters() {
    return Collections.unmodifiableList(filters);
  }

  /** What the filter reaches: targetRef Gateways (waypoints among them), selected workloads, waypoint pods. */
  EnvoyFilterReach reachOf(EnvoyFilter filter) {
    EnvoyFilterReach r = reach.get(filter);
    return r != null ? r : computeReach(filter);
  }

  /** The targetRefs that reach this Gateway (directly, or by GatewayClass from the root namespace). */
  List<EnvoyFilterReach.TargetReach> applyingTo(Gateway gateway) {
    return Collections.unmodifiableList(byGateway.getOrDefault(gateway.id(), List.of()));
  }

  private EnvoyFilterReach computeReach(EnvoyFilter f) {
    boolean root = f.namespace().equals(inventory.config().rootNamespace());
    if (!f.targetRefs().isEmpty()) {
      List<EnvoyFilterReach.TargetReach> targets = new ArrayList<>();
      for (EnvoyFilter.TargetRef ref : f.targetRefs()) {
        targets.add(targetReach(f, ref, root));
      }
      return new EnvoyFilterReach(f, List.copyOf(targets), List.of(), List.of(), List.of());
    }
    Map<String, String> selector = f.workloadSelector().orElse(Map.of());
    List<String> namespaces = root ? inventory.namespaces().stream().map(n -> n.name()).toList() : List.of(f.namespace());
    List<Workload> workloads = new ArrayList<>();
    List<Gateway> waypoints = new ArrayList<>();
    List<Gateway> gateways = new ArrayList<>();
    for (String ns : namespaces) {
      List<Workload> candidates = selector.isEmpty() ? inventory.workloadsIn(ns) : inventory.workloadsSelectedBy(ns, selector);
      for (Workload w : candidates) {
        if (!isWaypointPod(w)) {
          workloads.add(w);
        }
      }
      String gatewayName = selector.get(IstioLabels.GATEWAY_NAME);
      if (selector.isEmpty()) {
        for (Gateway g : gatewaysByNamespace.getOrDefault(ns, List.of())) {
          (resolver.isWaypoint(g) ? waypoints : gateways).add(g);
        }
      } else if (gatewayName != null) {
        inventory.gateway(ns, gatewayName).filter(resolver::isWaypoint).ifPresent(waypoints::add);
      }
    }
    return new EnvoyFilterReach(f, List.of(), List.copyOf(workloads), List.copyOf(waypoints), List.copyOf(gateways));
  }

  private EnvoyFilterReach.TargetReach targetReach(EnvoyFilter f, EnvoyFilter.TargetRef ref, boolean root) {
    if (ref.is(Kind.GATEWAY)) {
      Optional<Gateway> g = inventory.gateway(f.namespace(), ref.name());
      List<Gateway> way = g.filter(resolver::isWaypoint).stream().toList();
      List<Gateway> other = g.filter(x -> !resolver.isWaypoint(x)).stream().toList();
      return new EnvoyFilterReach.TargetReach(f, ref, way, other, Optional.empty());
    }
    if (ref.is(Kind.GATEWAY_CLASS)) {
      if (!root) {
        return ignored(f, ref, "a GatewayClass targetRef applies only from the root namespace "
            + inventory.config().rootNamespace());
      }
      if (!ref.name().equals(IstioLabels.CLASS_ISTIO_WAYPOINT)) {
        return ignored(f, ref, "a GatewayClass targetRef applies only to class " + IstioLabels.CLASS_ISTIO_WAYPOINT);
      }
      return new EnvoyFilterReach.TargetReach(f, ref, List.copyOf(gatewaysByClass.getOrDefault(ref.name(), List.of())),
          List.of(), Optional.empty());
    }
    if (ref.is(Kind.SERVICE) || ref.is(Kind.SERVICE_ENTRY)) {
      return ignored(f, ref, "EnvoyFilter targetRefs never match a " + ref.kind() + " (only a Gateway, or GatewayClass "
          + IstioLabels.CLASS_ISTIO_WAYPOINT + " from the root namespace)");
    }
    return ignored(f, ref, "EnvoyFilter targetRefs support only Gateway and GatewayClass, not "
        + (ref.group().isEmpty() ? "" : ref.group() + "/") + ref.kind());
  }

  private static EnvoyFilterReach.TargetReach ignored(EnvoyFilter f, EnvoyFilter.TargetRef ref, String why) {
    return new EnvoyFilterReach.TargetReach(f, ref, List.of(), List.of(), Optional.of(why));
  }

  /** Pods Istio deploys for a waypoint carry the Gateway's name in {@code gateway.networking.k8s.io/gateway-name}. */
  private boolean isWaypointPod(Workload w) {
    String name = w.podLabels().get(IstioLabels.GATEWAY_NAME);
    return name != null && inventory.gateway(w.namespace(), name).filter(resolver::isWaypoint).isPresent();
  }

  /**
   * Does the workload run an Envoy of its own without injection: a gateway deployment (Gateway API managed,
   * {@code istio: ...gateway} label, gateway injection template or a {@code proxyv2} image)?
   */
  boolean runsOwnProxy(Workload w) {
    Map<String, String> labels = w.podLabels();
    if (labels.containsKey(IstioLabels.GATEWAY_NAME) && !isWaypointPod(w)) {
      return true;
    }
    if (labels.getOrDefault("istio", "").endsWith("gateway")
        || "gateway".equals(w.podAnnotations().get("inject.istio.io/templates"))) {
      return true;
    }
    var containers = w.resource().root().at(w.podPointer() + "/spec/containers");
    for (var c : containers) {
      if (c.path("image").asText("").contains("proxyv2")) {
        return true;
      }
    }
    return false;
  }
}
