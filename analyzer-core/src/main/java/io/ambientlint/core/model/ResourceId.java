package io.ambientlint.core.model;

import java.util.Comparator;

/** The identity Kubernetes gives an object: group, kind, namespace (empty when cluster-scoped) and name. */
public record ResourceId(String group, String kind, String namespace, String name) implements Comparable<ResourceId> {

  private static final Comparator<ResourceId> ORDER = Comparator.comparing(ResourceId::group)
      .thenComparing(ResourceId::kind).thenComparing(ResourceId::namespace).thenComparing(ResourceId::name);

  public ResourceId {
    group = group == null ? "" : group;
    namespace = namespace == null ? "" : namespace;
  }

  public ResourceId(Kind type, String namespace, String name) {
    this(type.group(), type.kind(), namespace, name);
  }

  /** The object's type: group and kind. */
  public Kind type() {
    return new Kind(group, kind);
  }

  /** {@code Service/books/reviews}, the form {@code explain} accepts. */
  @Override
  public String toString() {
    return namespace.isEmpty() ? kind + "/" + name : kind + "/" + namespace + "/" + name;
  }

  /** {@code gateway.networking.k8s.io/HTTPRoute/books/reviews}: unambiguous, used in fingerprints and JSON. */
  public String qualified() {
    return (group.isEmpty() ? "core" : group) + "/" + this;
  }

  public String namespacedName() {
    return namespace.isEmpty() ? name : namespace + "/" + name;
  }

  public boolean is(Kind type) {
    return type.matches(group, kind);
  }

  @Override
  public int compareTo(ResourceId o) {
    return ORDER.compare(this, o);
  }
}
