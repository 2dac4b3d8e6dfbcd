package io.ambientlint.core.graph;

import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.model.Kind;
import io.ambientlint.core.model.NodeRef;
import io.ambientlint.core.model.Resource;
import io.ambientlint.core.model.Workload;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service accounts that something in the repository runs as or declares, by namespace: pods of workloads
 * (Kubernetes' {@code default} when unset), ServiceAccount objects, and the accounts Istio gives the Deployments
 * it creates for Gateway API gateways ({@code gateway.istio.io/service-account}, else the Gateway's name with or
 * without its class as suffix, as istiod's deployment controller names them).
 */
public final class ServiceAccountIndex {

  /** One account and the first place that shows it exists. */
  public record KnownAccount(String namespace, String name, NodeRef shownBy, String how) {}

  private final Inventory inventory;
  private final Map<String, Map<String, KnownAccount>> byNamespace = new HashMap<>();

  ServiceAccountIndex(Inventory inventory, WaypointResolver waypoints) {
    this.inventory = inventory;
    for (Workload w : inventory.workloads()) {
      String pointer = w.isWorkloadEntry() ? "/spec/serviceAccount"
          : w.podPointer() + "/spec/" + (w.resource().root().at(w.podPointer() + "/spec/serviceAccount").isTextual()
              && !w.resource().root().at(w.podPointer() + "/spec/serviceAccountName").isTextual()
              ? "serviceAccount" : "serviceAccountName");
      NodeRef at = w.serviceAccount().isPresent() ? w.node(pointer) : w.resource().nameNode();
      add(w.namespace(), w.effectiveServiceAccount(), at, "pods of " + w.displayName());
    }
    for (Resource r : inventory.model().ofKind(Kind.SERVICE_ACCOUNT)) {
      add(r.namespace(), r.name(), r.nameNode(), r.displayName());
    }
    for (Gateway g : inventory.gateways()) {
      String annotated = g.resource().annotations().get("gateway.istio.io/service-account");
      if (annotated != null && !annotated.isEmpty()) {
        add(g.namespace(), annotated, g.resource().annotationNode("gateway.istio.io/service-account"),
            "the Deployment of " + g.displayName());
      } else {
        // Istio's waypoint classes drop the class suffix, its other classes keep it; for others, either may hold.
        boolean waypointClass = waypoints.isWaypointClass(g.className());
        if (waypointClass || !IstioLabels.ISTIO_BUILTIN_CLASSES.contains(g.className())) {
          add(g.namespace(), g.name(), g.resource().nameNode(), "the Deployment of " + g.displayName());
        }
        if (!waypointClass) {
          add(g.namespace(), g.name() + "-" + g.className(), g.resource().nameNode(), "the Deployment of " + g.displayName());
        }
      }
    }
  }

  private void add(String namespace, String account, NodeRef at, String how) {
    byNamespace.computeIfAbsent(namespace, k -> new LinkedHashMap<>())
        .putIfAbsent(account, new KnownAccount(namespace, account, at, how));
  }

  /**
   * The accounts of a namespace whose workloads the repository holds; empty when it holds none of them (or the
   * namespace is the root namespace, where Istio's own gateways run): then nothing is known about its accounts.
   */
  public Optional<Collection<KnownAccount>> accountsIfKnown(String namespace) {
    if (inventory.workloadsIn(namespace).isEmpty() || namespace.equals(inventory.config().rootNamespace())) {
      return Optional.empty();
    }
    return Optional.of(List.copyOf(byNamespace.getOrDefault(namespace, Map.of()).values()));
  }
}
