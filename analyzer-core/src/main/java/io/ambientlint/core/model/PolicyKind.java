package io.ambientlint.core.model;

import java.util.Optional;

/**
 * The Istio kinds that attach to workloads or gateways by selector or targetRefs, with where each keeps its
 * selector ({@code selector.matchLabels}, or {@code workloadSelector.labels} for EnvoyFilter and Sidecar) and
 * whether it accepts targetRefs.
 */
public enum PolicyKind {
  AUTHORIZATION_POLICY(Kind.AUTHORIZATION_POLICY, "/spec/selector/matchLabels", true),
  REQUEST_AUTHENTICATION(Kind.REQUEST_AUTHENTICATION, "/spec/selector/matchLabels", true),
  PEER_AUTHENTICATION(Kind.PEER_AUTHENTICATION, "/spec/selector/matchLabels", false),
  TELEMETRY(Kind.TELEMETRY, "/spec/selector/matchLabels", true),
  WASM_PLUGIN(Kind.WASM_PLUGIN, "/spec/selector/matchLabels", true),
  ENVOY_FILTER(Kind.ENVOY_FILTER, "/spec/workloadSelector/labels", true),
  SIDECAR(Kind.SIDECAR, "/spec/workloadSelector/labels", false);

  private final Kind type;
  private final String labelsPointer;
  private final boolean targetable;

  PolicyKind(Kind type, String labelsPointer, boolean targetable) {
    this.type = type;
    this.labelsPointer = labelsPointer;
    this.targetable = targetable;
  }

  /** The Kubernetes type, {@code security.istio.io/AuthorizationPolicy}. */
  public Kind type() {
    return type;
  }

  public String group() {
    return type.group();
  }

  public String kind() {
    return type.kind();
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
      if (id.is(k.type)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
