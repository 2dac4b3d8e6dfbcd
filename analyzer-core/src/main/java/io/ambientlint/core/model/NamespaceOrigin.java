package io.ambientlint.core.model;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where a resource's namespace came from: its own {@code metadata.namespace}, or its GitOps context
 * (a kustomization's {@code namespace:}, an Argo CD Application, a Flux Kustomization, the default).
 * The deciding place is located only when asked ({@code explain}), so loading records no positions.
 */
public record NamespaceOrigin(Source source, String namespace, Supplier<Location> decidedAtLocator, String detail) {

  public enum Source {
    METADATA("metadata.namespace"),
    KUSTOMIZATION("kustomization namespace"),
    ARGO_CD_APPLICATION("Argo CD Application destination"),
    FLUX_KUSTOMIZATION("Flux Kustomization targetNamespace"),
    DEFAULT("default namespace"),
    CLUSTER_SCOPED("cluster-scoped");

    private final String description;

    Source(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  public static NamespaceOrigin of(Source source, String namespace, Location decidedAt, String detail) {
    return new NamespaceOrigin(source, namespace, decidedAt == null ? null : () -> decidedAt, detail);
  }

  public Optional<Location> decidedAt() {
    return decidedAtLocator == null ? Optional.empty() : Optional.ofNullable(decidedAtLocator.get());
  }

  public String describe() {
    return source.description() + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")")
        + decidedAt().map(l -> " at " + l).orElse("");
  }
}
