package io.ambientlint.core.report;

import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.rule.RelatedLocation;
import io.ambientlint.core.rule.RuleMetadata;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as Jenkins' junit step and GitLab's {@code artifacts:reports:junit} read it: one {@code testsuite} per
 * rule with findings, one {@code testcase} per finding, failed when the finding counts and skipped when a
 * baseline, a revision or an annotation accepts it. Files that could not be read are {@code error}s of a suite
 * named {@code ambient-lint}; a clean run is one passing test case there, since Jenkins fails a build whose
 * reports hold no test at all.
 */
public final class JunitReporter implements Reporter {

  static final String TOOL_SUITE = "ambient-lint";

  private final SourceRoot sourceRoot;

  public JunitReporter(SourceRoot sourceRoot) {
    this.sourceRoot = sourceRoot;
  }

  @Override
  public void write(AnalysisResult result, Writer out) throws IOException {
    Map<RuleMetadata, List<Finding>> byRule = new LinkedHashMap<>();
    for (RuleMetadata rule : result.rules()) {
      byRule.put(rule, new ArrayList<>());
    }
    for (Finding f : result.findings()) {
      byRule.computeIfAbsent(f.rule(), r -> new ArrayList<>()).add(f);
    }
    byRule.values().removeIf(List::isEmpty);
    List<Diagnostic> errors = result.notifications().stream().filter(d -> d.kind().isInputLoss()
        || d.kind() == Diagnostic.Kind.RULE_FAILURE).toList();
    long failures = result.activeFindings().size();
    long tests = result.findings().size() + Math.max(1, errors.size());
    XmlReports.write(out, xml -> {
      xml.writeStartElement("testsuites");
      XmlReports.attribute(xml, "name", "ambient-lint");
      xml.writeAttribute("tests", Long.toString(tests));
      xml.writeAttribute("failures", Long.toString(failures));
      xml.writeAttribute("errors", Integer.toString(errors.size()));
      xml.writeAttribute("skipped", Long.toString(result.findings().size() - failures));
      xml.writeAttribute("time", "0");
      xml.writeCharacters("\n");
      for (Map.Entry<RuleMetadata, List<Finding>> e : byRule.entrySet()) {
        ruleSuite(xml, result, e.getKey(), e.getValue());
      }
      toolSuite(xml, errors);
      xml.writeEndElement();
    });
  }

  private void ruleSuite(XMLStreamWriter xml, AnalysisResult result, RuleMetadata rule, List<Finding> findings)
      throws XMLStreamException {
    long failing = findings.stream().filter(result::isActive).count();
    xml.writeStartElement("testsuite");
    XmlReports.attribute(xml, "name", rule.id() + " " + rule.name());
    xml.writeAttribute("tests", Integer.toString(findings.size()));
    xml.writeAttribute("failures", Long.toString(failing));
    xml.writeAttribute("errors", "0");
    xml.writeAttribute("skipped", Long.toString(findings.size() - failing));
    xml.writeAttribute("time", "0");
    xml.writeCharacters("\n");
    for (Finding f : findings) {
      String path = sourceRoot.relative(f.location().path());
      xml.writeStartElement("testcase");
      // Jenkins splits classname at dots into package and class: keep the path out of it.
      XmlReports.attribute(xml, "classname", "ambient-lint." + rule.id());
      XmlReports.attribute(xml, "name", path + ":" + f.location().position() + " "
          + f.subject().map(s -> s.kind() + " " + s.namespacedName()).orElse(rule.name()));
      XmlReports.attribute(xml, "file", path);
      xml.writeAttribute("line", Integer.toString(f.location().position().line()));
      xml.writeAttribute("time", "0");
      if (result.isActive(f)) {
        xml.writeStartElement("failure");
        XmlReports.attribute(xml, "message", f.message());
        xml.writeAttribute("type", f.severity().label());
        xml.writeCharacters(XmlReports.clean(details(path, f)));
        xml.writeEndElement();
      } else {
        xml.writeEmptyElement("skipped");
        XmlReports.attribute(xml, "message", f.suppression().map(s -> "suppressed: " + s.justification())
            .orElse("unchanged since the baseline or revision compared with"));
      }
      xml.writeEndElement();
      xml.writeCharacters("\n");
    }
    xml.writeEndElement();
    xml.writeCharacters("\n");
  }

  private String details(String path, Finding f) {
    StringBuilder text = new StringBuilder();
    text.append(path).append(':').append(f.location().position()).append(": ").append(f.severity().label())
        .append(' ').append(f.ruleId()).append(' ').append(f.message()).append('\n');
    for (RelatedLocation r : f.related()) {
      text.append("    ").append(sourceRoot.relative(r.location().path())).append(':').append(r.location().position())
          .append(": ").append(r.message()).append('\n');
    }
    text.append("Rule: ").append(f.rule().name()).append(" - ").append(f.rule().summary()).append('\n');
    return text.toString();
  }

  private void toolSuite(XMLStreamWriter xml, List<Diagnostic> errors) throws XMLStreamException {
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", TOOL_SUITE);
    xml.writeAttribute("tests", Integer.toString(Math.max(1, errors.size())));
    xml.writeAttribute("failures", "0");
    xml.writeAttribute("errors", Integer.toString(errors.size()));
    xml.writeAttribute("skipped", "0");
    xml.writeAttribute("time", "0");
    xml.writeCharacters("\n");
    if (errors.isEmpty()) {
      xml.writeEmptyElement("testcase");
      xml.writeAttribute("classname", "ambient-lint.input");
      xml.writeAttribute("name", "every input was read and every rule ran");
      xml.writeAttribute("time", "0");
      xml.writeCharacters("\n");
    }
    for (Diagnostic d : errors) {
      String path = sourceRoot.relative(d.path());
      xml.writeStartElement("testcase");
      xml.writeAttribute("classname", "ambient-lint.input");
      XmlReports.attribute(xml, "name", path.isEmpty() ? d.kind().id() : path + ":" + d.position() + " " + d.kind().id());
      if (!path.isEmpty()) {
        XmlReports.attribute(xml, "file", path);
      }
      xml.writeAttribute("time", "0");
      xml.writeStartElement("error");
      XmlReports.attribute(xml, "message", d.message());
      xml.writeAttribute("type", d.kind().id());
      xml.writeCharacters(XmlReports.clean(d.message()));
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeCharacters("\n");
    }
    xml.writeEndElement();
    xml.writeCharacters("\n");
  }
}
