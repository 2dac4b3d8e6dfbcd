package io.ambientlint.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** A networking.istio.io ServiceEntry. */
public record ServiceEntry(Resource resource, List<String> hosts, List<ServicePort> ports,
    Map<String, String> workloadSelector, List<String> exportTo, String location) implements MeshService {

  public static ServiceEntry of(Resource resource) {
    JsonNode spec = resource.spec();
    return new ServiceEntry(resource, Fields.stringList(spec, "hosts"), Service.readPorts(spec, "/spec/ports"),
        Fields.stringMap(spec.path("workloadSelector").path("labels")), Fields.stringList(spec, "exportTo"),
        Fields.text(spec, "location").orElse("MESH_EXTERNAL"));
  }
}
