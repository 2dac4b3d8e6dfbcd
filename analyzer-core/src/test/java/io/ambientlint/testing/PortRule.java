package io.ambientlint.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.NodeRef;
import io.ambientlint.core.model.Service;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;

/** A test rule: every Service port numbered 80 is an error at its {@code port:} value. */
public final class PortRule implements Rule {
  public static final RuleMetadata META = RuleMetadata.builder("AL997", "test-port-80")
      .severity(Severity.ERROR).summary("s").description("d").help("h").tags("test").build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (Service s : graph.services()) {
      JsonNode ports = s.resource().root().path("spec").path("ports");
      for (int i = 0; i < ports.size(); i++) {
        NodeRef port = s.node("/spec/ports/" + i + "/port");
        if (port.value().asInt() == 80) {
          findings.report(META, port, "%s exposes port 80 (spec.ports[%d])", s.displayName(), i);
        }
      }
    }
  }
}
