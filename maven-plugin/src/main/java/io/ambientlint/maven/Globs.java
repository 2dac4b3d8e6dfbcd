package io.ambientlint.maven;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Turns the plugin's {@code includes} into the core's excludes: every manifest not included is excluded. */
final class Globs {
  private Globs() {}

  /** Files whose namespace context the loader needs even when not included. */
  private static final List<String> ALWAYS_READ = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  /** Root-relative paths (with {@code /}) of the manifest files under {@code root} that no include matches. */
  static List<String> filesNotIncluded(Path root, List<String> includes) throws IOException {
    List<PathMatcher> matchers = includes.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        Path relative = root.relativize(file);
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean manifest = lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json");
        if (!manifest || ALWAYS_READ.contains(name) || matchers.stream().anyMatch(m -> m.matches(relative))) {
          continue;
        }
        out.add(relative.toString().replace(java.io.File.separatorChar, '/'));
      }
    }
    return out;
  }

  /** The folders below {@code root} (not {@code root} itself) that hold a pom.xml, build and hidden folders skipped. */
  static List<Path> mavenProjectsUnder(Path root) throws IOException {
    List<Path> projects = new ArrayList<>();
    Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
      @Override
      public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes attrs) {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        if (!dir.equals(root) && (name.startsWith(".") || name.equals("target") || name.equals("node_modules"))) {
          return java.nio.file.FileVisitResult.SKIP_SUBTREE;
        }
        if (!dir.equals(root) && Files.isRegularFile(dir.resolve("pom.xml"))) {
          projects.add(dir);
        }
        return java.nio.file.FileVisitResult.CONTINUE;
      }

      @Override
      public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
        return java.nio.file.FileVisitResult.CONTINUE; // an unreadable folder holds no module we can exclude from
      }
    });
    projects.sort(null);
    return projects;
  }

  /** A glob that matches exactly this path: glob metacharacters escaped. */
  static String literal(String path) {
    StringBuilder b = new StringBuilder();
    for (char c : path.toCharArray()) {
      if ("*?[]{}\\".indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }
}
