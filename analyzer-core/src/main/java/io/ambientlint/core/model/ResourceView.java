package io.ambientlint.core.model;

import java.util.Map;

/** A typed, read-only view of one {@link Resource}. */
public interface ResourceView {
  Resource resource();

  default ResourceId id() {
    return resource().id();
  }

  default String name() {
    return resource().name();
  }

  default String namespace() {
    return resource().namespace();
  }

  default Map<String, String> labels() {
    return resource().labels();
  }

  default NodeRef node(String pointer) {
    return resource().node(pointer);
  }

  default String displayName() {
    return resource().displayName();
  }
}
