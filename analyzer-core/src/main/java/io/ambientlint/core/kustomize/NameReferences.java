package io.ambientlint.core.kustomize;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * After names changed (prefix, suffix, generator hash), the fields that kustomize knows to be references to
 * another object by name are updated to the new name. Only these: a reference kustomize does not know (an
 * Istio or Gateway API targetRef, say) keeps the old name, as it does in the cluster.
 */
final class NameReferences {

  private NameReferences() {}

  /** A referrer kind's field (slash path) that holds the name of an object of {@code target} kind. */
  private record Ref(String target, String referrer, String path) {}

  private static final Map<String, String> POD_SPEC = Map.of(
      "Pod", "spec", "PodTemplate", "template/spec", "Deployment", "spec/template/spec",
      "ReplicaSet", "spec/template/spec", "DaemonSet", "spec/template/spec", "StatefulSet", "spec/template/spec",
      "Job", "spec/template/spec", "ReplicationController", "spec/template/spec",
      "CronJob", "spec/jobTemplate/spec/template/spec");

  private static final List<Ref> REFS = build();

  private static List<Ref> build() {
    List<Ref> refs = new ArrayList<>();
    for (Map.Entry<String, String> e : POD_SPEC.entrySet()) {
      String kind = e.getKey();
      String spec = e.getValue();
      for (String c : List.of("containers", "initContainers")) {
        refs.add(new Ref("ConfigMap", kind, spec + "/" + c + "/env/valueFrom/configMapKeyRef/name"));
        refs.add(new Ref("ConfigMap", kind, spec + "/" + c + "/envFrom/configMapRef/name"));
        refs.add(new Ref("Secret", kind, spec + "/" + c + "/env/valueFrom/secretKeyRef/name"));
        refs.add(new Ref("Secret", kind, spec + "/" + c + "/envFrom/secretRef/name"));
      }
      refs.add(new Ref("ConfigMap", kind, spec + "/volumes/configMap/name"));
      refs.add(new Ref("ConfigMap", kind, spec + "/volumes/projected/sources/configMap/name"));
      refs.add(new Ref("Secret", kind, spec + "/volumes/secret/secretName"));
      refs.add(new Ref("Secret", kind, spec + "/volumes/projected/sources/secret/name"));
      refs.add(new Ref("Secret", kind, spec + "/imagePullSecrets/name"));
      refs.add(new Ref("ServiceAccount", kind, spec + "/serviceAccountName"));
      refs.add(new Ref("PersistentVolumeClaim", kind, spec + "/volumes/persistentVolumeClaim/claimName"));
      refs.add(new Ref("PriorityClass", kind, spec + "/priorityClassName"));
    }
    for (String kind : List.of("Role", "ClusterRole")) {
      refs.add(new Ref("ConfigMap", kind, "rules/resourceNames"));
      refs.add(new Ref("Secret", kind, "rules/resourceNames"));
    }
    refs.add(new Ref("Secret", "Ingress", "spec/tls/secretName"));
    refs.add(new Ref("Secret", "ServiceAccount", "imagePullSecrets/name"));
    refs.add(new Ref("Service", "StatefulSet", "spec/serviceName"));
    refs.add(new Ref("Service", "Ingress", "spec/rules/http/paths/backend/service/name"));
    refs.add(new Ref("Service", "Ingress", "spec/defaultBackend/service/name"));
    refs.add(new Ref("Service", "Ingress", "spec/rules/http/paths/backend/serviceName"));
    refs.add(new Ref("Service", "Ingress", "spec/backend/serviceName"));
    refs.add(new Ref("Service", "APIService", "spec/service/name"));
    refs.add(new Ref("Role", "RoleBinding", "roleRef/name"));
    refs.add(new Ref("ClusterRole", "RoleBinding", "roleRef/name"));
    refs.add(new Ref("ClusterRole", "ClusterRoleBinding", "roleRef/name"));
    refs.add(new Ref("ServiceAccount", "RoleBinding", "subjects"));
    refs.add(new Ref("ServiceAccount", "ClusterRoleBinding", "subjects"));
    for (String kind : List.of("Deployment", "ReplicationController", "ReplicaSet", "StatefulSet")) {
      refs.add(new Ref(kind, "HorizontalPodAutoscaler", "spec/scaleTargetRef/name"));
    }
    refs.add(new Ref("StorageClass", "PersistentVolume", "spec/storageClassName"));
    refs.add(new Ref("StorageClass", "PersistentVolumeClaim", "spec/storageClassName"));
    refs.add(new Ref("StorageClass", "StatefulSet", "spec/volumeClaimTemplates/spec/storageClassName"));
    refs.add(new Ref("PersistentVolume", "PersistentVolumeClaim", "spec/volumeName"));
    refs.add(new Ref("IngressClass", "Ingress", "spec/ingressClassName"));
    return List.copyOf(refs);
  }

  static void fix(List<KustomizeRenderer.Obj> objects) {
    for (KustomizeRenderer.Obj referrer : objects) {
      for (Ref ref : REFS) {
        if (!ref.referrer.equals(referrer.kind())) {
          continue;
        }
        FieldSpecs.visit(referrer.root, ref.path, false, referrer.declaredAt, (parent, key) -> {
          PNode value = parent.get(key);
          if (value == null) {
            return;
          }
          if (ref.path.equals("subjects")) {
            if (value.isList()) {
              for (PNode subject : value.items()) {
                if (subject.isMap() && ref.target.equals(subject.textAt("kind"))) {
                  subject(objects, subject);
                }
              }
            }
            return;
          }
          if ((key.equals("name") && (ref.path.startsWith("roleRef") || ref.path.contains("scaleTargetRef")))
              && !ref.target.equals(parent.textAt("kind"))) {
            return;
          }
          if (value.isList()) {
            for (int i = 0; i < value.items().size(); i++) {
              PNode item = value.items().get(i);
              String newName = newName(objects, ref.target, item.text(), referrer.namespace(), referrer.clusterScoped());
              if (newName != null) {
                PNode replaced = PNode.text(newName, item.at);
                value.items().set(i, replaced);
              }
            }
            return;
          }
          update(objects, ref.target, parent, key, referrer.namespace(), referrer.clusterScoped());
        });
      }
    }
  }

  /** A binding's ServiceAccount subject follows its account: new name, and the account's namespace. */
  private static void subject(List<KustomizeRenderer.Obj> objects, PNode subject) {
    String name = subject.textAt("name");
    String ns = subject.textAt("namespace");
    List<KustomizeRenderer.Obj> found = new ArrayList<>();
    for (KustomizeRenderer.Obj o : objects) {
      if (o.kind().equals("ServiceAccount") && o.names.contains(name) && (ns == null || ns.equals(o.namespace()))) {
        found.add(o);
      }
    }
    if (found.size() != 1) {
      return;
    }
    KustomizeRenderer.Obj account = found.get(0);
    PNode nameNode = account.root.at("metadata", "name");
    if (!account.name().equals(name)) {
      PNode replaced = PNode.text(account.name(), nameNode.at);
      replaced.keyAt = subject.get("name").keyAt;
      subject.put("name", replaced);
    }
    PNode accountNs = account.root.at("metadata", "namespace");
    if (accountNs != null && accountNs.text() != null && !accountNs.text().equals(ns)) {
      subject.put("namespace", PNode.text(accountNs.text(), accountNs.at));
    }
  }

  private static void update(List<KustomizeRenderer.Obj> objects, String target, PNode parent, String key,
      String namespace, boolean anyNamespace) {
    PNode value = parent.get(key);
    if (value == null || value.text() == null) {
      return;
    }
    String newName = newName(objects, target, value.text(), namespace, anyNamespace);
    if (newName != null) {
      KustomizeRenderer.Obj source = find(objects, target, value.text(), namespace, anyNamespace).get(0);
      PNode replaced = PNode.text(newName, source.root.at("metadata", "name").at);
      replaced.keyAt = value.keyAt;
      parent.put(key, replaced);
    }
  }

  /** The current name of the one object of kind {@code target} once named {@code old}, when it changed. */
  private static String newName(List<KustomizeRenderer.Obj> objects, String target, String old, String namespace,
      boolean anyNamespace) {
    if (old == null) {
      return null;
    }
    List<KustomizeRenderer.Obj> found = find(objects, target, old, namespace, anyNamespace);
    Set<String> names = new LinkedHashSet<>();
    found.forEach(o -> names.add(o.name()));
    if (names.size() != 1) {
      return null;
    }
    String name = names.iterator().next();
    return name.equals(old) ? null : name;
  }

  private static List<KustomizeRenderer.Obj> find(List<KustomizeRenderer.Obj> objects, String target, String old,
      String namespace, boolean anyNamespace) {
    List<KustomizeRenderer.Obj> found = new ArrayList<>();
    for (KustomizeRenderer.Obj o : objects) {
      if (o.kind().equals(target) && o.names.contains(old)
          && (anyNamespace || o.clusterScoped() || o.namespace().equals(namespace))) {
        found.add(o);
      }
    }
    return found;
  }
}
