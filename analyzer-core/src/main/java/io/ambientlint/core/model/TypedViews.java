package io.ambientlint.core.model;

import java.util.Optional;

/**
 * The typed view of a resource, chosen by its group and kind (docs/architecture.md "Data flow", step 2
 * "Model"). Each resource's view is read once, when the model is built and in parallel: the graph and the rules then index and query the views, and
 * never re-read the trees.
 */
final class TypedViews {
  private TypedViews() {}

  /** The view of this resource's kind, or null when the kind has none. */
  static ResourceView of(Resource r) {
    ResourceId id = r.id();
    switch (id.group()) {
      case "" -> {
        if (id.kind().equals("Service")) {
          return Service.of(r);
        }
      }
      case KnownKinds.GATEWAY_API -> {
        switch (id.kind()) {
          case "Gateway" -> {
            return Gateway.of(r);
          }
          case "GatewayClass" -> {
            return GatewayClass.of(r);
          }
          case "ReferenceGrant" -> {
            return ReferenceGrant.of(r);
          }
          default -> {
            Optional<Route> route = Route.of(r);
            if (route.isPresent()) {
              return route.get();
            }
          }
        }
      }
      case KnownKinds.ISTIO_NETWORKING -> {
        switch (id.kind()) {
          case "ServiceEntry" -> {
            return ServiceEntry.of(r);
          }
          case "WorkloadEntry" -> {
            return Workload.ofWorkloadEntry(r);
          }
          case "VirtualService" -> {
            return VirtualService.of(r);
          }
          case "DestinationRule" -> {
            return DestinationRule.of(r);
          }
          case "EnvoyFilter" -> {
            return EnvoyFilter.of(r);
          }
          default -> { }
        }
      }
      case KnownKinds.ISTIO_SECURITY -> {
        if (id.kind().equals("AuthorizationPolicy")) {
          return AuthorizationPolicy.of(r);
        }
      }
      default -> { }
    }
    Optional<TargetablePolicy> policy = TargetablePolicy.of(r);
    if (policy.isPresent()) { // RequestAuthentication, PeerAuthentication, Telemetry, WasmPlugin, Sidecar
      return policy.get();
    }
    Optional<String> podPointer = Workload.podPointerFor(id);
    return podPointer.isPresent() ? Workload.ofPodController(r, podPointer.get()) : null;
  }
}
