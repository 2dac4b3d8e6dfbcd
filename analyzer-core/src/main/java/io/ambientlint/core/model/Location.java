package io.ambientlint.core.model;

import io.ambientlint.core.load.SourcePosition;

/** A place in a source file: relative path and span. */
public record Location(String path, SourcePosition position) {

  @Override
  public String toString() {
    return path + ":" + position.line() + ":" + position.column();
  }
}
