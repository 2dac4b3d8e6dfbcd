package io.ambientlint.rules.input;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.Resource;
import io.ambientlint.core.model.ResourceId;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;
import java.util.List;
import java.util.Map;

/** Two manifests define the same object: whichever is applied last wins, and the other is silently lost. */
public final class DuplicateResource implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL903", "duplicate-resource")
      .severity(Severity.ERROR)
      .summary("The same object is defined more than once")
      .description("""
          Two documents declare the same group, kind, namespace and name (after GitOps namespace inference). They \
          are one object in the cluster: whichever is applied last overwrites the other, and Argo CD or Flux report \
          the object as shared or keep flipping it. Each later definition is reported, with the first as a related \
          location.""")
      .help("Keep a single definition: delete the copy, or rename one of them if two objects were meant.")
      .tags("input", "gitops")
      .precision("very-high")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (Map.Entry<ResourceId, List<Resource>> e : graph.model().resourcesById().entrySet()) {
      List<Resource> copies = e.getValue();
      if (copies.size() < 2) {
        continue;
      }
      Resource first = copies.get(0);
      for (Resource copy : copies.subList(1, copies.size())) {
        findings.report(META, copy.nameNode(),
                "%s is defined again here; it is also defined at %s, and whichever is applied last replaces the other; "
                    + "keep one definition",
                copy.displayName(), first.nameNode().location())
            .related(first.nameNode(), "first definition of " + first.displayName());
      }
    }
  }
}
