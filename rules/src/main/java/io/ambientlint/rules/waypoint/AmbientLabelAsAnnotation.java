package io.ambientlint.rules.waypoint;

import io.ambientlint.core.graph.AmbientAnnotations;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;

/** Istio reads the ambient enrolment and waypoint settings from labels only: as annotations they do nothing. */
public final class AmbientLabelAsAnnotation implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL113", "ambient-label-as-annotation")
      .severity(Severity.WARNING)
      .summary("An ambient label written as an annotation has no effect")
      .description("""
          istiod, ztunnel and istio-cni read `istio.io/dataplane-mode`, `istio.io/use-waypoint`, \
          `istio.io/use-waypoint-namespace`, `istio.io/waypoint-for` and `istio.io/ingress-use-waypoint` from \
          **labels** only (pilot/pkg/serviceregistry/ambient reads `Labels[...]`; only \
          `istio.io/use-waypoint-canary-weight` is an annotation). Written under `metadata.annotations` (of a \
          Namespace, Service, ServiceEntry, Gateway, GatewayClass, WorkloadEntry, Pod, or a workload and its pod \
          template) they are ignored: the namespace or pod is not enrolled, the service is not bound to its \
          waypoint, and routes and policies meant for the waypoint silently do nothing (istioctl's IST0108 "unknown \
          annotation" is the sidecar-era cousin). An annotation whose label twin is also written with the same value \
          is not reported.""")
      .help("""
          Move the key from `metadata.annotations` to `metadata.labels` (for workloads: the pod template's labels, \
          `spec.template.metadata.labels`).""")
      .tags("ambient", "waypoint", "labels")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (AmbientAnnotations.Misplaced m : graph.ambientSettingsAsAnnotations()) {
      String conflict = m.labelValue().map(v -> "; the label " + m.key() + "=" + v + " is what Istio uses").orElse("");
      findings.reportAtKey(META, m.annotation(),
          "%s: %s=%s is written as an annotation, and Istio reads it only as a label, so it has no effect (%s)%s; "
              + "move it to %s",
          m.holder().displayName(), m.key(), m.value(), effect(m.key()), conflict, m.labelPlace());
    }
  }

  private static String effect(String key) {
    return switch (key) {
      case "istio.io/dataplane-mode" -> "the pods are not enrolled in ambient by it";
      case "istio.io/use-waypoint", "istio.io/use-waypoint-namespace" ->
          "no traffic is sent through that waypoint because of it, and its routes and policies do not apply";
      case "istio.io/waypoint-for" -> "the waypoint serves the default traffic type, service";
      default -> "ingress gateways do not send this traffic through the waypoint";
    };
  }
}
