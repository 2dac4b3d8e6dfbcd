package io.ambientlint.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.load.JsonPointers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A core/v1 Service. */
public record Service(Resource resource, Map<String, String> selector, List<ServicePort> ports, String type)
    implements MeshService {

  public static Service of(Resource resource) {
    JsonNode spec = resource.spec();
    return new Service(resource, Fields.stringMap(spec.path("selector")), readPorts(spec, "/spec/ports"),
        Fields.text(spec, "type").orElse("ClusterIP"));
  }

  static List<ServicePort> readPorts(JsonNode spec, String pointer) {
    List<ServicePort> ports = new ArrayList<>();
    List<JsonNode> items = Fields.array(spec, "ports");
    for (int i = 0; i < items.size(); i++) {
      JsonNode p = items.get(i);
      var number = Fields.integer(p, "port").isPresent() ? Fields.integer(p, "port") : Fields.integer(p, "number");
      if (number.isEmpty()) {
        continue;
      }
      ports.add(new ServicePort(Fields.text(p, "name"), number.getAsInt(), Fields.text(p, "protocol").orElse("TCP"),
          Fields.text(p, "appProtocol"), JsonPointers.child(pointer, i)));
    }
    return List.copyOf(ports);
  }

  /** A Service without a selector (or with an empty one) selects no pods. */
  public boolean hasSelector() {
    return !selector.isEmpty();
  }

  public Optional<String> clusterIp() {
    return Fields.text(resource.spec(), "clusterIP");
  }
}
