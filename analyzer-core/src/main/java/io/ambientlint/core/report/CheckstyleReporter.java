package io.ambientlint.core.report;

import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.load.SourcePosition;
import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.severity.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checkstyle XML as reviewdog ({@code -f=checkstyle}), Jenkins' Warnings plugin and other CI plugins read it:
 * {@code <checkstyle><file name><error line column severity message source/></file></checkstyle>}, files by
 * path relative to the repository root. Findings that count, and files that could not be analyzed.
 */
public final class CheckstyleReporter implements Reporter {

  /** Checkstyle's own format version, the one reviewdog and the CI plugins are written against. */
  static final String FORMAT_VERSION = "4.3";

  private final SourceRoot sourceRoot;

  public CheckstyleReporter(SourceRoot sourceRoot) {
    this.sourceRoot = sourceRoot;
  }

  private record Entry(SourcePosition position, String severity, String message, String source) {}

  static String severity(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case NOTE -> "info";
    };
  }

  @Override
  public void write(AnalysisResult result, Writer out) throws IOException {
    Map<String, List<Entry>> byFile = new TreeMap<>();
    for (Finding f : result.activeFindings()) {
      byFile.computeIfAbsent(sourceRoot.relative(f.location().path()), p -> new ArrayList<>())
          .add(new Entry(f.location().position(), severity(f.severity()), f.message() + " [" + f.rule().name() + "]",
              "ambient-lint." + f.ruleId()));
    }
    for (Diagnostic d : result.notifications()) {
      if (d.kind().isInputLoss() && !d.path().isEmpty()) {
        byFile.computeIfAbsent(sourceRoot.relative(d.path()), p -> new ArrayList<>())
            .add(new Entry(d.position(), "error", "not analyzed: " + d.message(), "ambient-lint." + d.kind().id()));
      }
    }
    XmlReports.write(out, xml -> {
      xml.writeStartElement("checkstyle");
      xml.writeAttribute("version", FORMAT_VERSION);
      xml.writeCharacters("\n");
      for (Map.Entry<String, List<Entry>> file : byFile.entrySet()) {
        xml.writeStartElement("file");
        XmlReports.attribute(xml, "name", file.getKey());
        xml.writeCharacters("\n");
        for (Entry e : file.getValue()) {
          xml.writeEmptyElement("error");
          xml.writeAttribute("line", Integer.toString(Math.max(1, e.position().line())));
          if (e.position().column() > 0) {
            xml.writeAttribute("column", Integer.toString(e.position().column()));
          }
          xml.writeAttribute("severity", e.severity());
          XmlReports.attribute(xml, "message", e.message());
          XmlReports.attribute(xml, "source", e.source());
          xml.writeCharacters("\n");
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
      }
      xml.writeEndElement();
    });
  }
}
