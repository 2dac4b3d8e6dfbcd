package io.ambientlint.core.report;

import io.ambientlint.core.text.Escape;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Relative URI references for report file locations (SARIF {@code artifactLocation.uri}, Markdown links), per
 * RFC 3986: unreserved characters and {@code /} kept, every other byte of the name percent-encoded.
 */
public final class UriPaths {
  private UriPaths() {}

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /**
   * The reference for a file name given as text: encoded from its UTF-8 bytes, whole code points (a name outside
   * the Basic Multilingual Plane is one character, four bytes). A lone surrogate U+DC80..U+DCFF stands for a byte
   * of the file name that is not UTF-8 ({@code FileNames}) and is encoded as that byte; any other as U+FFFD.
   */
  public static String relativeReference(String path) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(path.length() + 8);
    for (int i = 0; i < path.length(); ) {
      int c = path.codePointAt(i);
      i += Character.charCount(c);
      if (c >= 0xDC80 && c <= 0xDCFF) {
        bytes.write(c - 0xDC00);
      } else {
        bytes.writeBytes(Escape.wellFormed(new String(Character.toChars(c))).getBytes(StandardCharsets.UTF_8));
      }
    }
    return relativeReference(bytes.toByteArray());
  }

  /** The reference for a file name as the file system's bytes, which need not be valid UTF-8. */
  public static String relativeReference(byte[] path) {
    StringBuilder out = new StringBuilder(path.length + 16);
    for (byte b : path) {
      int c = b & 0xFF;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "/-._~".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }
}
