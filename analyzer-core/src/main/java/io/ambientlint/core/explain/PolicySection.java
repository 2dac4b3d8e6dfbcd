package io.ambientlint.core.explain;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.PolicyEnforcement;
import io.ambientlint.core.graph.PolicyIndex.WaypointInPath;
import io.ambientlint.core.graph.TargetResolution;
import io.ambientlint.core.model.AuthorizationPolicy;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.model.MeshService;
import io.ambientlint.core.model.PolicyKind;
import io.ambientlint.core.model.Resource;
import io.ambientlint.core.model.Service;
import io.ambientlint.core.model.TargetablePolicy;
import io.ambientlint.core.model.Workload;
import io.ambientlint.core.policy.ZtunnelPolicy;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Policies of a Service, ServiceEntry or workload: those enforced at its waypoint (as written: the waypoint
 * is L7) and those its ztunnel enforces, in their effective form after translation. For a policy: where it is
 * enforced.
 */
final class PolicySection implements ExplainSection {

  @Override
  public void explain(MeshGraph graph, Resource subject, ExplainWriter out) {
    Optional<MeshService> service = Subjects.service(graph, subject);
    Optional<Workload> workload = Subjects.workload(graph, subject);
    Optional<TargetablePolicy> policy = TargetablePolicy.of(subject);
    Optional<Gateway> gateway = Subjects.gateway(graph, subject);
    if (gateway.isPresent()) {
      explainGateway(graph, gateway.get(), out);
    } else if (service.isPresent()) {
      explainService(graph, service.get(), out);
    } else if (workload.isPresent()) {
      explainWorkload(graph, workload.get(), out);
    } else if (policy.isPresent()) {
      explainPolicy(graph, policy.get(), out);
    }
  }

  private void explainGateway(MeshGraph graph, Gateway gateway, ExplainWriter out) {
    out.section("Policies");
    waypointPolicies(graph, "by " + gateway.displayName(), graph.waypointPoliciesFor(gateway), out);
    for (TargetablePolicy ignored : graph.selectorPoliciesIgnoredBy(gateway)) {
      out.fact(ignored.displayName() + " selects its pods but is ignored: waypoints apply only policies with targetRefs",
          ignored.selectorNode());
    }
  }

  private void explainService(MeshGraph graph, MeshService service, ExplainWriter out) {
    out.section("Policies");
    List<TargetResolution> atWaypoint = graph.waypointPoliciesFor(service);
    var binding = graph.waypointForService(service);
    if (!binding.isBound()) {
      out.fact("no waypoint: no policy with targetRefs applies to " + service.displayName() + " (" + binding.reason() + ")");
    } else {
      waypointPolicies(graph, "at waypoint " + binding.waypointDisplayName(), atWaypoint, out);
    }
    for (Workload w : graph.workloadsSelectedBy(service)) {
      ztunnelPolicies(graph, w, out);
    }
  }

  private void explainWorkload(MeshGraph graph, Workload w, ExplainWriter out) {
    out.section("Policies");
    for (WaypointInPath wp : graph.waypointsInFrontOf(w)) {
      Set<TargetResolution> policies = new LinkedHashSet<>();
      wp.gateway().ifPresent(g -> graph.waypointPoliciesFor(g).stream()
          .filter(t -> !t.ref().isService() && !t.ref().isServiceEntry()).forEach(policies::add));
      for (Service s : graph.servicesSelecting(w)) {
        graph.policiesTargeting(s.id()).stream().filter(TargetResolution::isAttached).forEach(policies::add);
      }
      waypointPolicies(graph, "at waypoint " + wp.displayName() + " (via " + wp.via() + ")", List.copyOf(policies), out);
    }
    ztunnelPolicies(graph, w, out);
  }

  private static void waypointPolicies(MeshGraph graph, String where, List<TargetResolution> policies, ExplainWriter out) {
    if (policies.isEmpty()) {
      out.fact("no policy targets it " + where);
      return;
    }
    out.fact("enforced " + where + " as written (the waypoint sees HTTP):");
    out.nested(() -> {
      for (TargetResolution t : policies) {
        TargetablePolicy p = t.policy();
        String action = p.kind() == PolicyKind.AUTHORIZATION_POLICY ? " " + AuthorizationPolicy.of(p.resource()).action() : "";
        out.fact(p.displayName() + action + " via targetRef " + t.ref().describe(p.namespace()), t.ref().node());
      }
    });
  }

  private static void ztunnelPolicies(MeshGraph graph, Workload w, ExplainWriter out) {
    List<AuthorizationPolicy> policies = graph.ztunnelPoliciesFor(w);
    if (!graph.isAmbient(w)) {
      out.fact(w.displayName() + " is not captured by ztunnel (" + graph.enrolment(w).reason() + ")");
      return;
    }
    if (policies.isEmpty()) {
      out.fact("ztunnel of " + w.displayName() + " enforces no AuthorizationPolicy");
      return;
    }
    out.fact("ztunnel of " + w.displayName() + " enforces:");
    out.nested(() -> {
      for (AuthorizationPolicy ap : policies) {
        ZtunnelPolicy z = graph.ztunnelForm(ap);
        out.fact(ap.displayName() + ": " + z.describe(), ap.resource().nameNode());
      }
    });
  }

  private static void explainPolicy(MeshGraph graph, TargetablePolicy p, ExplainWriter out) {
    out.section("Enforcement");
    PolicyEnforcement e = graph.policyEnforcement(p);
    out.fact("attached by " + e.summary());
    e.gateways().forEach(g -> out.fact("applied by " + g.displayName() + " (class " + g.className() + ")", g.resource().nameNode()));
    e.proxyWorkloads().forEach(w -> out.fact("applied by the sidecar of " + w.displayName(), w.resource().nameNode()));
    if (p.kind() == PolicyKind.AUTHORIZATION_POLICY) {
      AuthorizationPolicy ap = AuthorizationPolicy.of(p.resource());
      graph.ztunnelScope(ap).ifPresent(scope -> out.fact("enforced by ztunnel for " + scope + " as: "
          + graph.ztunnelForm(ap).describe()));
    } else if (!e.ztunnelOnlyWorkloads().isEmpty()) {
      out.fact("no effect on " + e.ztunnelOnlyWorkloads().size() + " workload(s) that only have ztunnel");
    }
    graph.waypointsMatchedBySelector(p).forEach(g ->
        out.fact("ignored by waypoint " + g.displayName() + ": waypoints apply only targetRefs policies", g.resource().nameNode()));
    if (e.notEnforcedReason().isPresent() && (p.kind() != PolicyKind.AUTHORIZATION_POLICY
        || graph.ztunnelScope(AuthorizationPolicy.of(p.resource())).isEmpty())) {
      out.fact("enforced nowhere in this repository: " + e.notEnforcedReason().get());
    }
  }
}
