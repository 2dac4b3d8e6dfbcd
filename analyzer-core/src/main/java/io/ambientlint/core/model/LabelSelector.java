package io.ambientlint.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Kubernetes label selector: {@code matchLabels} and {@code matchExpressions} (In, NotIn, Exists,
 * DoesNotExist). An empty selector matches everything, as in Kubernetes' metav1.LabelSelector.
 */
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {

  public record Requirement(String key, String operator, List<String> values) {
    boolean matches(Map<String, String> labels) {
      String value = labels.get(key);
      return switch (operator) {
        case "In" -> value != null && values.contains(value);
        case "NotIn" -> value == null || !values.contains(value);
        case "Exists" -> value != null;
        case "DoesNotExist" -> value == null;
        default -> false; // an unknown operator selects nothing, as the API server would reject it
      };
    }
  }

  public static final LabelSelector EVERYTHING = new LabelSelector(Map.of(), List.of());

  /** Keeps the labels' order: Map.copyOf's order changes from run to run, and messages and fingerprints print it. */
  public static LabelSelector of(Map<String, String> matchLabels) {
    return new LabelSelector(Collections.unmodifiableMap(new LinkedHashMap<>(matchLabels)), List.of());
  }

  /** Reads {@code {matchLabels, matchExpressions}}. */
  public static LabelSelector parse(JsonNode node) {
    List<Requirement> requirements = Fields.array(node, "matchExpressions").stream()
        .map(e -> new Requirement(e.path("key").asText(), e.path("operator").asText(), Fields.stringList(e, "values")))
        .toList();
    return new LabelSelector(Fields.stringMap(node.path("matchLabels")), requirements);
  }

  public boolean isEmpty() {
    return matchLabels.isEmpty() && matchExpressions.isEmpty();
  }

  public boolean matches(Map<String, String> labels) {
    if (!matchesLabels(matchLabels, labels)) {
      return false;
    }
    for (Requirement r : matchExpressions) {
      if (!r.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Does every {@code key=value} of an equality selector (a Service's {@code selector}, a {@code matchLabels})
   * appear in {@code labels}? Selector matching in the graph's hot loops, without building a selector.
   */
  public static boolean matchesLabels(Map<String, String> selector, Map<String, String> labels) {
    for (Map.Entry<String, String> e : selector.entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    matchLabels.forEach((k, v) -> out.append(out.length() == 0 ? "" : ",").append(k).append('=').append(v));
    for (Requirement r : matchExpressions) {
      out.append(out.length() == 0 ? "" : ",").append(r.key()).append(' ').append(r.operator()).append(' ').append(r.values());
    }
    return out.toString();
  }
}
