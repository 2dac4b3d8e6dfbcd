package io.ambientlint.rules.input;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.model.Location;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;

/** A mapping that repeats a key: the API server's strict decoding rejects it, lenient tools keep the last. */
public final class DuplicateKey implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL905", "duplicate-key")
      .severity(Severity.ERROR)
      .summary("A mapping repeats a key")
      .description("""
          A YAML mapping holds the same key twice. Kubernetes decodes manifests strictly and rejects the object \
          (`duplicate field`); tools that decode leniently silently keep only the last value, so what you review is \
          not what runs. ambient-lint analyzes the last value, as lenient tools do.""")
      .help("Remove one of the two entries, or merge them into one.")
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
      if (d.kind() == Diagnostic.Kind.DUPLICATE_KEY) {
        findings.reportInFile(META, new Location(d.path(), d.position()),
            d.message() + "; remove one of the two entries, or merge them into one");
      }
    }
  }
}
