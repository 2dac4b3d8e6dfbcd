package io.ambientlint.rules.policy;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.AuthorizationPolicy;
import io.ambientlint.core.model.LabelSelector;
import io.ambientlint.core.model.Workload;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;
import java.util.List;
import java.util.Set;

/** An AuthorizationPolicy selector that matches no workload of its namespace (istioctl IST0127). */
public final class PolicySelectsNothing implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL312", "policy-selects-nothing")
      .severity(Severity.WARNING)
      .summary("AuthorizationPolicy selector matches no workload of its namespace")
      .description("""
          An AuthorizationPolicy with `selector.matchLabels` applies only to the pods of its namespace that carry \
          those labels (in the root namespace: of every namespace). When the repository holds the namespace's \
          workloads and none of them (nor the pods of a Gateway in it) matches, the policy applies to nothing: for \
          ALLOW the intended restriction is missing, for DENY the traffic it should block flows (a silent hole). \
          Usually a label typo or a label that lives on the Deployment instead of the pod template. Like istioctl's \
          IST0127 (NoMatchingWorkloadsFound), but silent when the namespace's workloads are not in the repository, \
          for policies in the root namespace, and for selectors on gateway pod labels (`istio`, \
          `gateway.networking.k8s.io/gateway-name`, `istio.io/gateway-name`), whose pods Istio or Helm deploys.""")
      .help("Fix the selector to match the pod template labels of the intended workloads, or remove the policy.")
      .tags("policy", "security", "selector")
      .securitySeverity(5.0)
      .build();

  private static final Set<String> GATEWAY_POD_KEYS = Set.of("istio", "gateway.networking.k8s.io/gateway-name",
      "istio.io/gateway-name");

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (AuthorizationPolicy p : graph.authorizationPolicies()) {
      var attachment = p.attachment();
      if (attachment.hasTargetRefs() || attachment.selectorLabels().isEmpty()
          || p.namespace().equals(graph.config().rootNamespace())
          || attachment.selectorLabels().keySet().stream().anyMatch(GATEWAY_POD_KEYS::contains)) {
        continue;
      }
      List<Workload> inNamespace = graph.workloadsIn(p.namespace());
      if (inNamespace.isEmpty() || !graph.workloadsSelectedBy(attachment).isEmpty()
          || !graph.waypointsMatchedBySelector(attachment).isEmpty()) {
        continue;
      }
      LabelSelector selector = LabelSelector.of(attachment.selectorLabels());
      String hole = AuthorizationPolicy.DENY.equals(p.action())
          ? "the traffic it should deny is not denied (a silent hole)"
          : AuthorizationPolicy.ALLOW.equals(p.action()) ? "the access restriction it describes is enforced nowhere"
              : "it is enforced nowhere";
      var d = findings.report(META, attachment.resource().node(attachment.kind().labelsPointer()),
          "%s (action %s) selects pods with %s, but none of the %d workloads of namespace %s in the repository has "
              + "them (%s): the policy applies to nothing, so %s; fix the selector to match the pod template labels",
          p.displayName(), p.action(), selector, inNamespace.size(), p.namespace(),
          String.join(", ", inNamespace.stream().limit(3).map(Workload::displayName).toList())
              + (inNamespace.size() > 3 ? ", ..." : ""),
          hole);
      inNamespace.stream().limit(3).forEach(w -> d.related(w.node(w.podPointer() + "/metadata/labels"),
          "pod labels of " + w.displayName()));
    }
  }
}
