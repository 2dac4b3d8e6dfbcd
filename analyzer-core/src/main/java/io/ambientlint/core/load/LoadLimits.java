package io.ambientlint.core.load;

/**
 * Bounds that keep hostile input from exhausting memory or time. Each has a config key under {@code limits:}.
 */
public record LoadLimits(
    long maxFileBytes, int maxAliasesPerDocument, int maxDepth, int maxDocumentsPerFile, int maxNodesPerDocument) {

  /** Largest {@code maxFileBytes}: a file is read into one array, which Java caps a little under 2 GiB. */
  public static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 16;

  public static final LoadLimits DEFAULTS = new LoadLimits(16L * 1024 * 1024, 100, 256, 10_000, 2_000_000);

  public LoadLimits {
    if (maxFileBytes <= 0 || maxAliasesPerDocument < 0 || maxDepth <= 0 || maxDocumentsPerFile <= 0
        || maxNodesPerDocument <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
    if (maxFileBytes > MAX_FILE_BYTES) {
      throw new IllegalArgumentException("maxFileBytes must be at most " + MAX_FILE_BYTES);
    }
  }
}
