package io.ambientlint.core.config;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;

/**
 * An entry of {@code overrides:}: rule settings for the files matching some globs, e.g. {@code AL402: off} under
 * {@code legacy/**}. Globs are relative to the folder of the config file (so a config found at the Git root
 * means the same whichever folder ambient-lint runs in); later entries win over earlier ones and over
 * {@code rules:}.
 *
 * @param directory the config file's folder; empty (relative) for a config read from text: the analysis folder
 */
public record PathOverride(Path directory, List<String> paths, Map<String, RuleSetting> rules) {

  public PathOverride {
    paths = List.copyOf(paths);
    rules = Map.copyOf(rules);
  }

  /**
   * Whether a file matches, given as an absolute path; a file outside the config's folder never does.
   *
   * @param analysisDirectory what a relative {@link #directory()} is relative to
   */
  public boolean matches(Path file, Path analysisDirectory) {
    Path base = analysisDirectory.resolve(directory).toAbsolutePath().normalize();
    Path absolute = file.toAbsolutePath().normalize();
    if (!absolute.startsWith(base)) {
      return false;
    }
    Path relative = base.relativize(absolute);
    for (String glob : paths) {
      if (matcher(glob).matches(relative)
          // "**/x.yaml" also means x.yaml at the top, as in .gitignore and most linters
          || glob.startsWith("**/") && matcher(glob.substring(3)).matches(relative)) {
        return true;
      }
    }
    return false;
  }

  private static PathMatcher matcher(String glob) {
    return FileSystems.getDefault().getPathMatcher("glob:" + glob);
  }
}
