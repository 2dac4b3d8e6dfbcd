package io.ambientlint.core.load;

/** A span in a source file, 1-based lines and columns as editors and SARIF count them; end is exclusive. */
public record SourcePosition(int line, int column, int endLine, int endColumn) {

  public static final SourcePosition FILE_START = new SourcePosition(1, 1, 1, 1);

  public static SourcePosition point(int line, int column) {
    return new SourcePosition(line, column, line, column);
  }

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
