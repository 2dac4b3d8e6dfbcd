package io.ambientlint.core.report;

import io.ambientlint.core.ToolInfo;
import io.ambientlint.core.rule.RuleMetadata;
import java.util.List;

/** The rule catalogue as Markdown: one page per rule ({@code docs/rules/ALnnn.md}) and an index. */
public final class RuleDocs {
  private RuleDocs() {}

  public static String page(RuleMetadata m) {
    StringBuilder out = new StringBuilder();
    out.append("<!-- Generated from the rule's metadata by RuleDocsTest; do not edit. -->\n");
    out.append("# ").append(m.id()).append(" ").append(m.name()).append("\n\n");
    out.append("| | |\n| --- | --- |\n");
    out.append("| Default severity | ").append(m.severity().label()).append(" |\n");
    out.append("| Tags | ").append(String.join(", ", m.tags())).append(" |\n");
    out.append("| Precision | ").append(m.precision()).append(" |\n");
    m.securitySeverity().ifPresent(s -> out.append("| Security severity | ").append(s).append(" |\n"));
    out.append("\n**").append(m.summary()).append("**\n\n");
    out.append("## What it checks\n\n").append(m.description()).append("\n\n");
    out.append("## How to fix\n\n").append(m.help()).append("\n\n");
    out.append("## Configuration\n\n");
    out.append("Turn the rule off or change its severity in `.ambient-lint.yaml`:\n\n");
    out.append("```yaml\nrules:\n  ").append(m.id()).append(": off   # or error, warning, note\n```\n\n");
    out.append("Silence it on one object with the annotation `ambient-lint.io/ignore: \"").append(m.id())
        .append(": reason\"`.\n");
    return out.toString();
  }

  /** Help text in Markdown for SARIF {@code help.markdown}. */
  public static String helpMarkdown(RuleMetadata m) {
    return "**" + m.summary() + "**\n\n" + m.description() + "\n\n**Fix:** " + m.help() + "\n\n[Rule page]("
        + ToolInfo.ruleDocUri(m.id()) + ")";
  }

  public static String index(List<RuleMetadata> rules) {
    StringBuilder out = new StringBuilder();
    out.append("<!-- Generated from rule metadata by RuleDocsTest; do not edit. -->\n");
    out.append("# ambient-lint rules\n\n| id | name | severity | summary |\n| --- | --- | --- | --- |\n");
    for (RuleMetadata m : rules) {
      out.append("| [").append(m.id()).append("](").append(m.id()).append(".md) | ").append(m.name()).append(" | ")
          .append(m.severity().label()).append(" | ").append(m.summary().replace("|", "\\|")).append(" |\n");
    }
    return out.toString();
  }
}
