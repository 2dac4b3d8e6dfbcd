package io.ambientlint.rules.input;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.model.Location;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;

/** A file that is not valid YAML or JSON: nothing after the error is analyzed, and kubectl would reject it. */
public final class YamlInvalid implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL901", "yaml-invalid")
      .severity(Severity.ERROR)
      .summary("File is not valid YAML or JSON")
      .description("""
          The file could not be parsed as YAML 1.2 (JSON is YAML). The finding points at the line and column where \
          the parser stopped. Documents before the error are analyzed; the document with the error and everything \
          after it are not, so other rules cannot check them, and `kubectl apply` or your GitOps controller will \
          reject the file.""")
      .help("""
          Fix the syntax at the reported position: common causes are tabs used for indentation, an unclosed quote or \
          bracket, a missing space after `:` or `-`, and inconsistent indentation.""")
      .tags("input", "yaml")
      .precision("very-high")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (Diagnostic d : graph.loadDiagnostics()) {
      if (d.kind() == Diagnostic.Kind.YAML_INVALID) {
        findings.reportInFile(META, new Location(d.path(), d.position()),
            d.message() + "; this document and the rest of the file are not analyzed, and kubectl would reject the file");
      }
    }
  }
}
