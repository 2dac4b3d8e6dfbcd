package io.ambientlint.core.report;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where report paths are relative to. Findings name files relative to the folder ambient-lint ran in; code
 * scanning and the other CI reports place them relative to the repository root, so reporters that need that
 * rewrite each path through {@link #relative(String)}.
 *
 * @param baseDirectory the folder the analysis paths are relative to (the working directory)
 * @param root the repository root: the Git work tree holding the input, or {@code --source-root}
 */
public record SourceRoot(Path baseDirectory, Path root) {

  /** Report paths exactly as the analysis names them. */
  public static final SourceRoot UNCHANGED = new SourceRoot(Path.of(""), Path.of(""));

  public SourceRoot {
    baseDirectory = baseDirectory.toAbsolutePath().normalize();
    root = root.toAbsolutePath().normalize();
  }

  /**
   * The Git work tree holding {@code start} (the nearest folder upwards with a {@code .git} folder, or the
   * {@code .git} file of a linked worktree or submodule), else {@code fallback}. Only looks at the file system:
   * no Git command runs.
   */
  public static Path gitWorkTree(Path start, Path fallback) {
    Path dir = start.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      dir = dir.getParent();
    }
    for (; dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(".git"))) {
        return dir;
      }
    }
    return fallback;
  }

  /**
   * A path relative to the base directory, made relative to the root with forward slashes ({@code <stdin>} as it
   * is). A file outside the root keeps {@code ..} segments: no absolute path is ever printed.
   */
  public String relative(String path) {
    if (path.isEmpty() || path.startsWith("<") || baseDirectory.equals(root)) {
      return path;
    }
    try {
      Path absolute = baseDirectory.resolve(path).normalize();
      return root.relativize(absolute).toString().replace('\\', '/');
    } catch (InvalidPathException e) {
      // A name the platform cannot turn back into a path (bytes invalid in its encoding): prefix it as text.
      String prefix = root.relativize(baseDirectory).toString().replace('\\', '/');
      return prefix.isEmpty() ? path : prefix + "/" + path;
    }
  }
}
