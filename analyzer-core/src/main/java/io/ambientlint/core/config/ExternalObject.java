package io.ambientlint.core.config;

/**
 * An object that exists in the cluster but not in the analyzed repository (a shared waypoint managed by
 * another team, say), declared in config {@code external} so references to it are not reported as missing.
 * {@code group} may be empty, meaning "whatever group the kind is usually in".
 */
public record ExternalObject(String group, String kind, String namespace, String name) {

  public boolean matches(String group, String kind, String namespace, String name) {
    return this.kind.equals(kind) && this.name.equals(name)
        && (this.namespace.isEmpty() || this.namespace.equals(namespace))
        && (this.group.isEmpty() || this.group.equals(group));
  }
}
