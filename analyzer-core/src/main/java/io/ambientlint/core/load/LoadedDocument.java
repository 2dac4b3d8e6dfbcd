package io.ambientlint.core.load;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One YAML document (or one item of a {@code kind: List}) as a Jackson tree, with the way back to its source.
 * {@code pointerPrefix} is the item's place inside a List document ({@code /items/3}), empty otherwise, so
 * positions are looked up in the enclosing document's map.
 */
public record LoadedDocument(String path, int documentIndex, JsonNode root, SourceText source, String pointerPrefix) {

  public SourceMap sourceMap() {
    return source.sourceMap(documentIndex, root, pointerPrefix);
  }

  public SourcePosition positionOf(String pointer) {
    return sourceMap().find(pointerPrefix + pointer);
  }

  /** The file that holds the node at {@code pointer}: this document's file unless it was rendered from several. */
  public String fileOf(String pointer) {
    return sourceMap().fileAt(pointerPrefix + pointer, path);
  }

  public String keyFileOf(String pointer) {
    return sourceMap().keyFileAt(pointerPrefix + pointer, path);
  }

  public boolean hasNode(String pointer) {
    return sourceMap().contains(pointerPrefix + pointer);
  }
}
