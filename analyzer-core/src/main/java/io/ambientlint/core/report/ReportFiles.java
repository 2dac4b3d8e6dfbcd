package io.ambientlint.core.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes report files so that a reader never sees half of one: the report goes to a temporary file in the same
 * folder, which then replaces the target in one rename. A kill or an exception while writing leaves the previous
 * report as it was (a killed process may leave its temporary file, {@code .NAME.RANDOM.tmp}, behind).
 */
public final class ReportFiles {
  private ReportFiles() {}

  /** What writes the report's text. */
  @FunctionalInterface
  public interface Body {
    void write(Writer out) throws IOException;
  }

  /**
   * Writes {@code file} atomically, creating its folder. A target that is a symbolic link or not a regular file
   * ({@code /dev/stdout}, a pipe) is written through instead: renaming over it would replace the link or the
   * device node, not feed it.
   */
  public static void write(Path file, Body body) throws IOException {
    Path target = file.toAbsolutePath();
    Path folder = target.getParent();
    if (folder != null) {
      Files.createDirectories(folder);
    }
    if (Files.isSymbolicLink(target)
        || Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      try (Writer out = utf8Writer(Files.newOutputStream(target))) {
        body.write(out);
      }
      return;
    }
    Path temporary = createTemporary(target);
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
          Writer out = utf8Writer(Channels.newOutputStream(channel))) {
        body.write(out);
        out.flush();
        channel.force(true); // on disk before the rename makes it the report
      }
      keepPermissions(target, temporary);
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException | Error e) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  /**
   * UTF-8 that cannot fail: a lone surrogate that reached a report is written as U+FFFD instead of ending the
   * run with a half-written file.
   */
  public static Writer utf8Writer(OutputStream out) {
    CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE)
        .replaceWith(new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD});
    return new BufferedWriter(new OutputStreamWriter(out, encoder));
  }

  /** A new file next to {@code target}, created exclusively (never an existing file or link), mode 0666 & ~umask. */
  private static Path createTemporary(Path target) throws IOException {
    String name = target.getFileName().toString();
    for (int attempt = 0; ; attempt++) {
      Path candidate = target.resolveSibling("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
      try {
        Files.newByteChannel(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        return candidate;
      } catch (FileAlreadyExistsException e) {
        if (attempt == 100) {
          throw e;
        }
      }
    }
  }

  /** The replaced report's permissions carry over to the new one (a report made readable to others stays so). */
  private static void keepPermissions(Path target, Path temporary) {
    PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (view == null || !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      PosixFileAttributes attributes = view.readAttributes();
      Files.setPosixFilePermissions(temporary, attributes.permissions());
    } catch (IOException | UnsupportedOperationException e) {
      // best effort: the new report keeps the permissions of a newly created file
    }
  }
}
