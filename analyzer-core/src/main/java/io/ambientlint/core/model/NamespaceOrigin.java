package io.ambientlint.core.model;

/**
 * Where a resource's namespace came from: its own {@code metadata.namespace}, or its GitOps context
 * (a kustomization's {@code namespace:}, an Argo CD Application, a Flux Kustomization, the default).
 */
public record NamespaceOrigin(Source source, String namespace, Location decidedAt, String detail) {

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

  public String describe() {
    return source.description() + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")")
        + (decidedAt == null ? "" : " at " + decidedAt);
  }
}
