package io.ambientlint.core.load;

import java.io.Reader;

/**
 * Hands a text to snakeyaml in chunks that never end between the two halves of a surrogate pair. snakeyaml-engine
 * 2.9's StreamReader fails with an IndexOutOfBoundsException when a chunk of its buffer size ends on a high
 * surrogate (any emoji at an unlucky offset; found by fuzzing), and reading from a String gives exactly such
 * chunks.
 */
final class WholeCodePointReader extends Reader {

  private final String text;
  private int next;

  WholeCodePointReader(String text) {
    this.text = text;
  }

  @Override
  public int read(char[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    if (next >= text.length()) {
      return -1;
    }
    int count = Math.min(length, text.length() - next);
    if (count > 1 && Character.isHighSurrogate(text.charAt(next + count - 1))) {
      count--; // the pair goes whole into the next chunk
    }
    text.getChars(next, next + count, buffer, offset);
    next += count;
    return count;
  }

  @Override
  public void close() {
    // nothing to release
  }
}
