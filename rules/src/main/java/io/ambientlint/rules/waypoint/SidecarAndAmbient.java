package io.ambientlint.rules.waypoint;

import io.ambientlint.core.graph.Enrolment;
import io.ambientlint.core.graph.IstioLabels;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.Namespace;
import io.ambientlint.core.model.NodeRef;
import io.ambientlint.core.model.Workload;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;
import java.util.Optional;

/** A namespace or pod template asks for ambient and for sidecar injection at once. */
public final class SidecarAndAmbient implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL105", "sidecar-and-ambient")
      .severity(Severity.ERROR)
      .summary("A namespace or pod template asks for both sidecar injection and ambient")
      .description("""
          `istio.io/dataplane-mode: ambient` asks ztunnel to capture the pods; `istio-injection: enabled` or a \
          non-empty `istio.io/rev` on the namespace, or `sidecar.istio.io/inject: "true"` on the pod, asks for a \
          sidecar. A pod with a sidecar is not captured by ztunnel, so the ambient label does nothing: the pods run \
          with sidecars, do not use waypoints as clients, and ztunnel's policies do not apply to them.""")
      .help("Choose one data plane: remove the injection label (ambient) or the dataplane-mode label (sidecar).")
      .tags("ambient", "sidecar", "enrolment")
      .precision("very-high")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (Namespace ns : graph.namespaces()) {
      // Labels from config namespaces: have no node in the repository to report at.
      if (!ns.isDeclared() || !IstioLabels.AMBIENT.equals(ns.labels().get(IstioLabels.DATAPLANE_MODE))) {
        continue;
      }
      Optional<NodeRef> requested = graph.sidecarInjection(ns).flatMap(Enrolment::decidedBy);
      requested.ifPresent(injection -> findings.report(META, ns.labelNode(IstioLabels.DATAPLANE_MODE).orElseThrow(),
              "Namespace %s asks for ambient and for sidecar injection (%s): injected pods are not captured by ztunnel, "
                  + "so they run with sidecars and the ambient label does nothing; remove one of the two labels",
              ns.name(), describe(injection))
          .related(injection, "the sidecar injection label"));
    }
    for (Workload w : graph.workloads()) {
      if (!IstioLabels.AMBIENT.equals(w.podLabels().get(IstioLabels.DATAPLANE_MODE)) || w.isWorkloadEntry()) {
        continue;
      }
      Optional<NodeRef> injection = graph.sidecarInjection(w).flatMap(Enrolment::decidedBy);
      injection.ifPresent(i -> findings.report(META, w.podLabelNode(IstioLabels.DATAPLANE_MODE),
              "%s labels its pods for ambient but they also get a sidecar (%s): a pod with a sidecar is not captured "
                  + "by ztunnel, so the ambient label does nothing; remove the injection or the dataplane-mode label",
              w.displayName(), describe(i))
          .related(i, "the sidecar injection setting"));
    }
  }

  private static String describe(NodeRef injection) {
    String pointer = injection.pointer();
    String key = pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    return key + "=" + injection.value().asText();
  }
}
