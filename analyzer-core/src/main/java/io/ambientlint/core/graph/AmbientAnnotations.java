package io.ambientlint.core.graph;

import io.ambientlint.core.model.Kind;
import io.ambientlint.core.model.NodeRef;
import io.ambientlint.core.model.Resource;
import io.ambientlint.core.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ambient settings written as annotations where Istio reads only labels: {@code istio.io/dataplane-mode},
 * {@code use-waypoint}, {@code use-waypoint-namespace}, {@code waypoint-for} and {@code ingress-use-waypoint}, on
 * the objects whose label would mean something (Namespace, Service, ServiceEntry, pod templates, Pods,
 * WorkloadEntries, Gateways and GatewayClasses). An annotation whose twin label is also written with the same value
 * is left alone: it changes nothing, but nothing is lost either.
 */
public final class AmbientAnnotations {
  private AmbientAnnotations() {}

  /**
   * One misplaced annotation.
   *
   * @param labelPlace where the label belongs, in words ({@code the pod template's labels})
   * @param labelValue the value of the twin label where it is written with another value
   */
  public record Misplaced(NodeRef annotation, String key, String value, Resource holder, String labelPlace,
      java.util.Optional<String> labelValue) {}

  private static final Set<String> NAMESPACE_KEYS = Set.of(IstioLabels.DATAPLANE_MODE, IstioLabels.USE_WAYPOINT,
      IstioLabels.USE_WAYPOINT_NAMESPACE, IstioLabels.INGRESS_USE_WAYPOINT, IstioLabels.WAYPOINT_FOR);
  private static final Set<String> SERVICE_KEYS = Set.of(IstioLabels.USE_WAYPOINT, IstioLabels.USE_WAYPOINT_NAMESPACE,
      IstioLabels.INGRESS_USE_WAYPOINT);
  private static final Set<String> POD_KEYS = Set.of(IstioLabels.DATAPLANE_MODE, IstioLabels.USE_WAYPOINT,
      IstioLabels.USE_WAYPOINT_NAMESPACE);
  private static final Set<String> GATEWAY_KEYS = Set.of(IstioLabels.WAYPOINT_FOR);

  static List<Misplaced> find(Inventory inventory) {
    List<Misplaced> out = new ArrayList<>();
    for (Resource r : inventory.model().resources()) {
      if (r.annotations().isEmpty()) {
        continue;
      }
      Set<String> keys = keysFor(r);
      for (Map.Entry<String, String> a : r.annotations().entrySet()) {
        if (keys.contains(a.getKey())) {
          String place = Workload.podPointerFor(r.id()).filter(p -> !p.isEmpty()).isPresent()
              ? "the pod template's labels (spec.template.metadata.labels)" : "the labels of " + r.displayName();
          add(out, r.annotationNode(a.getKey()), a.getKey(), a.getValue(), r, place, r.labels());
        }
      }
    }
    for (Workload w : inventory.workloads()) {
      if (w.podPointer().isEmpty()) {
        continue; // a Pod's own annotations were read above
      }
      for (Map.Entry<String, String> a : w.podAnnotations().entrySet()) {
        if (POD_KEYS.contains(a.getKey())) {
          add(out, w.podAnnotationNode(a.getKey()), a.getKey(), a.getValue(), w.resource(), "the pod template's labels",
              w.podLabels());
        }
      }
    }
    return List.copyOf(out);
  }

  private static void add(List<Misplaced> out, NodeRef node, String key, String value, Resource holder, String place,
      Map<String, String> labels) {
    String label = labels.get(key);
    if (value.equals(label)) {
      return;
    }
    out.add(new Misplaced(node, key, value, holder, place, java.util.Optional.ofNullable(label)));
  }

  private static Set<String> keysFor(Resource r) {
    if (r.id().is(Kind.NAMESPACE)) {
      return NAMESPACE_KEYS;
    }
    if (r.id().is(Kind.SERVICE) || r.id().is(Kind.SERVICE_ENTRY)) {
      return SERVICE_KEYS;
    }
    if (r.id().is(Kind.GATEWAY) || r.id().is(Kind.GATEWAY_CLASS)) {
      return GATEWAY_KEYS;
    }
    if (Workload.podPointerFor(r.id()).isPresent() || r.id().is(Kind.WORKLOAD_ENTRY)) {
      return POD_KEYS;
    }
    return Set.of();
  }
}
