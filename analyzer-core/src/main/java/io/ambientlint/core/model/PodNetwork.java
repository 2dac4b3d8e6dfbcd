package io.ambientlint.core.model;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.load.JsonPointers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a workload's pod template says about its network: named container ports and the kubelet probes that
 * open connections (httpGet, tcpSocket, grpc; exec probes run inside the pod). A WorkloadEntry has neither.
 */
public record PodNetwork(Map<String, Integer> namedPorts, List<Probe> probes) {

  /**
   * A probe of one container and the TCP port kubelet connects to.
   *
   * @param kind {@code readinessProbe}, {@code livenessProbe} or {@code startupProbe}
   * @param pointer the probe's port node ({@code /spec/template/spec/containers/0/readinessProbe/httpGet/port})
   */
  public record Probe(String kind, String container, int port, String pointer) {}

  private static final List<String> PROBE_KINDS = List.of("readinessProbe", "livenessProbe", "startupProbe");
  private static final List<String> HANDLERS = List.of("httpGet", "tcpSocket", "grpc");

  public static PodNetwork of(Workload workload) {
    if (workload.isWorkloadEntry()) {
      return new PodNetwork(Map.of(), List.of());
    }
    String specPointer = workload.podPointer() + "/spec";
    JsonNode spec = workload.resource().root().at(JsonPointer.compile(specPointer));
    Map<String, Integer> named = new LinkedHashMap<>();
    List<JsonNode> containers = Fields.array(spec, "containers");
    for (JsonNode c : containers) {
      for (JsonNode p : Fields.array(c, "ports")) {
        Optional<String> name = Fields.text(p, "name");
        var number = Fields.integer(p, "containerPort");
        if (name.isPresent() && number.isPresent()) {
          named.putIfAbsent(name.get(), number.getAsInt());
        }
      }
    }
    List<Probe> probes = new ArrayList<>();
    for (int i = 0; i < containers.size(); i++) {
      JsonNode c = containers.get(i);
      String containerPointer = JsonPointers.child(specPointer + "/containers", i);
      String containerName = Fields.text(c, "name").orElse("#" + i);
      for (String kind : PROBE_KINDS) {
        for (String handler : HANDLERS) {
          JsonNode port = c.path(kind).path(handler).path("port");
          Integer number = port.isIntegralNumber() && port.canConvertToInt() ? Integer.valueOf(port.intValue())
              : port.isTextual() ? named.get(port.asText()) : null;
          if (number != null) {
            probes.add(new Probe(kind, containerName, number, containerPointer + "/" + kind + "/" + handler + "/port"));
          }
        }
      }
    }
    return new PodNetwork(Collections.unmodifiableMap(named), List.copyOf(probes));
  }
}
