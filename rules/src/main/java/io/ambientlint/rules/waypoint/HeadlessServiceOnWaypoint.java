package io.ambientlint.rules.waypoint;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.ParentAttachment;
import io.ambientlint.core.graph.TargetResolution;
import io.ambientlint.core.graph.WaypointBinding;
import io.ambientlint.core.model.Service;
import io.ambientlint.core.model.Workload;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * A headless Service bound to a service waypoint. istiod publishes no address for it (getVIPs in
 * pilot/pkg/serviceregistry/ambient/services.go drops {@code None}), DNS answers with the pod IPs, and ztunnel uses
 * a service waypoint only when the destination is a service VIP (ztunnel src/proxy/outbound.rs build_request);
 * connections to pod IPs take the workload's own waypoint, if its pods have one.
 */
public final class HeadlessServiceOnWaypoint implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL214", "headless-service-on-waypoint")
      .severity(Severity.WARNING)
      .summary("Headless Service bound to a service waypoint: clients reach its pods directly and skip the waypoint")
      .description("""
          A headless Service (`clusterIP: None`) has no virtual IP: istiod sends ztunnel the service without \
          addresses and DNS answers with the pod IPs. ztunnel sends a connection through a service waypoint only \
          when its destination is a service VIP; a connection to a pod IP goes through the *workload's* waypoint, if \
          its pods have one, else straight to the pod. So the routes (HTTPRoute/GRPCRoute with the Service as \
          parent) and the policies attached to the Service or applied at its waypoint never see this traffic: \
          retries, traffic splits, L7 authorization and JWT checks silently do not happen. Not reported when every \
          pod of the Service is itself bound to a waypoint (`istio.io/use-waypoint` on the pods or their namespace, \
          waypoint-for `workload` or `all`).""")
      .help("""
          Give the Service a cluster IP (remove `clusterIP: None`) if clients do not need per-pod addresses, or bind \
          the pods to a waypoint that serves workload traffic (`istio.io/waypoint-for: all` or `workload`) and \
          enforce the policy there.""")
      .tags("waypoint", "service", "headless")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (Service s : graph.services()) {
      if (!"None".equals(s.clusterIp().orElse(""))) {
        continue;
      }
      WaypointBinding binding = graph.waypointForService(s);
      if (!binding.isBound()) {
        continue;
      }
      List<String> relying = new ArrayList<>();
      for (ParentAttachment a : graph.routesAttachedTo(s)) {
        if (a.appliesAtWaypoint()) {
          relying.add(a.route().displayName());
        }
      }
      for (TargetResolution t : graph.policiesTargeting(s.id())) {
        if (t.isAttached()) {
          relying.add(t.policy().displayName());
        }
      }
      if (relying.isEmpty()) {
        continue;
      }
      List<Workload> pods = graph.workloadsSelectedBy(s);
      if (!pods.isEmpty() && pods.stream().allMatch(w -> graph.waypointForWorkload(w).isBound())) {
        continue;
      }
      var d = findings.report(META, s.node("/spec/clusterIP"),
          "%s is headless (clusterIP: None) and bound to waypoint %s, but clients of a headless Service connect to pod "
              + "IPs and ztunnel sends only service-VIP traffic through a service waypoint, so what is attached to it "
              + "there never applies (%s); give the Service a cluster IP, or bind its pods to a waypoint that serves "
              + "workload traffic",
          s.displayName(), binding.waypointDisplayName(),
          String.join(", ", relying.stream().limit(4).toList()) + (relying.size() > 4 ? " and more" : ""));
      binding.label().ifPresent(l -> d.related(l, "the use-waypoint label that binds the Service"));
    }
  }
}
