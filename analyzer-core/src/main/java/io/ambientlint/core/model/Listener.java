package io.ambientlint.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** A listener of a Gateway API Gateway, with the pointer of its entry. */
public record Listener(String name, int port, String protocol, Optional<String> hostname, JsonNode allowedRoutes,
    String pointer) {

  public boolean isHbone() {
    return "HBONE".equals(protocol);
  }
}
