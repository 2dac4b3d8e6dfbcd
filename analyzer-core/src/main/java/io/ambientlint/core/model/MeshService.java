package io.ambientlint.core.model;

import java.util.List;
import java.util.Optional;

/** What Istio treats as a service: a Kubernetes Service or a ServiceEntry. Both can be bound to a waypoint. */
public sealed interface MeshService extends ResourceView permits Service, ServiceEntry {
  List<ServicePort> ports();

  default Optional<ServicePort> port(int number) {
    return ports().stream().filter(p -> p.number() == number).findFirst();
  }

  default Optional<ServicePort> portNamed(String name) {
    return ports().stream().filter(p -> p.name().filter(name::equals).isPresent()).findFirst();
  }
}
