package io.ambientlint.core.report;

import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.model.Location;
import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.severity.Severity;
import io.ambientlint.core.text.Escape;
import java.io.IOException;
import java.io.Writer;

/**
 * GitHub Actions workflow commands, one a finding:
 * {@code ::error file=a.yaml,line=3,endLine=3,col=5,endColumn=9,title=AL305 ztunnel-l7-fail-safe::message}.
 * The runner turns them into inline pull-request annotations, which work without code scanning.
 * Suppressed findings are left out; tool notifications with a file become warnings or notices.
 */
public final class GithubAnnotationsReporter implements Reporter {

  @Override
  public void write(AnalysisResult result, Writer out) throws IOException {
    for (Finding f : result.activeFindings()) {
      out.write(command(level(f.severity()), f.location(), f.ruleId() + " " + f.rule().name(), f.message()));
    }
    for (Diagnostic d : result.notifications()) {
      if (d.kind() == Diagnostic.Kind.SKIPPED || d.kind() == Diagnostic.Kind.NOT_KUBERNETES) {
        continue; // expected and often numerous (Helm charts, CI configs, package.json): not worth an annotation
      }
      Location at = d.path().isEmpty() || d.path().startsWith("<") ? null : new Location(d.path(), d.position());
      out.write(command(level(d.level()), at, "ambient-lint", d.message()));
    }
    out.flush();
  }

  private static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case NOTE -> "notice";
    };
  }

  private static String command(String level, Location at, String title, String message) {
    StringBuilder b = new StringBuilder("::").append(level).append(' ');
    if (at != null && !at.path().startsWith("<")) {
      var p = at.position();
      b.append("file=").append(escapeProperty(at.path()))
          .append(",line=").append(p.line())
          .append(",endLine=").append(Math.max(p.line(), p.endLine()))
          .append(",col=").append(p.column());
      if (p.endLine() == p.line() && p.endColumn() > p.column()) {
        b.append(",endColumn=").append(p.endColumn());
      }
      b.append(',');
    }
    b.append("title=").append(escapeProperty(title)).append("::").append(escapeData(message)).append('\n');
    return b.toString();
  }

  /**
   * The message part: {@code %}, CR and LF encoded (as @actions/core does), other control characters shown
   * escaped ({@link Escape#workflowData}).
   */
  public static String escapeData(String s) {
    return Escape.workflowData(s);
  }

  /** A property value: also {@code :} and {@code ,}, which would end the value. */
  public static String escapeProperty(String s) {
    return Escape.workflowProperty(s);
  }
}
