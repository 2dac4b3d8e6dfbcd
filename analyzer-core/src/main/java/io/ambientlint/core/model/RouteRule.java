package io.ambientlint.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * One {@code spec.rules[i]} of a route: its optional name, its {@code matches} (HTTPRoute and GRPCRoute; a
 * missing node for the other kinds and for a rule that matches everything) and its backendRefs.
 *
 * @param pointer the rule, {@code /spec/rules/0}
 */
public record RouteRule(int index, Optional<String> name, JsonNode matches, List<BackendRef> backendRefs,
    String pointer) {

  /** No {@code matches}, or an empty list: the rule matches every request of the route. */
  public boolean matchesEverything() {
    return !matches.isArray() || matches.isEmpty();
  }

  public String matchesPointer() {
    return pointer + "/matches";
  }
}
