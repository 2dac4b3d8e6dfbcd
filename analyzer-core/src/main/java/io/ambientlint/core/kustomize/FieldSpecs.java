package io.ambientlint.core.kustomize;

import io.ambientlint.core.model.Location;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The fields kustomize's built-in transformers touch, per kind (its "field specs"), and how a slash path of a
 * field spec is walked: lists on the way are entered element by element.
 */
final class FieldSpecs {

  private FieldSpecs() {}

  /** {@code group} null matches any group; {@code kind} null matches any kind. */
  record Spec(String group, String kind, String path, boolean create) {
    boolean selects(String objectGroup, String objectKind) {
      return (kind == null || kind.equals(objectKind)) && (group == null || group.equals(objectGroup));
    }
  }

  private static final List<String> POD_TEMPLATE_KINDS = List.of("Deployment", "ReplicaSet", "DaemonSet");

  static final List<Spec> METADATA_LABELS = List.of(new Spec(null, null, "metadata/labels", true));

  static final List<Spec> TEMPLATE_LABELS = List.of(
      new Spec("", "ReplicationController", "spec/template/metadata/labels", true),
      new Spec(null, "Deployment", "spec/template/metadata/labels", true),
      new Spec(null, "ReplicaSet", "spec/template/metadata/labels", true),
      new Spec(null, "DaemonSet", "spec/template/metadata/labels", true),
      new Spec("apps", "StatefulSet", "spec/template/metadata/labels", true),
      new Spec("batch", "Job", "spec/template/metadata/labels", true),
      new Spec("batch", "CronJob", "spec/jobTemplate/metadata/labels", true),
      new Spec("batch", "CronJob", "spec/jobTemplate/spec/template/metadata/labels", true));

  static final List<Spec> SELECTOR_LABELS;

  static {
    List<Spec> s = new java.util.ArrayList<>();
    s.add(new Spec("", "Service", "spec/selector", true));
    s.add(new Spec("", "ReplicationController", "spec/selector", true));
    s.add(new Spec(null, "Deployment", "spec/selector/matchLabels", true));
    s.add(new Spec(null, "ReplicaSet", "spec/selector/matchLabels", true));
    s.add(new Spec(null, "DaemonSet", "spec/selector/matchLabels", true));
    s.add(new Spec("apps", "StatefulSet", "spec/selector/matchLabels", true));
    for (String kind : List.of("Deployment", "StatefulSet")) {
      String affinity = "spec/template/spec/affinity/";
      s.add(new Spec("apps", kind, affinity + "podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels", false));
      s.add(new Spec("apps", kind, affinity + "podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels", false));
      s.add(new Spec("apps", kind, affinity + "podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels", false));
      s.add(new Spec("apps", kind, affinity + "podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels", false));
      s.add(new Spec("apps", kind, "spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels", false));
    }
    s.add(new Spec("batch", "Job", "spec/selector/matchLabels", false));
    s.add(new Spec("batch", "CronJob", "spec/jobTemplate/spec/selector/matchLabels", false));
    s.add(new Spec("policy", "PodDisruptionBudget", "spec/selector/matchLabels", false));
    s.add(new Spec("networking.k8s.io", "NetworkPolicy", "spec/podSelector/matchLabels", false));
    s.add(new Spec("networking.k8s.io", "NetworkPolicy", "spec/ingress/from/podSelector/matchLabels", false));
    s.add(new Spec("networking.k8s.io", "NetworkPolicy", "spec/egress/to/podSelector/matchLabels", false));
    s.add(new Spec("apps", "StatefulSet", "spec/volumeClaimTemplates/metadata/labels", true));
    SELECTOR_LABELS = List.copyOf(s);
  }

  static final List<Spec> ANNOTATIONS = List.of(
      new Spec(null, null, "metadata/annotations", true),
      new Spec("", "ReplicationController", "spec/template/metadata/annotations", true),
      new Spec(null, "Deployment", "spec/template/metadata/annotations", true),
      new Spec(null, "ReplicaSet", "spec/template/metadata/annotations", true),
      new Spec(null, "DaemonSet", "spec/template/metadata/annotations", true),
      new Spec(null, "StatefulSet", "spec/template/metadata/annotations", true),
      new Spec("batch", "Job", "spec/template/metadata/annotations", true),
      new Spec("batch", "CronJob", "spec/jobTemplate/metadata/annotations", true),
      new Spec("batch", "CronJob", "spec/jobTemplate/spec/template/metadata/annotations", true));

  static final List<Spec> REPLICAS = List.of(
      new Spec(null, "Deployment", "spec/replicas", true),
      new Spec(null, "ReplicationController", "spec/replicas", true),
      new Spec(null, "ReplicaSet", "spec/replicas", true),
      new Spec(null, "StatefulSet", "spec/replicas", true));

  static boolean hasPodTemplate(String kind) {
    return POD_TEMPLATE_KINDS.contains(kind);
  }

  /**
   * Calls {@code at} with (parent mapping, last key) for each place {@code path} reaches in {@code node};
   * with {@code create}, missing mappings on the way are created (located at {@code where}).
   */
  static void visit(PNode node, String path, boolean create, Location where, BiConsumer<PNode, String> at) {
    visit(node, path.split("/"), 0, create, where, at);
  }

  private static void visit(PNode node, String[] segs, int i, boolean create, Location where,
      BiConsumer<PNode, String> at) {
    if (node.isList()) {
      for (PNode item : List.copyOf(node.items())) {
        visit(item, segs, i, create, where, at);
      }
      return;
    }
    if (!node.isMap()) {
      return;
    }
    if (i == segs.length - 1) {
      if (create || node.get(segs[i]) != null) {
        at.accept(node, segs[i]);
      }
      return;
    }
    PNode child = node.get(segs[i]);
    if (child == null || child.isNull()) {
      if (!create) {
        return;
      }
      child = node.mapChild(segs[i], where);
    }
    visit(child, segs, i + 1, create, where, at);
  }
}
