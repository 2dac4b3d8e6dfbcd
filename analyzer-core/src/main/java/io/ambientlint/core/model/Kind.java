package io.ambientlint.core.model;

import java.util.Objects;

/**
 * A Kubernetes object type: its API group ({@code ""} for the core group) and kind. The constants name the kinds
 * the analyzer reads, so code compares types instead of {@code ("group", "kind")} string pairs. Never written to
 * output: reports spell ids through {@link ResourceId}.
 */
public record Kind(String group, String kind) {

  public static final Kind NAMESPACE = core("Namespace");
  public static final Kind SERVICE = core("Service");
  public static final Kind SERVICE_ACCOUNT = core("ServiceAccount");
  public static final Kind POD = core("Pod");
  public static final Kind DEPLOYMENT = new Kind("apps", "Deployment");
  public static final Kind STATEFUL_SET = new Kind("apps", "StatefulSet");
  public static final Kind DAEMON_SET = new Kind("apps", "DaemonSet");
  public static final Kind REPLICA_SET = new Kind("apps", "ReplicaSet");
  public static final Kind JOB = new Kind("batch", "Job");
  public static final Kind CRON_JOB = new Kind("batch", "CronJob");
  public static final Kind NETWORK_POLICY = new Kind("networking.k8s.io", "NetworkPolicy");
  public static final Kind CUSTOM_RESOURCE_DEFINITION = new Kind("apiextensions.k8s.io", "CustomResourceDefinition");

  public static final Kind GATEWAY = gatewayApi("Gateway");
  public static final Kind GATEWAY_CLASS = gatewayApi("GatewayClass");
  public static final Kind HTTP_ROUTE = gatewayApi("HTTPRoute");
  public static final Kind GRPC_ROUTE = gatewayApi("GRPCRoute");
  public static final Kind TLS_ROUTE = gatewayApi("TLSRoute");
  public static final Kind TCP_ROUTE = gatewayApi("TCPRoute");
  public static final Kind UDP_ROUTE = gatewayApi("UDPRoute");
  public static final Kind REFERENCE_GRANT = gatewayApi("ReferenceGrant");

  public static final Kind VIRTUAL_SERVICE = istioNetworking("VirtualService");
  public static final Kind DESTINATION_RULE = istioNetworking("DestinationRule");
  public static final Kind SERVICE_ENTRY = istioNetworking("ServiceEntry");
  public static final Kind WORKLOAD_ENTRY = istioNetworking("WorkloadEntry");
  public static final Kind ENVOY_FILTER = istioNetworking("EnvoyFilter");
  public static final Kind SIDECAR = istioNetworking("Sidecar");
  /** Istio's own (classic) ingress/egress Gateway, not the Gateway API one. */
  public static final Kind ISTIO_GATEWAY = istioNetworking("Gateway");
  /** Not an object: the kind a Gateway API parentRef or backendRef uses to name a ServiceEntry host directly. */
  public static final Kind HOSTNAME = istioNetworking("Hostname");

  public static final Kind AUTHORIZATION_POLICY = new Kind(KnownKinds.ISTIO_SECURITY, "AuthorizationPolicy");
  public static final Kind REQUEST_AUTHENTICATION = new Kind(KnownKinds.ISTIO_SECURITY, "RequestAuthentication");
  public static final Kind PEER_AUTHENTICATION = new Kind(KnownKinds.ISTIO_SECURITY, "PeerAuthentication");
  public static final Kind TELEMETRY = new Kind(KnownKinds.ISTIO_TELEMETRY, "Telemetry");
  public static final Kind WASM_PLUGIN = new Kind(KnownKinds.ISTIO_EXTENSIONS, "WasmPlugin");

  public Kind {
    group = group == null ? "" : group;
    Objects.requireNonNull(kind, "kind");
  }

  /** Is this the type written as {@code group} and {@code kind} ({@code ""} for the core group)? */
  public boolean matches(String group, String kind) {
    return this.group.equals(group) && this.kind.equals(kind);
  }

  private static Kind core(String kind) {
    return new Kind("", kind);
  }

  private static Kind gatewayApi(String kind) {
    return new Kind(KnownKinds.GATEWAY_API, kind);
  }

  private static Kind istioNetworking(String kind) {
    return new Kind(KnownKinds.ISTIO_NETWORKING, kind);
  }
}
