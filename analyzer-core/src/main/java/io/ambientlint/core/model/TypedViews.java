package io.ambientlint.core.model;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The typed view of a resource, chosen by its group and kind (docs/architecture.md "Data flow", step 2
 * "Model"). Each resource's view is read once, when the model is built and in parallel: the graph and the rules then index and query the views, and
 * never re-read the trees.
 */
final class TypedViews {
  private TypedViews() {}

  /** The kinds with a view of their own; routes, policies and pod controllers are recognised below. */
  private static final Map<Kind, Function<Resource, ResourceView>> READERS = Map.ofEntries(
      Map.entry(Kind.SERVICE, Service::of),
      Map.entry(Kind.GATEWAY, Gateway::of),
      Map.entry(Kind.GATEWAY_CLASS, GatewayClass::of),
      Map.entry(Kind.REFERENCE_GRANT, ReferenceGrant::of),
      Map.entry(Kind.SERVICE_ENTRY, ServiceEntry::of),
      Map.entry(Kind.WORKLOAD_ENTRY, Workload::ofWorkloadEntry),
      Map.entry(Kind.VIRTUAL_SERVICE, VirtualService::of),
      Map.entry(Kind.DESTINATION_RULE, DestinationRule::of),
      Map.entry(Kind.ENVOY_FILTER, EnvoyFilter::of),
      Map.entry(Kind.AUTHORIZATION_POLICY, AuthorizationPolicy::of));

  /** The view of this resource's kind, or null when the kind has none. */
  static ResourceView of(Resource r) {
    ResourceId id = r.id();
    Function<Resource, ResourceView> reader = READERS.get(id.type());
    if (reader != null) {
      return reader.apply(r);
    }
    if (id.group().equals(KnownKinds.GATEWAY_API)) {
      Optional<Route> route = Route.of(r);
      if (route.isPresent()) {
        return route.get();
      }
    }
    Optional<TargetablePolicy> policy = TargetablePolicy.of(r);
    if (policy.isPresent()) { // RequestAuthentication, PeerAuthentication, Telemetry, WasmPlugin, Sidecar
      return policy.get();
    }
    Optional<String> podPointer = Workload.podPointerFor(id);
    return podPointer.isPresent() ? Workload.ofPodController(r, podPointer.get()) : null;
  }
}
