package io.ambientlint.core.graph;

import io.ambientlint.core.model.Kind;
import io.ambientlint.core.model.NodeRef;
import io.ambientlint.core.model.Resource;
import io.ambientlint.core.model.ResourceId;
import java.util.Optional;

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
    return holder.id().is(Kind.NAMESPACE);
  }

  /** Does the label bind services (Service, ServiceEntry) rather than workloads? Namespace labels bind both. */
  public boolean bindsServices() {
    return holder.id().is(Kind.SERVICE) || holder.id().is(Kind.SERVICE_ENTRY);
  }

  /** {@code istio.io/use-waypoint=waypoint on Namespace books}. */
  public String describe() {
    String key = canary ? IstioLabels.USE_WAYPOINT_CANARY : IstioLabels.USE_WAYPOINT;
    return key + "=" + gateway.name() + " on " + holder.displayName();
  }
}
