package io.ambientlint.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.load.JsonPointers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A gateway.networking.k8s.io Gateway. {@code status} is only present when the manifest was exported from a
 * cluster; Git usually holds none, and then the Gateway is taken as ready.
 */
public record Gateway(Resource resource, String className, List<Listener> listeners, boolean hasStatus,
    List<String> statusAddresses) implements ResourceView {

  public static Gateway of(Resource resource) {
    JsonNode spec = resource.spec();
    List<Listener> listeners = new ArrayList<>();
    List<JsonNode> items = Fields.array(spec, "listeners");
    for (int i = 0; i < items.size(); i++) {
      JsonNode l = items.get(i);
      listeners.add(new Listener(Fields.text(l, "name").orElse(""), Fields.integer(l, "port").orElse(0),
          Fields.text(l, "protocol").orElse(""), Fields.text(l, "hostname"), l.path("allowedRoutes"),
          JsonPointers.child("/spec/listeners", i)));
    }
    JsonNode status = resource.status();
    List<String> addresses = new ArrayList<>();
    for (JsonNode a : Fields.array(status, "addresses")) {
      addresses.add(a.path("value").asText(""));
    }
    return new Gateway(resource, Fields.text(spec, "gatewayClassName").orElse(""), List.copyOf(listeners),
        status.isObject(), List.copyOf(addresses));
  }

  public Optional<Listener> listenerNamed(String name) {
    return listeners.stream().filter(l -> l.name().equals(name)).findFirst();
  }

  public NodeRef classNode() {
    return resource.node("/spec/gatewayClassName");
  }
}
