package io.ambientlint.core.rule;

import io.ambientlint.core.severity.Severity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything said about a rule, written once beside it: it drives SARIF {@code rules[]}, the {@code rules}
 * command and the generated {@code docs/rules/ALnnn.md}.
 *
 * @param securitySeverity GitHub's {@code security-severity} (0.0-10.0) for security findings
 * @param precision SARIF precision: very-high, high, medium or low
 * @param since the release the rule first appeared in
 */
public record RuleMetadata(
    String id,
    String name,
    Severity severity,
    String summary,
    String description,
    String help,
    List<String> tags,
    Optional<Double> securitySeverity,
    String precision,
    String since) {

  public RuleMetadata {
    Objects.requireNonNull(id);
    if (!id.matches("AL\\d{3}")) {
      throw new IllegalArgumentException("rule id must be ALnnn: " + id);
    }
    if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw new IllegalArgumentException("rule name must be kebab-case: " + name);
    }
    tags = List.copyOf(tags);
    Objects.requireNonNull(since);
  }

  public static Builder builder(String id, String name) {
    return new Builder(id, name);
  }

  /** Where the generated page for this rule lives, relative to the repository root. */
  public String docPath() {
    return "docs/rules/" + id + ".md";
  }

  /** The release every rule written before {@code since} was recorded appeared in. */
  public static final String FIRST_RELEASE = "0.1.0";

  public static final class Builder {
    private final String id;
    private final String name;
    private Severity severity = Severity.WARNING;
    private String summary = "";
    private String description = "";
    private String help = "";
    private List<String> tags = List.of();
    private Double securitySeverity;
    private String precision = "high";
    private String since = FIRST_RELEASE;

    private Builder(String id, String name) {
      this.id = id;
      this.name = name;
    }

    public Builder severity(Severity v) { severity = v; return this; }
    /** One line: what is wrong. */
    public Builder summary(String v) { summary = v; return this; }
    /** What the rule checks and what the data plane does, in full. */
    public Builder description(String v) { description = v; return this; }
    /** How to fix it. */
    public Builder help(String v) { help = v; return this; }
    public Builder tags(String... v) { tags = List.of(v); return this; }
    public Builder securitySeverity(double v) { securitySeverity = v; return this; }
    public Builder precision(String v) { precision = v; return this; }
    /** The release the rule first appears in; set it on every new rule. */
    public Builder since(String v) { since = v; return this; }

    public RuleMetadata build() {
      if (summary.isEmpty() || description.isEmpty() || help.isEmpty()) {
        throw new IllegalStateException(id + ": summary, description and help are required");
      }
      return new RuleMetadata(id, name, severity, summary, description, help, tags,
          Optional.ofNullable(securitySeverity), precision, since);
    }
  }
}
