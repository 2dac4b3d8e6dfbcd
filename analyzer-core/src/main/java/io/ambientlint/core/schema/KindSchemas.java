package io.ambientlint.core.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one source knows of a kind: its versions and their schemas. {@code origin} names the file it came from
 * (or the bundled resource) for messages.
 */
public record KindSchemas(String group, String kind, SchemaSource source, String origin, Map<String, ApiVersion> versions) {

  public KindSchemas {
    versions = Map.copyOf(versions);
  }

  /** How an apiVersion of this kind stands. */
  public enum Status {
    /** Served, and no more stable version is. */
    CURRENT,
    /** Served, but an alpha or beta while a more stable version is served: it may go in any release. */
    SUPERSEDED,
    /** Served and marked deprecated by the CRD. */
    DEPRECATED,
    /** Declared but no longer served: the API server rejects the object. */
    NOT_SERVED,
    /** Not declared at all: the API server rejects the object. */
    UNKNOWN
  }

  public Optional<ApiVersion> version(String name) {
    return Optional.ofNullable(versions.get(name));
  }

  /** Served versions, most preferred first (Kubernetes' priority order). */
  public List<String> servedVersions() {
    return versions.values().stream().filter(ApiVersion::served).map(ApiVersion::name)
        .sorted(ApiVersion::comparePriority).toList();
  }

  public Optional<String> preferredVersion() {
    List<String> served = servedVersions();
    return served.isEmpty() ? Optional.empty() : Optional.of(served.get(0));
  }

  public Status status(String name) {
    ApiVersion v = versions.get(name);
    if (v == null) {
      return Status.UNKNOWN;
    }
    if (!v.served()) {
      return Status.NOT_SERVED;
    }
    if (v.deprecated()) {
      return Status.DEPRECATED;
    }
    int best = versions.values().stream().filter(ApiVersion::served).map(ApiVersion::stability)
        .max(Comparator.naturalOrder()).orElse(-1);
    return v.stability() >= 0 && v.stability() < best ? Status.SUPERSEDED : Status.CURRENT;
  }

  /** {@code networking.istio.io/v1}: the apiVersion string of one version. */
  public String apiVersion(String version) {
    return group.isEmpty() ? version : group + "/" + version;
  }
}
