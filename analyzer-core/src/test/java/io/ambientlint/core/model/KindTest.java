package io.ambientlint.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KindTest {

  @Test
  void anIdBuiltFromAKindIsTheIdBuiltFromItsStringsAndPrintsTheSame() {
    ResourceId typed = new ResourceId(Kind.HTTP_ROUTE, "books", "reviews");
    ResourceId written = new ResourceId("gateway.networking.k8s.io", "HTTPRoute", "books", "reviews");
    assertThat(typed).isEqualTo(written);
    assertThat(typed.qualified()).isEqualTo("gateway.networking.k8s.io/HTTPRoute/books/reviews");
    assertThat(new ResourceId(Kind.SERVICE, "books", "reviews").qualified()).isEqualTo("core/Service/books/reviews");
    assertThat(written.type()).isEqualTo(Kind.HTTP_ROUTE);
    assertThat(written.is(Kind.HTTP_ROUTE)).isTrue();
    assertThat(written.is(Kind.GRPC_ROUTE)).isFalse();
  }

  @Test
  void istioAndGatewayApiGatewaysAreDifferentKinds() {
    assertThat(Kind.GATEWAY.matches("gateway.networking.k8s.io", "Gateway")).isTrue();
    assertThat(Kind.GATEWAY.matches("networking.istio.io", "Gateway")).isFalse();
    assertThat(Kind.ISTIO_GATEWAY.matches("networking.istio.io", "Gateway")).isTrue();
    assertThat(new Kind(null, "Service")).isEqualTo(Kind.SERVICE);
  }

  @Test
  void policyAndRouteKindsCarryTheirType() {
    assertThat(PolicyKind.of(new ResourceId(Kind.PEER_AUTHENTICATION, "books", "strict")))
        .contains(PolicyKind.PEER_AUTHENTICATION);
    assertThat(RouteKind.of("gateway.networking.k8s.io", "TCPRoute")).contains(RouteKind.TCP);
    assertThat(RouteKind.of("networking.istio.io", "TCPRoute")).isEmpty();
    assertThat(KnownKinds.isClusterScoped("gateway.networking.k8s.io", "GatewayClass")).isTrue();
    assertThat(KnownKinds.isClusterScoped("gateway.networking.k8s.io", "Gateway")).isFalse();
  }
}
