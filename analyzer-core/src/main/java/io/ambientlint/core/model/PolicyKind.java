package io.ambientlint.core.model;

import java.util.Optional;

/**
 * The Istio kinds that attach to workloads or gateways by selector or targetRefs, with where each keeps its
 * selector ({@code selector.matchLabels}, or {@code workloadSelector.labels} for EnvoyFilter and Sidecar) and
 * whether it accepts targetRefs.
 */
public enum PolicyKind {
  AUTHORIZATION_POLICY(KnownKinds.ISTIO_SECURITY, "AuthorizationPolicy", "/spec/selector/matchLabels", true),
  REQUEST_AUTHENTICATION(KnownKinds.ISTIO_SECURITY, "RequestAuthentication", "/spec/selector/matchLabels", true),
  PEER_AUTHENTICATION(KnownKinds.ISTIO_SECURITY, "PeerAuthentication", "/spec/selector/matchLabels", false),
  TELEMETRY(KnownKinds.ISTIO_TELEMETRY, "Telemetry", "/spec/selector/matchLabels", true),
  WASM_PLUGIN(KnownKinds.ISTIO_EXTENSIONS, "WasmPlugin", "/spec/selector/matchLabels", true),
  ENVOY_FILTER(KnownKinds.ISTIO_NETWORKING, "EnvoyFilter", "/spec/workloadSelector/labels", true),
  SIDECAR(KnownKinds.ISTIO_NETWORKING, "Sidecar", "/spec/workloadSelector/labels", false);

  private final String group;
  private final String kind;
  private final String labelsPointer;
  private final boolean targetable;

  PolicyKind(String group, String kind, String labelsPointer, boolean targetable) {
    this.group = group;
    this.kind = kind;
    this.labelsPointer = labelsPointer;
    this.targetable = targetable;
  }

  public String group() {
    return group;
  }

  public String kind() {
    return kind;
  }

  /** Where the selector's labels live, e.g. {@code /spec/selector/matchLabels}. */
  public String labelsPointer() {
    return labelsPointer;
  }

  /** The selector object itself ({@code /spec/selector}). */
  public String selectorPointer() {
    return labelsPointer.substring(0, labelsPointer.lastIndexOf('/'));
  }

  public boolean acceptsTargetRefs() {
    return targetable;
  }

  public static Optional<PolicyKind> of(ResourceId id) {
    for (PolicyKind k : values()) {
      if (id.isKind(k.group, k.kind)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
