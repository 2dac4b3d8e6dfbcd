package io.ambientlint.cli;

import io.ambientlint.core.report.JsonReporter;
import io.ambientlint.core.report.MarkdownReporter;
import io.ambientlint.core.report.Reporter;
import io.ambientlint.core.report.SarifReporter;
import io.ambientlint.core.report.TextReporter;

/** The report formats of {@code check --format}. */
public enum OutputFormat {
  text, json, sarif, markdown;

  /**
   * @param colour ANSI colours in text output
   * @param linkBase prefix of the file links in Markdown output, empty for repository-relative links
   */
  Reporter reporter(boolean colour, String linkBase) {
    return switch (this) {
      case text -> new TextReporter(colour);
      case json -> new JsonReporter();
      case sarif -> new SarifReporter();
      case markdown -> new MarkdownReporter(linkBase);
    };
  }
}
