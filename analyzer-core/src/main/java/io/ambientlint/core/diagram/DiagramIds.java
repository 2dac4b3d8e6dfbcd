package io.ambientlint.core.diagram;

import io.ambientlint.core.model.MeshService;
import io.ambientlint.core.model.Route;
import io.ambientlint.core.model.ServiceEntry;
import io.ambientlint.core.model.Workload;

/**
 * The node and cluster ids every contributor uses, so that the same object is one node whichever
 * contributor adds it: {@code ns:name}, {@code gw:ns/name}, {@code svc:ns/name}, {@code se:ns/name},
 * {@code wl:Kind/ns/name} and {@code route:Kind/ns/name}.
 */
public final class DiagramIds {
  private DiagramIds() {}

  public static String cluster(String namespace) {
    return "ns:" + namespace;
  }

  /** A Gateway, also one that is missing or external (then drawn as such). */
  public static String gateway(String namespace, String name) {
    return "gw:" + namespace + "/" + name;
  }

  public static String service(MeshService s) {
    return (s instanceof ServiceEntry ? "se:" : "svc:") + s.namespace() + "/" + s.name();
  }

  public static String workload(Workload w) {
    return "wl:" + w.resource().kind() + "/" + w.namespace() + "/" + w.name();
  }

  public static String route(Route route) {
    return "route:" + route.kind().kind() + "/" + route.namespace() + "/" + route.name();
  }
}
