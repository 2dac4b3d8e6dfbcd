package io.ambientlint.cli;

import io.ambientlint.core.report.JsonReporter;
import io.ambientlint.core.report.Reporter;
import io.ambientlint.core.report.SarifReporter;
import io.ambientlint.core.report.TextReporter;

/** The report formats of {@code check --format}. */
public enum OutputFormat {
  text, json, sarif;

  Reporter reporter(boolean colour) {
    return switch (this) {
      case text -> new TextReporter(colour);
      case json -> new JsonReporter();
      case sarif -> new SarifReporter();
    };
  }
}
