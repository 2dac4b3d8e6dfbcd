package io.ambientlint.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.load.JsonPointers;
import io.ambientlint.core.load.LoadedDocument;
import java.util.Map;

/**
 * One Kubernetes object from the repository: its identity, raw tree (with its {@code spec} and {@code status},
 * read once while the tree is fresh: every view and index starts from them), labels and annotations, and where it
 * came from. Typed views ({@link Service}, {@link Gateway}, ...) wrap it for the kinds the rules read.
 */
public record Resource(
    ResourceId id,
    String apiVersion,
    JsonNode root,
    JsonNode spec,
    JsonNode status,
    Map<String, String> labels,
    Map<String, String> annotations,
    LoadedDocument document,
    NamespaceOrigin namespaceOrigin) {

  public static Resource of(ResourceId id, String apiVersion, JsonNode root, LoadedDocument document,
      NamespaceOrigin namespaceOrigin) {
    return of(id, apiVersion, root, root.path("metadata"), document, namespaceOrigin);
  }

  /** As above, with {@code metadata} already read from {@code root}. */
  static Resource of(ResourceId id, String apiVersion, JsonNode root, JsonNode metadata, LoadedDocument document,
      NamespaceOrigin namespaceOrigin) {
    return new Resource(id, apiVersion, root, root.path("spec"), root.path("status"), Fields.stringMap(metadata.path("labels")),
        Fields.stringMap(metadata.path("annotations")), document, namespaceOrigin);
  }

  public String kind() {
    return id.kind();
  }

  public String name() {
    return id.name();
  }

  public String namespace() {
    return id.namespace();
  }

  public String group() {
    return id.group();
  }

  /** The version part of apiVersion ({@code v1} of {@code gateway.networking.k8s.io/v1}). */
  public String version() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
  }

  public String path() {
    return document.path();
  }

  public NodeRef node(String pointer) {
    return new NodeRef(this, pointer);
  }

  /** The object as a whole, located at its {@code metadata.name}. */
  public NodeRef nameNode() {
    return new NodeRef(this, "/metadata/name");
  }

  public NodeRef labelNode(String key) {
    return new NodeRef(this, JsonPointers.child("/metadata/labels", key));
  }

  public NodeRef annotationNode(String key) {
    return new NodeRef(this, JsonPointers.child("/metadata/annotations", key));
  }

  public Location locate(String pointer) {
    return new Location(document.fileOf(pointer), document.positionOf(pointer));
  }

  public Location locateKey(String pointer) {
    return new Location(document.keyFileOf(pointer), document.sourceMap().findKey(document.pointerPrefix() + pointer));
  }

  /** {@code Service books/reviews}: how messages name an object. */
  public String displayName() {
    return id.kind() + " " + id.namespacedName();
  }

  /**
   * A resource is one definition in one file: two definitions of the same id (AL903) are different
   * resources. Identity also keeps hashing cheap: views of resources are used as map keys, and a record's
   * default hash would walk the whole JSON tree.
   */
  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  @Override
  public String toString() {
    return displayName();
  }
}
