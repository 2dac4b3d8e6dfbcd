package io.ambientlint.core.model;

import java.util.Optional;

/**
 * The Gateway API route kinds, in the precedence GEP-1294 gives them when several kinds attach to one service
 * port (GRPCRoute first, TCPRoute last; UDPRoute carries a different protocol and never conflicts).
 */
public enum RouteKind {
  GRPC(Kind.GRPC_ROUTE),
  HTTP(Kind.HTTP_ROUTE),
  TLS(Kind.TLS_ROUTE),
  TCP(Kind.TCP_ROUTE),
  UDP(Kind.UDP_ROUTE);

  private final Kind type;

  RouteKind(Kind type) {
    this.type = type;
  }

  /** The Kubernetes type, {@code gateway.networking.k8s.io/HTTPRoute}. */
  public Kind type() {
    return type;
  }

  /** The Kubernetes kind, {@code HTTPRoute}. */
  public String kind() {
    return type.kind();
  }

  /** Lower wins when kinds compete for one service port. */
  public int precedence() {
    return ordinal();
  }

  /** Whether this kind takes part in the GEP-1294 precedence on a service port (UDPRoute does not). */
  public boolean competesForServicePort() {
    return this != UDP;
  }

  /** Kinds whose rules match on HTTP requests (and so carry {@code matches} and {@code hostnames}). */
  public boolean isHttpLike() {
    return this == HTTP || this == GRPC;
  }

  /** The route kind of a gateway.networking.k8s.io kind name. */
  public static Optional<RouteKind> of(String group, String kind) {
    for (RouteKind k : values()) {
      if (k.type.matches(group, kind)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
