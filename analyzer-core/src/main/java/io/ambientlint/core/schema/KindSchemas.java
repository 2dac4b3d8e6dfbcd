package io.ambientlint.core.schema;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one source knows of a kind: its versions and their schemas. {@code origin} names the file it came from
 * (or the bundled resource) for messages. The status of each declared version is worked out once here: rules
 * ask it for every resource.
 */
public final class KindSchemas {

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

  private final String group;
  private final String kind;
  private final SchemaSource source;
  private final String origin;
  private final Map<String, ApiVersion> versions;
  private final List<String> servedVersions;
  private final Map<String, Status> statuses;

  public KindSchemas(String group, String kind, SchemaSource source, String origin, Map<String, ApiVersion> versions) {
    this.group = group;
    this.kind = kind;
    this.source = source;
    this.origin = origin;
    this.versions = Map.copyOf(versions);
    this.servedVersions = this.versions.values().stream().filter(ApiVersion::served).map(ApiVersion::name)
        .sorted(ApiVersion::comparePriority).toList();
    int mostStable = this.versions.values().stream().filter(ApiVersion::served).map(ApiVersion::stability)
        .max(Comparator.naturalOrder()).orElse(-1);
    Map<String, Status> s = new HashMap<>();
    for (ApiVersion v : this.versions.values()) {
      s.put(v.name(), !v.served() ? Status.NOT_SERVED
          : v.deprecated() ? Status.DEPRECATED
          : v.supersedable() && v.stability() >= 0 && v.stability() < mostStable ? Status.SUPERSEDED
          : Status.CURRENT);
    }
    this.statuses = Collections.unmodifiableMap(s);
  }

  public String group() {
    return group;
  }

  public String kind() {
    return kind;
  }

  public SchemaSource source() {
    return source;
  }

  public String origin() {
    return origin;
  }

  public Map<String, ApiVersion> versions() {
    return versions;
  }

  public Optional<ApiVersion> version(String name) {
    return Optional.ofNullable(versions.get(name));
  }

  /** Served versions, most preferred first (Kubernetes' priority order). */
  public List<String> servedVersions() {
    return servedVersions;
  }

  public Optional<String> preferredVersion() {
    return servedVersions.isEmpty() ? Optional.empty() : Optional.of(servedVersions.get(0));
  }

  public Status status(String name) {
    return statuses.getOrDefault(name, Status.UNKNOWN);
  }

  /** {@code networking.istio.io/v1}: the apiVersion string of one version. */
  public String apiVersion(String version) {
    return group.isEmpty() ? version : group + "/" + version;
  }

  @Override
  public String toString() {
    return kind + "." + group + " " + versions.keySet() + " from " + origin;
  }
}
