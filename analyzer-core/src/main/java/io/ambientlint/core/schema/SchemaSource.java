package io.ambientlint.core.schema;

/** Where the schema of a kind came from, in the order they are consulted: the first that knows a kind wins. */
public enum SchemaSource {
  /** A CustomResourceDefinition among the analyzed manifests: what the target cluster will serve. */
  REPOSITORY("the CustomResourceDefinition in the repository"),
  /** A file given with {@code --crd} or config {@code crds}. */
  CRD_OPTION("the CustomResourceDefinition given with --crd"),
  /** Written for ambient-lint from the published API reference; less complete than the CRDs, never stricter. */
  BUNDLED("ambient-lint's bundled schema");

  private final String description;

  SchemaSource(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
