package io.ambientlint.core.load;

import java.io.IOException;

/**
 * A manifest file that does not come from the file system (a blob of a Git revision, say): how output names
 * it, and how to read its bytes. {@link RepositoryLoader#load(java.util.List, java.util.List)} parses these
 * exactly as it parses files.
 */
public record ManifestInput(SourceFile source, Contents contents) {

  /** Reads the file's bytes; called once, possibly on another thread. */
  @FunctionalInterface
  public interface Contents {
    byte[] read() throws IOException;
  }
}
