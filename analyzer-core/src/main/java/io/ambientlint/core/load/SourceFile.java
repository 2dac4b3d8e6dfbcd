package io.ambientlint.core.load;

/**
 * A file that was analyzed (or skipped). {@code path} is what output shows: relative to the base directory,
 * forward slashes, never absolute. {@code rootRelativePath} is relative to the folder argument it was found
 * under, which is what GitOps tools (Argo CD {@code spec.source.path}, Flux {@code spec.path}) mean.
 */
public record SourceFile(String path, String rootRelativePath) {}
