package io.ambientlint.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.load.JsonPointers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A networking.istio.io DestinationRule: its host, subsets (name and labels) and exportTo. */
public record DestinationRule(Resource resource, String host, List<Subset> subsets, List<String> exportTo,
    Map<String, String> workloadSelector) implements ResourceView {

  /** A named subset: the host's endpoints whose pods carry {@code labels}. */
  public record Subset(String name, Map<String, String> labels, String pointer) {
    public String labelsPointer() {
      return pointer + "/labels";
    }
  }

  public static DestinationRule of(Resource resource) {
    JsonNode spec = resource.spec();
    List<Subset> subsets = new ArrayList<>();
    List<JsonNode> items = Fields.array(spec, "subsets");
    for (int i = 0; i < items.size(); i++) {
      Optional<String> name = Fields.text(items.get(i), "name");
      if (name.isPresent()) {
        subsets.add(new Subset(name.get(), Fields.stringMap(items.get(i).path("labels")),
            JsonPointers.child("/spec/subsets", i)));
      }
    }
    return new DestinationRule(resource, Fields.text(spec, "host").orElse(""), List.copyOf(subsets),
        Fields.stringList(spec, "exportTo"), Fields.stringMap(spec.path("workloadSelector").path("matchLabels")));
  }

  public Optional<Subset> subset(String name) {
    return subsets.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public NodeRef hostNode() {
    return resource.node("/spec/host");
  }
}
