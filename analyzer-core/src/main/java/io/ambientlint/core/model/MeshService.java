package io.ambientlint.core.model;

import java.util.List;
import java.util.Optional;

/** What Istio treats as a service: a Kubernetes Service or a ServiceEntry. Both can be bound to a waypoint. */
public sealed interface MeshService extends ResourceView permits Service, ServiceEntry {
  List<ServicePort> ports();

  default Optional<ServicePort> port(int number) {
    for (ServicePort p : ports()) { // a loop, not a stream: every route and policy port is looked up here
      if (p.number() == number) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** {@code Service books/reviews has no port 9091 (ports: 9080, 9090)}: why a port reference finds nothing. */
  default String lacksPort(int number) {
    return displayName() + " has no port " + number + " (ports: "
        + String.join(", ", ports().stream().map(p -> String.valueOf(p.number())).toList()) + ")";
  }

  default Optional<ServicePort> portNamed(String name) {
    return ports().stream().filter(p -> p.name().filter(name::equals).isPresent()).findFirst();
  }
}
