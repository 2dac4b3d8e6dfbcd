package io.ambientlint.core.graph;

import io.ambientlint.core.model.NodeRef;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code ambient.istio.io/waypoint-inbound-binding} of a waypoint (Gateway, else its GatewayClass): how ztunnel
 * hands traffic to the waypoint. The value is {@code PROTOCOL} or {@code PROTOCOL/PORT} with protocol {@code NONE}
 * or {@code PROXY}; anything else is ignored by istiod (then {@code valid} is false and the default HBONE
 * binding applies).
 */
public record InboundBinding(String value, Optional<String> protocol, OptionalInt port, boolean valid, NodeRef source) {

  static InboundBinding parse(String value, NodeRef source) {
    String[] parts = value.split("/", -1);
    if (parts.length > 2 || !(parts[0].equals("NONE") || parts[0].equals("PROXY"))) {
      return new InboundBinding(value, Optional.empty(), OptionalInt.empty(), false, source);
    }
    if (parts.length == 1) {
      return new InboundBinding(value, Optional.of(parts[0]), OptionalInt.empty(), true, source);
    }
    try {
      int port = Integer.parseInt(parts[1]);
      if (port > 0 && port <= 65535) {
        return new InboundBinding(value, Optional.of(parts[0]), OptionalInt.of(port), true, source);
      }
    } catch (NumberFormatException e) {
      // fall through: an unusable port
    }
    return new InboundBinding(value, Optional.of(parts[0]), OptionalInt.empty(), false, source);
  }

  /** Would istiod accept this annotation value? */
  public static boolean isValidValue(String value) {
    return parse(value, null).valid();
  }

  public boolean isProxy() {
    return valid && protocol.filter("PROXY"::equals).isPresent();
  }
}
