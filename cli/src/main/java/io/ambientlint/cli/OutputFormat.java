package io.ambientlint.cli;

import io.ambientlint.core.report.CheckstyleReporter;
import io.ambientlint.core.report.GitlabCodeQualityReporter;
import io.ambientlint.core.report.JsonReporter;
import io.ambientlint.core.report.JunitReporter;
import io.ambientlint.core.report.MarkdownReporter;
import io.ambientlint.core.report.Reporter;
import io.ambientlint.core.report.SarifReporter;
import io.ambientlint.core.report.SourceRoot;
import io.ambientlint.core.report.TextReporter;
import java.util.Optional;

/** The report formats of {@code check --format}. */
public enum OutputFormat {
  text, json, sarif, markdown, junit, gitlab, checkstyle;

  /**
   * @param colour ANSI colours in text output
   * @param linkBase prefix of the file links in Markdown output, empty for repository-relative links
   * @param sarifCategory the SARIF run's category ({@code automationDetails.id}), if any
   * @param sourceRoot the repository root that SARIF, JUnit, GitLab and checkstyle paths are relative to
   */
  Reporter reporter(boolean colour, String linkBase, Optional<String> sarifCategory, SourceRoot sourceRoot) {
    return reporter(colour, false, linkBase, sarifCategory, sourceRoot);
  }

  /** @param verbose text output also lists the files that are not Kubernetes manifests */
  Reporter reporter(boolean colour, boolean verbose, String linkBase, Optional<String> sarifCategory, SourceRoot sourceRoot) {
    return switch (this) {
      case text -> new TextReporter(colour, verbose);
      case json -> new JsonReporter();
      case sarif -> new SarifReporter(sarifCategory, sourceRoot);
      case markdown -> new MarkdownReporter(linkBase);
      case junit -> new JunitReporter(sourceRoot);
      case gitlab -> new GitlabCodeQualityReporter(sourceRoot);
      case checkstyle -> new CheckstyleReporter(sourceRoot);
    };
  }
}
