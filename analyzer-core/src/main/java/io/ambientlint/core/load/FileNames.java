package io.ambientlint.core.load;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * File names as text, from the file system's bytes rather than through the JVM's locale ({@code sun.jnu.encoding},
 * ASCII under {@code LANG=C}, which turns every other byte into U+FFFD and makes the name unusable). The bytes are
 * read as UTF-8, what Git and Kubernetes tooling write; a byte that is not valid UTF-8 becomes the lone surrogate
 * U+DC80..U+DCFF (as Python's {@code surrogateescape}), so the name still says which byte it was: report writers
 * encode it back to that byte in URIs, and show it escaped elsewhere.
 */
public final class FileNames {
  private FileNames() {}

  private static final boolean UNIX = File.separatorChar == '/';

  /** {@code file} relative to {@code base} (both absolute, or both relative), with forward slashes. */
  public static String relative(Path base, Path file) {
    Path relative = base.relativize(file);
    if (!UNIX) {
      return relative.toString().replace('\\', '/');
    }
    return text(bytes(relative));
  }

  /** One file name (the last element of a path) as text, as {@link #relative} writes it. */
  public static String name(Path fileName) {
    if (!UNIX) {
      return fileName.toString();
    }
    String decoded = fileName.toString();
    // Under a UTF-8 locale the JDK decoded the bytes exactly unless it had to substitute U+FFFD for a bad byte.
    return UTF8_NAMES && decoded.indexOf('\uFFFD') < 0 ? decoded : text(bytes(fileName));
  }

  private static final boolean UTF8_NAMES = fileSystemCharset().equals(StandardCharsets.UTF_8);

  /**
   * The bytes of a Unix path, through {@link Path#toUri()}, which percent-encodes the path's own bytes whatever the
   * locale (the JDK offers no other public way to them).
   */
  static byte[] bytes(Path path) {
    String raw = path.toAbsolutePath().toUri().getRawPath();
    if (!path.isAbsolute()) {
      String prefix = WorkingDirectory.RAW;
      raw = raw.startsWith(prefix) ? raw.substring(prefix.length()) : raw;
    }
    if (raw.endsWith("/") && raw.length() > 1) {
      raw = raw.substring(0, raw.length() - 1); // toUri marks folders with a slash
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' && i + 2 < raw.length()) {
        out.write(Integer.parseInt(raw, i + 1, i + 3, 16));
        i += 2;
      } else {
        out.write(c); // toUri leaves only ASCII unencoded
      }
    }
    return out.toByteArray();
  }

  /** The working directory as {@link Path#toUri()} writes it, with a final slash; computed once. */
  private static final class WorkingDirectory {
    static final String RAW;

    static {
      String cwd = Path.of("").toAbsolutePath().toUri().getRawPath();
      RAW = cwd.endsWith("/") ? cwd : cwd + "/";
    }
  }

  /** UTF-8 bytes as text; each byte of an invalid sequence as U+DC80 + its value less 0x80 (or U+DC00 + value). */
  static String text(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length * 2 + 1);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isUnderflow()) {
        decoder.flush(out);
        return out.flip().toString();
      }
      if (result.isError()) {
        for (int i = 0; i < result.length(); i++) {
          out.put((char) (0xDC00 + (in.get() & 0xFF)));
        }
      }
    }
  }

  /**
   * A path to match exclude globs against: {@code text} itself when the file system can name it, else with every
   * character it cannot encode as {@code ?} (so {@code **}{@code /*.yaml} still matches; a glob naming those
   * characters literally cannot).
   */
  static Path forMatching(String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      CharsetEncoder encoder = fileSystemCharset().newEncoder();
      StringBuilder safe = new StringBuilder(text.length());
      text.codePoints().forEach(c -> safe.append(!Character.isSurrogate((char) c) && c != 0
          && encoder.canEncode(new String(Character.toChars(c))) ? new String(Character.toChars(c)) : "?"));
      return Path.of(safe.toString());
    }
  }

  private static Charset fileSystemCharset() {
    try {
      return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
    } catch (IllegalArgumentException e) {
      return StandardCharsets.US_ASCII; // what the JDK falls back to
    }
  }
}
