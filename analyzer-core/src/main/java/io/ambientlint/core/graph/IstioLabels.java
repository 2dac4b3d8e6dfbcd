package io.ambientlint.core.graph;

/** Labels and annotations Istio reads to decide enrolment and waypoint use. */
public final class IstioLabels {
  private IstioLabels() {}

  public static final String DATAPLANE_MODE = "istio.io/dataplane-mode";
  public static final String USE_WAYPOINT = "istio.io/use-waypoint";
  public static final String USE_WAYPOINT_NAMESPACE = "istio.io/use-waypoint-namespace";
  public static final String USE_WAYPOINT_CANARY = "istio.io/use-waypoint-canary";
  public static final String USE_WAYPOINT_CANARY_NAMESPACE = "istio.io/use-waypoint-canary-namespace";
  /** An annotation (not a label): integer 0-100, the canary's share of connections. */
  public static final String USE_WAYPOINT_CANARY_WEIGHT = "istio.io/use-waypoint-canary-weight";
  public static final String WAYPOINT_FOR = "istio.io/waypoint-for";
  public static final String INGRESS_USE_WAYPOINT = "istio.io/ingress-use-waypoint";
  public static final String ISTIO_INJECTION = "istio-injection";
  public static final String REV = "istio.io/rev";
  public static final String SIDECAR_INJECT = "sidecar.istio.io/inject";
  public static final String GATEWAY_NAME = "gateway.networking.k8s.io/gateway-name";
  public static final String WAYPOINT_INBOUND_BINDING = "ambient.istio.io/waypoint-inbound-binding";
  public static final String DRY_RUN = "istio.io/dry-run";
  /** Set by the istio-cni agent on the pods it redirected to ztunnel (annotation.AmbientRedirection). */
  public static final String AMBIENT_REDIRECTION = "ambient.istio.io/redirection";
  /** On the Service of an Istio-deployed waypoint: {@value #MESH_CONTROLLER}. */
  public static final String GATEWAY_MANAGED = "gateway.istio.io/managed";
  public static final String MESH_CONTROLLER = "istio.io-mesh-controller";
  /** The controllerName of Istio's waypoint GatewayClasses (constants.ManagedGatewayMeshController). */
  public static final String MESH_CONTROLLER_NAME = "istio.io/mesh-controller";
  /** constants.ManagedAgentgatewayWaypointController. */
  public static final String AGENTGATEWAY_WAYPOINT_CONTROLLER_NAME = "istio.io/agentgateway-waypoint-controller";

  public static final String AMBIENT = "ambient";
  public static final String NONE = "none";

  public static final String CLASS_ISTIO_WAYPOINT = "istio-waypoint";
  public static final String CLASS_AGENTGATEWAY_WAYPOINT = "istio-agentgateway-waypoint";
  /** Istio's non-waypoint GatewayClasses (ingress, remote, east-west). */
  public static final java.util.Set<String> ISTIO_BUILTIN_CLASSES = java.util.Set.of("istio", "istio-remote",
      "istio-east-west");
  public static final String HBONE_PROTOCOL = "HBONE";
  public static final String PROXY_PROTOCOL = "istio.io/PROXY";
  public static final int HBONE_PORT = 15008;
}
