package io.ambientlint.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.load.JsonPointers;

/**
 * A node of a resource, by JSON pointer: what a finding points at. The node may be absent (a required field
 * that is missing); its location is then its nearest present ancestor.
 */
public record NodeRef(Resource resource, String pointer) {

  public Location location() {
    return resource.locate(pointer);
  }

  /** Location of the key ({@code port:}) rather than the value, when the node is a mapping entry. */
  public Location keyLocation() {
    return resource.locateKey(pointer);
  }

  public JsonNode value() {
    return pointer.isEmpty() ? resource.root() : resource.root().at(pointer);
  }

  public boolean isPresent() {
    return !value().isMissingNode();
  }

  public NodeRef child(String key) {
    return new NodeRef(resource, JsonPointers.child(pointer, key));
  }

  public NodeRef child(int index) {
    return new NodeRef(resource, JsonPointers.child(pointer, index));
  }

  /** {@code spec.parentRefs[0].port}. */
  public String dottedPath() {
    return JsonPointers.toDotted(pointer);
  }
}
