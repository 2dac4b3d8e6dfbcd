package io.ambientlint.rules.waypoint;

import io.ambientlint.core.graph.CanaryWeight;
import io.ambientlint.core.graph.InboundBinding;
import io.ambientlint.core.graph.IngressUseWaypoint;
import io.ambientlint.core.graph.IstioLabels;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.UseWaypointLabel;
import io.ambientlint.core.graph.WaypointFor;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.model.GatewayClass;
import io.ambientlint.core.model.MeshService;
import io.ambientlint.core.model.Namespace;
import io.ambientlint.core.model.NodeRef;
import io.ambientlint.core.model.Resource;
import io.ambientlint.core.model.Workload;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Waypoint labels and annotations whose value istiod does not understand, and ignored canary settings. */
public final class InvalidWaypointLabelValue implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL110", "invalid-waypoint-label-value")
      .severity(Severity.WARNING)
      .summary("A waypoint label or annotation has a value Istio does not understand")
      .description("""
          Reports values istiod silently replaces or ignores: `istio.io/waypoint-for` on a Gateway or GatewayClass \
          other than `service`, `workload`, `all` or `none` (the waypoint then serves nothing); \
          `istio.io/ingress-use-waypoint` that is not a boolean (`true`, `false`, `1`, `0`, `t`, `f`, in Go's \
          spellings; anything else counts as false); `ambient.istio.io/waypoint-inbound-binding` not of the form \
          `NONE|PROXY[/PORT]` (ignored: the HBONE default applies); and canary waypoints (Istio 1.31, Alpha): \
          `istio.io/use-waypoint-canary-weight` that is not an integer from 0 to 100 (`CanaryInvalidWeight`), a \
          canary naming the primary waypoint itself (`CanarySameAsPrimary`) or a Gateway that does not exist, and \
          canary labels on a pod template or WorkloadEntry, where Istio does not read them. An invalid canary is not \
          fatal: the service keeps using its primary waypoint alone.""")
      .help("Use one of the values Istio accepts, or move the canary labels to the Service, ServiceEntry or Namespace.")
      .tags("waypoint", "labels")
      .precision("very-high")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (Gateway gw : graph.gateways()) {
      checkWaypointFor(gw.resource(), findings);
      graph.inboundBinding(gw)
          .filter(b -> !b.valid() && b.source().resource() == gw.resource())
          .ifPresent(b -> reportBinding(b, findings));
    }
    for (GatewayClass cls : graph.gatewayClasses()) {
      checkWaypointFor(cls.resource(), findings);
      Optional.ofNullable(cls.resource().annotations().get(IstioLabels.WAYPOINT_INBOUND_BINDING))
          .filter(v -> !isValidBinding(v))
          .ifPresent(v -> reportBinding(cls.resource().annotationNode(IstioLabels.WAYPOINT_INBOUND_BINDING), v,
              "its waypoints use", findings));
    }
    List<MeshService> services = new ArrayList<>(graph.services());
    services.addAll(graph.serviceEntries());
    for (MeshService s : services) {
      checkIngress(s.resource(), findings);
    }
    for (Namespace ns : graph.namespaces()) {
      ns.declaration().ifPresent(r -> checkIngress(r, findings));
    }
    for (CanaryWeight weight : graph.canaryWeights()) {
      if (!weight.isValid()) {
        reportCanaryWeight(weight, findings);
      }
    }
    checkCanarySameAsPrimary(graph, findings);
    for (Workload w : graph.workloads()) {
      for (String key : List.of(IstioLabels.USE_WAYPOINT_CANARY, IstioLabels.USE_WAYPOINT_CANARY_NAMESPACE)) {
        if (w.podLabels().containsKey(key)) {
          findings.report(META, w.podLabelNode(key),
              "%s on the pods of %s is ignored: canary waypoints are read only from Services, ServiceEntries and "
                  + "Namespaces; move it to the Service", key, w.displayName());
        }
      }
    }
  }

  private static boolean isValidBinding(String value) {
    return InboundBinding.isValidValue(value);
  }

  private static void reportBinding(InboundBinding b, Findings findings) {
    reportBinding(b.source(), b.value(), "the waypoint uses", findings);
  }

  private static void reportBinding(NodeRef at, String value, String whoUses, Findings findings) {
    findings.report(META, at,
        "%s on %s is \"%s\", which istiod ignores (expected NONE or PROXY, optionally /PORT): %s the default HBONE "
            + "binding on 15008; write NONE, PROXY or PROXY/PORT (for example PROXY/15088)",
        IstioLabels.WAYPOINT_INBOUND_BINDING, at.resource().displayName(), value, whoUses);
  }

  private static void checkWaypointFor(Resource r, Findings findings) {
    String value = r.labels().get(IstioLabels.WAYPOINT_FOR);
    if (value != null && !new WaypointFor(value, Optional.empty()).isKnownValue()) {
      findings.report(META, r.labelNode(IstioLabels.WAYPOINT_FOR),
          "%s on %s is \"%s\", not one of service, workload, all, none: the waypoint serves neither services nor "
              + "workloads, so every binding to it fails; use service, workload or all",
          IstioLabels.WAYPOINT_FOR, r.displayName(), value);
    }
  }

  private static void checkIngress(Resource r, Findings findings) {
    String value = r.labels().get(IstioLabels.INGRESS_USE_WAYPOINT);
    if (value != null && !IngressUseWaypoint.isBoolean(value)) {
      findings.report(META, r.labelNode(IstioLabels.INGRESS_USE_WAYPOINT),
          "%s on %s is \"%s\", which istiod does not parse as a boolean and treats as false: ingress gateways skip "
              + "the waypoint; use \"true\" or \"false\"", IstioLabels.INGRESS_USE_WAYPOINT, r.displayName(), value);
    }
  }

  private static void reportCanaryWeight(CanaryWeight weight, Findings findings) {
    findings.report(META, weight.node(),
        "%s on %s is \"%s\", not an integer from 0 to 100: istiod reports CanaryInvalidWeight and sends all "
            + "traffic to the primary waypoint; use a whole number from 0 to 100",
        IstioLabels.USE_WAYPOINT_CANARY_WEIGHT, weight.holder().displayName(), weight.value());
  }

  private static void checkCanarySameAsPrimary(MeshGraph graph, Findings findings) {
    // Identity: Resource is a record whose hash would walk the whole manifest.
    Map<Resource, UseWaypointLabel> primary = new IdentityHashMap<>();
    for (UseWaypointLabel use : graph.useWaypointLabels()) {
      primary.put(use.holder(), use);
    }
    for (UseWaypointLabel canary : graph.canaryWaypointLabels()) {
      if (!graph.exists(canary.gateway())) {
        Findings.Draft d = findings.report(META, canary.label(),
            "%s names Gateway %s, which is not in the repository (nor in config external): istiod ignores the canary "
                + "and sends all traffic to the primary waypoint; add the Gateway, fix the name, or declare it in config "
                + "external", canary.describe(), canary.gateway().namespacedName());
        canary.namespaceLabel().ifPresent(n -> d.related(n, "the use-waypoint-canary-namespace label"));
        continue;
      }
      UseWaypointLabel p = primary.get(canary.holder());
      if (p != null && p.gateway().equals(canary.gateway())) {
        findings.report(META, canary.label(),
                "%s names the same waypoint %s as istio.io/use-waypoint: istiod reports CanarySameAsPrimary and "
                    + "ignores the canary; name the new waypoint", canary.describe(), canary.gateway().namespacedName())
            .related(p.label(), "the primary use-waypoint label");
      }
    }
  }
}
