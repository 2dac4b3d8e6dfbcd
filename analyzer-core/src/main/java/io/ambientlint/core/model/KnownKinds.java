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
  private static final Set<Kind> CLUSTER_SCOPED = Set.of(
      Kind.NAMESPACE, new Kind("", "Node"), new Kind("", "PersistentVolume"), new Kind("", "ComponentStatus"),
      Kind.GATEWAY_CLASS, Kind.CUSTOM_RESOURCE_DEFINITION, new Kind("rbac.authorization.k8s.io", "ClusterRole"),
      new Kind("rbac.authorization.k8s.io", "ClusterRoleBinding"), new Kind("storage.k8s.io", "StorageClass"),
      new Kind("storage.k8s.io", "CSIDriver"), new Kind("storage.k8s.io", "VolumeAttachment"),
      new Kind("admissionregistration.k8s.io", "MutatingWebhookConfiguration"),
      new Kind("admissionregistration.k8s.io", "ValidatingWebhookConfiguration"),
      new Kind("admissionregistration.k8s.io", "ValidatingAdmissionPolicy"),
      new Kind("admissionregistration.k8s.io", "ValidatingAdmissionPolicyBinding"),
      new Kind("apiregistration.k8s.io", "APIService"), new Kind("scheduling.k8s.io", "PriorityClass"),
      new Kind("node.k8s.io", "RuntimeClass"), new Kind("networking.k8s.io", "IngressClass"),
      new Kind("cert-manager.io", "ClusterIssuer"), new Kind("policy", "PodSecurityPolicy"));

  public static boolean isClusterScoped(String group, String kind) {
    return CLUSTER_SCOPED.contains(new Kind(group, kind));
  }

  /** {@code apps/v1} -> {@code apps}; {@code v1} -> the core group, written as an empty string. */
  public static String groupOf(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }
}
