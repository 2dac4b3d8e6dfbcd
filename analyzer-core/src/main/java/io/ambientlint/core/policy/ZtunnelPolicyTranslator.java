package io.ambientlint.core.policy;

import io.ambientlint.core.model.AuthorizationPolicy;
import io.ambientlint.core.model.NodeRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates an AuthorizationPolicy the way istiod does for ztunnel (pilot's ambient authorization
 * conversion): pure, no graph needed.
 * <ul>
 *   <li>targetRefs: not for ztunnel. {@code istio.io/dry-run}, CUSTOM and AUDIT: dropped whole.</li>
 *   <li>L7 fields: {@code to.operation.hosts|notHosts|methods|notMethods|paths|notPaths},
 *   {@code from.source.requestPrincipals|notRequestPrincipals|remoteIpBlocks|notRemoteIpBlocks}, and every
 *   {@code when} key except {@code source.ip}, {@code source.namespace}, {@code source.principal},
 *   {@code destination.ip}, {@code destination.port}.</li>
 *   <li>{@code from.source.trustDomains|notTrustDomains}: silently ignored (not L7, not translated). An ALLOW
 *   rule is enforced without them and admits any trust domain; an entry with nothing else matches nothing.</li>
 *   <li>ALLOW: a rule with any L7 field is dropped whole and matches nothing.</li>
 *   <li>DENY: L7 fields are removed, L4 fields kept. An entry left with no field is skipped (matches
 *   nothing); a clause whose entries are all empty, or an L7 {@code when} condition, makes the rule never fire;
 *   otherwise the rule fires on its L4 remainder.</li>
 *   <li>An empty rule {@code {}} has no clauses and matches every connection.</li>
 * </ul>
 */
public final class ZtunnelPolicyTranslator {
  private ZtunnelPolicyTranslator() {}

  public static final Set<String> L4_WHEN_KEYS =
      Set.of("source.ip", "source.namespace", "source.principal", "destination.ip", "destination.port");
  public static final List<String> L7_OPERATION_FIELDS =
      List.of("hosts", "notHosts", "methods", "notMethods", "paths", "notPaths");
  public static final List<String> L7_SOURCE_FIELDS = List.of("requestPrincipals", "notRequestPrincipals",
      "remoteIpBlocks", "notRemoteIpBlocks");
  /**
   * Not flagged as HTTP by httpSources and not translated by handleRule
   * (pilot/pkg/serviceregistry/ambient/authorization.go): ztunnel enforces the rule as if they were absent.
   */
  public static final List<String> IGNORED_SOURCE_FIELDS = List.of("trustDomains", "notTrustDomains");
  public static final List<String> L4_OPERATION_FIELDS = List.of("ports", "notPorts");
  public static final List<String> L4_SOURCE_FIELDS = List.of("ipBlocks", "notIpBlocks", "namespaces",
      "notNamespaces", "serviceAccounts", "notServiceAccounts", "principals", "notPrincipals");

  /** {@code when} key -> the match field its values (and notValues) become. */
  private static final Map<String, String[]> WHEN_FIELDS = Map.of(
      "source.ip", new String[] {"ipBlocks", "notIpBlocks"},
      "source.namespace", new String[] {"namespaces", "notNamespaces"},
      "source.principal", new String[] {"principals", "notPrincipals"},
      "destination.ip", new String[] {"destinationIps", "notDestinationIps"},
      "destination.port", new String[] {"ports", "notPorts"});

  public static ZtunnelPolicy translate(AuthorizationPolicy policy) {
    if (policy.attachment().hasTargetRefs()) {
      return new ZtunnelPolicy(policy, ZtunnelPolicy.Status.NOT_FOR_ZTUNNEL,
          "it has targetRefs, so only the gateways or waypoints it targets enforce it", List.of());
    }
    if (policy.isDryRun()) {
      return new ZtunnelPolicy(policy, ZtunnelPolicy.Status.DRY_RUN,
          "ztunnel drops policies annotated istio.io/dry-run unless istiod runs with "
              + "AMBIENT_ENABLE_DRY_RUN_AUTHORIZATION_POLICY", List.of());
    }
    String action = policy.action();
    if (!action.equals(AuthorizationPolicy.ALLOW) && !action.equals(AuthorizationPolicy.DENY)) {
      return new ZtunnelPolicy(policy, ZtunnelPolicy.Status.UNSUPPORTED_ACTION,
          "ztunnel does not support the " + action + " action", List.of());
    }
    boolean allow = action.equals(AuthorizationPolicy.ALLOW);
    List<ZtunnelRule> rules = new ArrayList<>();
    for (AuthorizationPolicy.Rule rule : policy.rules()) {
      rules.add(translateRule(policy, rule, allow));
    }
    return new ZtunnelPolicy(policy, ZtunnelPolicy.Status.ENFORCED, "", List.copyOf(rules));
  }

  private static ZtunnelRule translateRule(AuthorizationPolicy policy, AuthorizationPolicy.Rule rule, boolean allow) {
    List<DroppedField> dropped = new ArrayList<>();
    List<DroppedField> ignored = new ArrayList<>();
    List<String> emptied = new ArrayList<>();
    List<ZtunnelRule.Clause> clauses = new ArrayList<>();
    if (!rule.to().isEmpty()) {
      clauses.add(new ZtunnelRule.Clause("to", entries(policy, rule, rule.to(), "to", "to.operation.",
          L7_OPERATION_FIELDS, List.of(), L4_OPERATION_FIELDS, dropped, ignored, emptied)));
    }
    if (!rule.from().isEmpty()) {
      clauses.add(new ZtunnelRule.Clause("from", entries(policy, rule, rule.from(), "from", "from.source.",
          L7_SOURCE_FIELDS, IGNORED_SOURCE_FIELDS, L4_SOURCE_FIELDS, dropped, ignored, emptied)));
    }
    for (AuthorizationPolicy.Condition c : rule.when()) {
      Map<String, List<String>> fields = new LinkedHashMap<>();
      String[] target = WHEN_FIELDS.get(c.key());
      if (target == null) {
        dropped.add(new DroppedField(rule.index(), "when " + c.key(), node(policy, c.pointer() + "/key")));
      } else {
        fields.put(target[0], normalise(target[0], c.values()));
        fields.put(target[1], normalise(target[1], c.notValues()));
      }
      clauses.add(new ZtunnelRule.Clause("when " + c.key(), List.of(new ZtunnelMatch(c.pointer(), fields))));
    }
    ZtunnelRule.Effect effect;
    boolean fires = clauses.stream().allMatch(ZtunnelRule.Clause::canMatch);
    if (dropped.isEmpty() && ignored.isEmpty()) {
      effect = ZtunnelRule.Effect.UNCHANGED;
    } else if (allow && !dropped.isEmpty()) {
      return new ZtunnelRule(rule.index(), ZtunnelRule.Effect.DROPPED, List.of(), List.copyOf(dropped),
          List.copyOf(emptied), List.copyOf(ignored));
    } else if (allow) {
      effect = fires ? ZtunnelRule.Effect.WIDENED : ZtunnelRule.Effect.NEVER_FIRES;
    } else {
      effect = fires ? ZtunnelRule.Effect.L4_REMAINDER : ZtunnelRule.Effect.NEVER_FIRES;
    }
    return new ZtunnelRule(rule.index(), effect, List.copyOf(clauses), List.copyOf(dropped), List.copyOf(emptied),
        List.copyOf(ignored));
  }

  private static List<ZtunnelMatch> entries(AuthorizationPolicy policy, AuthorizationPolicy.Rule rule,
      List<AuthorizationPolicy.Clause> entries, String list, String prefix, List<String> l7, List<String> untranslated,
      List<String> l4, List<DroppedField> dropped, List<DroppedField> ignored, List<String> emptied) {
    List<ZtunnelMatch> matches = new ArrayList<>();
    for (AuthorizationPolicy.Clause entry : entries) {
      boolean lostSome = false;
      for (String field : l7) {
        if (!entry.values(field).isEmpty()) {
          lostSome = true;
          dropped.add(new DroppedField(rule.index(), prefix + field, node(policy, entry.fieldPointer(field))));
        }
      }
      for (String field : untranslated) {
        if (!entry.values(field).isEmpty()) {
          lostSome = true;
          ignored.add(new DroppedField(rule.index(), prefix + field, node(policy, entry.fieldPointer(field))));
        }
      }
      Map<String, List<String>> kept = new LinkedHashMap<>();
      for (String field : l4) {
        List<String> values = normalise(field, entry.values(field));
        if (!values.isEmpty()) {
          kept.put(field, values);
        }
      }
      ZtunnelMatch match = new ZtunnelMatch(entry.pointer(), kept);
      if (lostSome && match.isEmpty()) {
        emptied.add(list + "[" + entry.index() + "]");
      }
      matches.add(match);
    }
    return List.copyOf(matches);
  }

  /** Ports that are not numbers in 0-65535 are skipped, as istiod does (validation rejects them anyway). */
  private static List<String> normalise(String field, List<String> values) {
    if (!field.equals("ports") && !field.equals("notPorts")) {
      return values;
    }
    return values.stream().filter(ZtunnelPolicyTranslator::isPort).toList();
  }

  private static boolean isPort(String v) {
    if (v.isEmpty() || v.length() > 5 || !v.chars().allMatch(Character::isDigit)) {
      return false;
    }
    return Integer.parseInt(v) <= 65535;
  }

  private static NodeRef node(AuthorizationPolicy policy, String pointer) {
    return policy.resource().node(pointer);
  }
}
