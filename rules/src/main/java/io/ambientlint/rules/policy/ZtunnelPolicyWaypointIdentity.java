package io.ambientlint.rules.policy;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.PolicyIndex.WaypointInPath;
import io.ambientlint.core.model.AuthorizationPolicy;
import io.ambientlint.core.model.NodeRef;
import io.ambientlint.core.model.Workload;
import io.ambientlint.core.policy.SourceIdentity;
import io.ambientlint.core.policy.ZtunnelPolicy;
import io.ambientlint.core.policy.ZtunnelRule;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;
import io.ambientlint.core.text.Phrases;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Behind a waypoint, the destination's ztunnel sees the waypoint's identity: ztunnel ALLOW rules keyed on the
 * original clients deny what comes through the waypoint unless something admits the waypoint.
 */
public final class ZtunnelPolicyWaypointIdentity implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL307", "ztunnel-policy-waypoint-identity")
      .severity(Severity.WARNING)
      .summary("A ztunnel ALLOW policy behind a waypoint does not admit the waypoint's identity")
      .description("""
          When traffic to a workload goes through a waypoint (its Service or the workload itself uses \
          `istio.io/use-waypoint`), the destination's ztunnel sees the waypoint as the source: its principal \
          (`<trust domain>/ns/<waypoint namespace>/sa/<waypoint service account>`), namespace and pod IP, not the \
          original client's. An ALLOW policy enforced by ztunnel whose rules key on client principals, namespaces, \
          service accounts, IP blocks or `source.*` conditions therefore denies all traffic that comes through the \
          waypoint, unless some ALLOW policy of the workload also admits the waypoint's service account. The \
          waypoint's service account is the Gateway's name, unless its `gateway.istio.io/service-account` annotation \
          or a Deployment for it (pods labelled `gateway.networking.k8s.io/gateway-name`) sets another. istiod's \
          PILOT_AUTO_ALLOW_WAYPOINT_POLICY adds that allowance automatically: set config `autoAllowWaypointPolicy: \
          true` when it is on, and this rule is off. IP-based rules are reported because the waypoint's pod IP is \
          not known statically.""")
      .help("""
          Add a rule allowing the waypoint's principal (or its namespace) to the ztunnel policy, and move the \
          client-identity checks to a policy attached to the waypoint with `targetRefs`, where the original client \
          is known; or enable PILOT_AUTO_ALLOW_WAYPOINT_POLICY and set `autoAllowWaypointPolicy: true`.""")
      .tags("policy", "ztunnel", "waypoint", "authorization")
      .precision("medium")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  /** One ALLOW policy that shuts out one waypoint, with the workloads affected. */
  private record Case(AuthorizationPolicy policy, WaypointInPath waypoint, SourceIdentity identity,
      List<Workload> workloads) {}

  @Override
  public void check(MeshGraph graph, Findings findings) {
    if (graph.config().autoAllowWaypointPolicy()) {
      return;
    }
    Map<String, Case> cases = new LinkedHashMap<>();
    // Namespace-wide policies share their workloads: find each workload's waypoints once.
    Map<Workload, List<WaypointInPath>> waypointsInFront = new IdentityHashMap<>();
    for (AuthorizationPolicy ap : graph.authorizationPolicies()) {
      ZtunnelPolicy z = graph.ztunnelForm(ap);
      if (!z.isEnforced() || !z.isAllow() || z.firingRules().stream().noneMatch(ZtunnelRule::keysOnSource)) {
        continue;
      }
      for (Workload w : graph.policyEnforcement(ap.attachment()).ztunnelWorkloads()) {
        for (WaypointInPath wp : waypointsInFront.computeIfAbsent(w, graph::waypointsInFrontOf)) {
          SourceIdentity identity = graph.waypointIdentity(wp.namespace(), wp.name());
          if (z.admitsSource(identity) || admittedByAnotherAllow(graph, w, identity)) {
            continue;
          }
          cases.computeIfAbsent(ap.id() + "|" + wp.displayName(), k -> new Case(ap, wp, identity, new ArrayList<>()))
              .workloads().add(w);
        }
      }
    }
    for (Case c : cases.values()) {
      AuthorizationPolicy ap = c.policy();
      ZtunnelRule keyed = graph.ztunnelForm(ap).firingRules().stream().filter(ZtunnelRule::keysOnSource).findFirst()
          .orElseThrow();
      AuthorizationPolicy.Rule written = ap.rules().get(keyed.index());
      NodeRef at = !written.from().isEmpty() ? ap.resource().node(written.pointer() + "/from")
          : ap.resource().node(written.pointer() + "/when");
      List<String> names = c.workloads().stream().limit(3).map(Workload::displayName).toList();
      var draft = findings.report(META, at,
          "ALLOW AuthorizationPolicy %s/%s is enforced by ztunnel for %s, which %s reached through waypoint %s (via %s); ztunnel then "
              + "sees the waypoint's identity %s (namespace %s) as the source, which none of the policy's rules admit "
              + "(they key on %s), so requests through the waypoint are denied; allow principal %s in the policy, or move "
              + "the client checks to the waypoint with targetRefs (or set autoAllowWaypointPolicy if istiod runs with "
              + "PILOT_AUTO_ALLOW_WAYPOINT_POLICY)",
          ap.namespace(), ap.name(), String.join(", ", names) + (c.workloads().size() > 3 ? " and more" : ""),
          Phrases.plural(c.workloads().size(), "is", "are"), c.waypoint().displayName(), c.waypoint().via(),
          c.identity().principal(), c.identity().namespace(), keyed.describe().substring(keyed.describe().indexOf(':') + 2),
          c.identity().principal());
      c.waypoint().gateway().ifPresent(g -> draft.related(g.resource().nameNode(), "the waypoint"));
      c.waypoint().label().ifPresent(l -> draft.related(l, "the use-waypoint label"));
      draft.related(c.workloads().get(0).resource().nameNode(), "a workload behind the waypoint");
    }
  }

  private static boolean admittedByAnotherAllow(MeshGraph graph, Workload w, SourceIdentity identity) {
    for (AuthorizationPolicy other : graph.ztunnelPoliciesFor(w)) {
      ZtunnelPolicy z = graph.ztunnelForm(other);
      if (z.isEnforced() && z.isAllow() && z.admitsSource(identity)) {
        return true;
      }
    }
    return false;
  }
}
