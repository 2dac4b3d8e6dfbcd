package io.ambientlint.core.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.load.LoadedDocument;
import io.ambientlint.core.load.SourceMap;
import io.ambientlint.core.load.SourceText;
import java.util.List;

/**
 * One object of a kustomization root as {@code kustomize build} prints it, with the source position of each of
 * its nodes (in whichever file set it) and the render chain. {@code path} is the file it was first defined in
 * (the kustomization for a generated object).
 */
public record RenderedObject(String path, JsonNode root, SourceMap sourceMap) {

  /** The object as a loaded document: rules locate its nodes in the files that set them. */
  public LoadedDocument toDocument() {
    return new LoadedDocument(path, 0, root, new SourceText(path, List.of(sourceMap)), "");
  }
}
