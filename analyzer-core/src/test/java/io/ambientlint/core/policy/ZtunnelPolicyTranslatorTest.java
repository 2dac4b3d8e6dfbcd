package io.ambientlint.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.model.AuthorizationPolicy;
import io.ambientlint.core.model.Kind;
import io.ambientlint.core.policy.ZtunnelRule.Effect;
import io.ambientlint.testing.TestGraphs;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ZtunnelPolicyTranslatorTest {

  private static final SourceIdentity WAYPOINT = new SourceIdentity("cluster.local", "shop", "waypoint");

  static ZtunnelPolicy translate(String action, String rules) {
    return translate(action, rules, "");
  }

  static ZtunnelPolicy translate(String action, String rules, String extraMetadata) {
    String yaml = """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: p
          namespace: shop
        %s
        spec:
          action: %s
          rules:
        %s
        """.formatted(extraMetadata, action, rules.indent(4));
    return ZtunnelPolicyTranslator.translate(policy(yaml));
  }

  static AuthorizationPolicy policy(String yaml) {
    return AuthorizationPolicy.of(TestGraphs.fromYaml(yaml).model()
        .ofKind(Kind.AUTHORIZATION_POLICY).get(0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"hosts", "notHosts", "methods", "notMethods", "paths", "notPaths"})
  void everyL7OperationFieldDropsAnAllowRule(String field) {
    ZtunnelPolicy p = translate("ALLOW", "- to: [{operation: {" + field + ": [x], ports: ['8080']}}]");
    assertThat(p.isEnforced()).isTrue();
    ZtunnelRule rule = p.rules().get(0);
    assertThat(rule.effect()).isEqualTo(Effect.DROPPED);
    assertThat(rule.fires()).isFalse();
    assertThat(rule.dropped()).extracting(DroppedField::field).containsExactly("to.operation." + field);
    assertThat(rule.dropped().get(0).node().pointer()).isEqualTo("/spec/rules/0/to/0/operation/" + field);
    assertThat(p.firingRules()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"requestPrincipals", "notRequestPrincipals", "remoteIpBlocks", "notRemoteIpBlocks"})
  void everyL7SourceFieldDropsAnAllowRule(String field) {
    ZtunnelPolicy p = translate("ALLOW", "- from: [{source: {" + field + ": [x], namespaces: [shop]}}]");
    assertThat(p.rules().get(0).effect()).isEqualTo(Effect.DROPPED);
    assertThat(p.dropped()).extracting(DroppedField::field).containsExactly("from.source." + field);
  }

  /** httpSources and handleRule (pilot/pkg/serviceregistry/ambient/authorization.go) neither flag nor translate them. */
  @ParameterizedTest
  @ValueSource(strings = {"trustDomains", "notTrustDomains"})
  void trustDomainsAreIgnoredSoAnAllowRuleAdmitsAnyTrustDomain(String field) {
    ZtunnelPolicy p = translate("ALLOW", "- from: [{source: {" + field + ": [x], namespaces: [shop]}}]");
    ZtunnelRule rule = p.rules().get(0);
    assertThat(rule.effect()).isEqualTo(Effect.WIDENED);
    assertThat(rule.fires()).isTrue();
    assertThat(rule.dropped()).isEmpty();
    assertThat(rule.ignored()).extracting(DroppedField::field).containsExactly("from.source." + field);
    assertThat(rule.describe()).contains("namespaces=[shop]").doesNotContain(field);

    ZtunnelPolicy alone = translate("ALLOW", "- from: [{source: {" + field + ": [x]}}]");
    assertThat(alone.rules().get(0).effect()).isEqualTo(Effect.NEVER_FIRES);
    assertThat(alone.firingRules()).isEmpty();

    ZtunnelPolicy deny = translate("DENY", "- from: [{source: {" + field + ": [x], namespaces: [shop]}}]");
    assertThat(deny.rules().get(0).effect()).isEqualTo(Effect.L4_REMAINDER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"source.ip", "source.namespace", "source.principal", "destination.ip", "destination.port"})
  void l4WhenKeysAreKept(String key) {
    ZtunnelPolicy p = translate("ALLOW", "- when: [{key: " + key + ", values: ['10']}]");
    ZtunnelRule rule = p.rules().get(0);
    assertThat(rule.effect()).isEqualTo(Effect.UNCHANGED);
    assertThat(rule.dropped()).isEmpty();
    assertThat(rule.fires()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"request.headers[x-user]", "request.auth.principal", "request.auth.claims[iss]",
      "request.auth.audiences", "request.auth.presenter", "remote.ip", "connection.sni", "source.user",
      "destination.user", "experimental.envoy.filters.network.mysql_proxy[db.table]"})
  void everyOtherWhenKeyIsL7(String key) {
    ZtunnelPolicy allow = translate("ALLOW", "- when: [{key: '" + key + "', values: [x]}]");
    assertThat(allow.rules().get(0).effect()).isEqualTo(Effect.DROPPED);
    assertThat(allow.dropped()).extracting(DroppedField::field).containsExactly("when " + key);
    assertThat(allow.dropped().get(0).node().pointer()).isEqualTo("/spec/rules/0/when/0/key");

    // In a DENY rule the L7 condition becomes an empty clause: the rule never fires, even with L4 parts.
    ZtunnelPolicy deny = translate("DENY", "- from: [{source: {namespaces: [x]}}]\n  when: [{key: '" + key
        + "', values: [x]}]");
    assertThat(deny.rules().get(0).effect()).isEqualTo(Effect.NEVER_FIRES);
    assertThat(deny.rules().get(0).fires()).isFalse();
  }

  @Test
  void allowRuleWithOnlyL4FieldsIsUnchanged() {
    ZtunnelPolicy p = translate("ALLOW", """
        - from: [{source: {principals: [cluster.local/ns/a/sa/b], notNamespaces: [x], ipBlocks: [10.0.0.0/8]}}]
          to: [{operation: {ports: ['8080'], notPorts: ['9090']}}]
        """);
    ZtunnelRule rule = p.rules().get(0);
    assertThat(rule.effect()).isEqualTo(Effect.UNCHANGED);
    assertThat(rule.fires()).isTrue();
    assertThat(rule.describe()).isEqualTo(
        "rule 0: to ports=[8080] notPorts=[9090] AND from ipBlocks=[10.0.0.0/8] notNamespaces=[x] "
            + "principals=[cluster.local/ns/a/sa/b]");
  }

  @Test
  void allowDropsOnlyTheRulesWithL7Fields() {
    ZtunnelPolicy p = translate("ALLOW", """
        - to: [{operation: {methods: [GET]}}]
        - from: [{source: {namespaces: [shop]}}]
        """);
    assertThat(p.rules()).extracting(ZtunnelRule::effect).containsExactly(Effect.DROPPED, Effect.UNCHANGED);
    assertThat(p.firingRules()).extracting(ZtunnelRule::index).containsExactly(1);
    assertThat(p.describe()).isEqualTo("ALLOW rule 0: dropped (matches nothing); rule 1: from namespaces=[shop]");
  }

  @Test
  void mixedL4AndL7AllowRuleIsDroppedWhole() {
    ZtunnelPolicy p = translate("ALLOW", """
        - from: [{source: {namespaces: [shop], requestPrincipals: ['*']}}]
          to: [{operation: {ports: ['8080'], paths: [/cart]}}]
        """);
    assertThat(p.rules().get(0).effect()).isEqualTo(Effect.DROPPED);
    assertThat(p.dropped()).extracting(DroppedField::field)
        .containsExactly("to.operation.paths", "from.source.requestPrincipals");
  }

  @Test
  void denyKeepsTheL4RemainderAndDeniesMore() {
    // namespaces + requestPrincipals: ztunnel denies the whole namespace.
    ZtunnelPolicy p = translate("DENY", "- from: [{source: {namespaces: [dev], notRequestPrincipals: ['*']}}]");
    ZtunnelRule rule = p.rules().get(0);
    assertThat(rule.effect()).isEqualTo(Effect.L4_REMAINDER);
    assertThat(rule.fires()).isTrue();
    assertThat(rule.describe()).isEqualTo("rule 0: from namespaces=[dev]");
    assertThat(rule.emptiedEntries()).isEmpty();
  }

  @Test
  void denyClauseLeftEmptyNeverFires() {
    ZtunnelPolicy p = translate("DENY", """
        - from: [{source: {namespaces: [dev]}}]
          to: [{operation: {methods: [DELETE]}}]
        """);
    ZtunnelRule rule = p.rules().get(0);
    assertThat(rule.effect()).isEqualTo(Effect.NEVER_FIRES);
    assertThat(rule.emptiedEntries()).containsExactly("to[0]");
    assertThat(p.firingRules()).isEmpty();
  }

  @Test
  void denyEntryLeftEmptyIsSkippedWhileItsSiblingStillMatches() {
    ZtunnelPolicy p = translate("DENY", "- to: [{operation: {methods: [DELETE]}}, {operation: {ports: ['9000'], paths: [/a]}}]");
    ZtunnelRule rule = p.rules().get(0);
    assertThat(rule.effect()).isEqualTo(Effect.L4_REMAINDER);
    assertThat(rule.emptiedEntries()).containsExactly("to[0]");
    assertThat(rule.describe()).isEqualTo("rule 0: to ports=[9000]");
  }

  @Test
  void denyWithoutL7IsUnchanged() {
    ZtunnelPolicy p = translate("DENY", "- from: [{source: {notNamespaces: [shop]}}]");
    assertThat(p.rules().get(0).effect()).isEqualTo(Effect.UNCHANGED);
    assertThat(p.hasDroppedFields()).isFalse();
  }

  @Test
  void emptyRuleMatchesEverything() {
    ZtunnelPolicy allow = translate("ALLOW", "- {}");
    assertThat(allow.rules().get(0).fires()).isTrue();
    assertThat(allow.rules().get(0).describe()).isEqualTo("rule 0: matches every connection");
    assertThat(allow.admitsSource(WAYPOINT)).isTrue();
    ZtunnelPolicy deny = translate("DENY", "- {}");
    assertThat(deny.rules().get(0).fires()).isTrue();
  }

  @Test
  void allowWithoutRulesMatchesNothing() {
    ZtunnelPolicy p = ZtunnelPolicyTranslator.translate(policy("""
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: deny-all, namespace: shop}
        spec: {}
        """));
    assertThat(p.isEnforced()).isTrue();
    assertThat(p.rules()).isEmpty();
    assertThat(p.describe()).contains("denies every connection");
  }

  @Test
  void customAndAuditAreDropped() {
    ZtunnelPolicy custom = translate("CUSTOM", "- to: [{operation: {paths: [/admin]}}]");
    assertThat(custom.status()).isEqualTo(ZtunnelPolicy.Status.UNSUPPORTED_ACTION);
    assertThat(custom.reason()).contains("CUSTOM");
    assertThat(custom.rules()).isEmpty();
    assertThat(translate("AUDIT", "- {}").status()).isEqualTo(ZtunnelPolicy.Status.UNSUPPORTED_ACTION);
    assertThat(translate("allow", "- {}").status()).isEqualTo(ZtunnelPolicy.Status.ENFORCED);
  }

  @Test
  void dryRunIsDroppedOnlyWhenTheAnnotationParsesAsTrue() {
    assertThat(translate("DENY", "- {}", "  annotations: {istio.io/dry-run: 'true'}").status())
        .isEqualTo(ZtunnelPolicy.Status.DRY_RUN);
    assertThat(translate("DENY", "- {}", "  annotations: {istio.io/dry-run: 'T'}").status())
        .isEqualTo(ZtunnelPolicy.Status.DRY_RUN);
    assertThat(translate("DENY", "- {}", "  annotations: {istio.io/dry-run: 'false'}").status())
        .isEqualTo(ZtunnelPolicy.Status.ENFORCED);
    assertThat(translate("DENY", "- {}", "  annotations: {istio.io/dry-run: 'yes'}").status())
        .isEqualTo(ZtunnelPolicy.Status.ENFORCED);
  }

  @Test
  void targetRefPoliciesAreNotForZtunnel() {
    ZtunnelPolicy p = ZtunnelPolicyTranslator.translate(policy("""
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: p, namespace: shop}
        spec:
          targetRefs: [{kind: Service, group: '', name: cart}]
          rules: [{to: [{operation: {methods: [GET]}}]}]
        """));
    assertThat(p.status()).isEqualTo(ZtunnelPolicy.Status.NOT_FOR_ZTUNNEL);
    assertThat(p.hasDroppedFields()).isFalse();
  }

  @Test
  void invalidPortsAreSkippedAndCanEmptyAMatch() {
    ZtunnelPolicy p = translate("ALLOW", "- to: [{operation: {ports: [http, '70000']}}]");
    assertThat(p.rules().get(0).effect()).isEqualTo(Effect.UNCHANGED);
    assertThat(p.rules().get(0).fires()).isFalse();
  }

  @Test
  void wildcardSemanticsOfPrincipalsAndNamespaces() {
    assertThat(StringPattern.matches("*", "x")).isTrue();
    assertThat(StringPattern.matches("*", "")).isFalse();
    assertThat(StringPattern.matches("*/sa/waypoint", "cluster.local/ns/shop/sa/waypoint")).isTrue();
    assertThat(StringPattern.matches("cluster.local/ns/shop/*", "cluster.local/ns/shop/sa/waypoint")).isTrue();
    assertThat(StringPattern.matches("cluster.local/ns/shop/*", "cluster.local/ns/shopx/sa/a")).isFalse();
    assertThat(StringPattern.matches("shop", "shop")).isTrue();
    assertThat(StringPattern.matches("sh*p", "shop")).isFalse();

    // Only one wildcard is honoured: a leading '*' makes the rest a literal suffix.
    assertThat(translate("ALLOW", "- from: [{source: {principals: ['*/ns/shop/sa/*']}}]").admitsSource(WAYPOINT)).isFalse();
    assertThat(translate("ALLOW", "- from: [{source: {principals: ['*/ns/shop/sa/waypoint']}}]").admitsSource(WAYPOINT)).isTrue();
    assertThat(translate("ALLOW", "- from: [{source: {namespaces: ['sh*']}}]").admitsSource(WAYPOINT)).isTrue();
    assertThat(translate("ALLOW", "- from: [{source: {namespaces: ['front*']}}]").admitsSource(WAYPOINT)).isFalse();
  }

  @Test
  void sourceAdmissionOfTheWaypointIdentity() {
    assertThat(translate("ALLOW", "- from: [{source: {namespaces: [frontend]}}]").admitsSource(WAYPOINT)).isFalse();
    assertThat(translate("ALLOW", "- from: [{source: {serviceAccounts: [waypoint]}}]").admitsSource(WAYPOINT)).isTrue();
    assertThat(translate("ALLOW", "- from: [{source: {serviceAccounts: [other/waypoint]}}]").admitsSource(WAYPOINT)).isFalse();
    assertThat(translate("ALLOW", "- from: [{source: {notNamespaces: [shop]}}]").admitsSource(WAYPOINT)).isFalse();
    assertThat(translate("ALLOW", "- from: [{source: {ipBlocks: [10.0.0.0/8]}}]").admitsSource(WAYPOINT)).isFalse();
    assertThat(translate("ALLOW", "- when: [{key: source.namespace, values: [frontend]}]").admitsSource(WAYPOINT)).isFalse();
    assertThat(translate("ALLOW", "- when: [{key: source.ip, values: [10.1.2.3]}]").admitsSource(WAYPOINT)).isFalse();
    assertThat(translate("ALLOW", "- to: [{operation: {ports: ['8080']}}]").admitsSource(WAYPOINT)).isTrue();
    assertThat(translate("ALLOW", """
        - from: [{source: {namespaces: [frontend]}}, {source: {principals: [cluster.local/ns/shop/sa/waypoint]}}]
        """).admitsSource(WAYPOINT)).isTrue();
    // A dropped rule admits nobody, whatever its source says.
    assertThat(translate("ALLOW", "- from: [{source: {namespaces: [shop]}}]\n  to: [{operation: {methods: [GET]}}]")
        .admitsSource(WAYPOINT)).isFalse();
    assertThat(List.of(translate("ALLOW", "- from: [{source: {namespaces: [a]}}]").rules().get(0).keysOnSource(),
        translate("ALLOW", "- to: [{operation: {ports: ['1']}}]").rules().get(0).keysOnSource()))
        .containsExactly(true, false);
  }
}
