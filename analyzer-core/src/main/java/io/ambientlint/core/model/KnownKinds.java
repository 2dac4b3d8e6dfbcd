package io.ambientlint.core.model;

import java.util.Set;

/** API groups and kinds the analyzer knows by name. */
public final class KnownKinds {
  private KnownKinds() {}

  public static final String GATEWAY_API = "gateway.networking.k8s.io";
  public static final String ISTIO_NETWORKING = "networking.istio.io";
  public static final String ISTIO_SECURITY = "security.istio.io";
  public static final String ISTIO_TELEMETRY = "telemetry.istio.io";
  public static final String ISTIO_EXTENSIONS = "extensions.istio.io";

  /** Kinds that live outside any namespace; {@code metadata.namespace} on them is ignored by Kubernetes. */
  private static final Set<String> CLUSTER_SCOPED = Set.of(
      "/Namespace", "/Node", "/PersistentVolume", "/ComponentStatus",
      GATEWAY_API + "/GatewayClass",
      "apiextensions.k8s.io/CustomResourceDefinition",
      "rbac.authorization.k8s.io/ClusterRole", "rbac.authorization.k8s.io/ClusterRoleBinding",
      "storage.k8s.io/StorageClass", "storage.k8s.io/CSIDriver", "storage.k8s.io/VolumeAttachment",
      "admissionregistration.k8s.io/MutatingWebhookConfiguration",
      "admissionregistration.k8s.io/ValidatingWebhookConfiguration",
      "admissionregistration.k8s.io/ValidatingAdmissionPolicy",
      "admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding",
      "apiregistration.k8s.io/APIService", "scheduling.k8s.io/PriorityClass", "node.k8s.io/RuntimeClass",
      "networking.k8s.io/IngressClass", "cert-manager.io/ClusterIssuer",
      "policy/PodSecurityPolicy");

  public static boolean isClusterScoped(String group, String kind) {
    return CLUSTER_SCOPED.contains(group + "/" + kind);
  }

  /** {@code apps/v1} -> {@code apps}; {@code v1} -> the core group, written as an empty string. */
  public static String groupOf(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }
}
