package io.ambientlint.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/** The process's streams and working directory, passed in so commands can be run in tests. */
public record Environment(InputStream stdin, PrintStream out, PrintStream err, Path workingDirectory) {

  /** Colour only for a terminal that wants it. */
  public boolean colour() {
    return System.console() != null && out == System.out && System.getenv("NO_COLOR") == null;
  }
}
