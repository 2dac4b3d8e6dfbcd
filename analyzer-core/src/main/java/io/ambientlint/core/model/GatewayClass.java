package io.ambientlint.core.model;

/** A gateway.networking.k8s.io GatewayClass (cluster-scoped). */
public record GatewayClass(Resource resource, String controllerName) implements ResourceView {

  public static GatewayClass of(Resource resource) {
    return new GatewayClass(resource, Fields.text(resource.spec(), "controllerName").orElse(""));
  }
}
