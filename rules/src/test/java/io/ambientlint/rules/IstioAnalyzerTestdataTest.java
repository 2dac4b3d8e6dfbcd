package io.ambientlint.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.Analyzer;
import io.ambientlint.core.config.Config;
import io.ambientlint.core.model.ResourceId;
import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.rule.RelatedLocation;
import io.ambientlint.core.rule.RuleRegistry;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The inputs of istioctl's own analyzer tests ({@code pkg/config/analysis/analyzers/testdata/} of istio/istio,
 * in {@code ../shared/corpus/istio/analyzer-testdata/}), run through ambient-lint. Each test quotes istioctl's
 * expected messages (from {@code analyzers_test.go}) and compares the objects we report; where we differ on
 * purpose, the test says why. Skipped when the corpus is absent.
 */
class IstioAnalyzerTestdataTest {

  private static Path testdata() {
    Path dir = RuleCatalogueTest.projectRoot().resolve("../shared/corpus/istio/analyzer-testdata").normalize();
    assumeTrue(Files.isDirectory(dir), "corpus not present: " + dir);
    return dir;
  }

  /** {@code Kind namespace/name} of every object the rule reports in the file. */
  private static final String OTHER_REFERENCE = "another reference by ";

  private static Set<String> reported(String file, String ruleId) {
    Path dir = testdata();
    assumeTrue(Files.isRegularFile(dir.resolve(file)), "corpus file not present: " + file);
    AnalysisResult result = new Analyzer(Config.DEFAULTS, RuleRegistry.load(), dir)
        .analyze(List.of(file), new ByteArrayInputStream(new byte[0]));
    Set<String> out = new TreeSet<>();
    for (Finding f : result.findings()) {
      if (f.ruleId().equals(ruleId)) {
        out.add(f.subject().map(ResourceId::kind).orElse("?") + " "
            + f.subject().map(ResourceId::namespacedName).orElse("?"));
        // istioctl reports each reference to a missing object; ambient-lint folds them into one finding whose
        // related locations name the other referring objects (Kind/namespace/name).
        for (RelatedLocation r : f.related()) {
          if (r.message().startsWith(OTHER_REFERENCE)) {
            String[] id = r.message().substring(OTHER_REFERENCE.length()).split(" ")[0].split("/");
            out.add(id[0] + " " + id[1] + "/" + id[2]);
          }
        }
      }
    }
    return out;
  }

  /** istioctl: IST0101 ReferencedResourceNotFound on default/reviews-bogussubset and default/reviews-mirror-bogussubset. */
  @Test
  void virtualServiceSubsetsNotDefined() {
    assertThat(reported("virtualservice_destinationrules.yaml", "AL405")).containsExactlyInAnyOrder(
        "VirtualService default/reviews-bogussubset", "VirtualService default/reviews-mirror-bogussubset");
  }

  /**
   * istioctl: IST0109 ConflictingMeshGatewayVirtualServiceHosts on team3/ratings, team4/ratings, foo/ratings,
   * bar/ratings, foo/productpage, foo/bogus-productpage, team2/ratings (google.com, exported to "." in team2 and
   * to all from bar). Same objects here.
   */
  @Test
  void conflictingMeshVirtualServiceHosts() {
    assertThat(reported("virtualservice_conflictingmeshgatewayhosts.yaml", "AL403")).containsExactlyInAnyOrder(
        "VirtualService team3/ratings", "VirtualService team4/ratings", "VirtualService foo/ratings",
        "VirtualService bar/ratings", "VirtualService foo/productpage", "VirtualService foo/bogus-productpage",
        "VirtualService team2/ratings");
  }

  /**
   * istioctl: IST0109 on foo/productpage and bar/productpage (same wildcard host), foo/productpage-c and
   * bar/productpage-c (exportTo foo and "*"), foo/productpage-d and bar/productpage-d ({@code *.d} covers
   * {@code *.productpage.d}); not on the productpage-b pair (exportTo foo and "." in bar do not meet). Same objects.
   */
  @Test
  void conflictingMeshVirtualServiceHostsWithExportTo() {
    assertThat(reported("virtualservice_conflictingmeshgatewayhosts_with_exportto.yaml", "AL403"))
        .containsExactlyInAnyOrder("VirtualService foo/productpage", "VirtualService bar/productpage",
            "VirtualService foo/productpage-c", "VirtualService bar/productpage-c", "VirtualService foo/productpage-d",
            "VirtualService bar/productpage-d");
  }

  /**
   * istioctl: IST0101 on default/reviews-bogushost, default/reviews-mirror-bogushost, istio-system/cross-namespace-details
   * (Service exported only to banana), default/reviews-bookinfo-other, default/reviews-bogusport,
   * hello/hello-export-to-bogus and VirtualServiceDestinationPortSelectorRequired on default/reviews-2port-missing.
   * AL408 reports all five destination findings: reviews-bookinfo-other routes to other.bookinfo.com, whose
   * ServiceEntry is not exported to default, and hello-export-to-bogus is judged from its exportTo namespaces
   * (GetDestinationHost, pkg/config/analysis/analyzers/util/service_lookup.go); ports are AL409's. IST0174
   * (UnknownDestinationRuleHost) on DestinationRule default/fake-host: AL408 too.
   */
  @Test
  void destinationHostsNotFound() {
    assertThat(reported("virtualservice_destinationhosts.yaml", "AL408")).containsExactlyInAnyOrder(
        "VirtualService default/reviews-bogushost", "VirtualService default/reviews-mirror-bogushost",
        "VirtualService istio-system/cross-namespace-details", "VirtualService default/reviews-bookinfo-other",
        "VirtualService hello/hello-export-to-bogus");
    assertThat(reported("destinationrule-with-fake-host.yaml", "AL408"))
        .containsExactly("DestinationRule default/fake-host");
  }

  /**
   * istioctl: IST0173 DestinationRuleSubsetNotSelectPods on default/subsets-not-select-pods. We deliberately stay
   * silent: the file has no workload at all, and a Git repository often deploys the pods from elsewhere (Helm,
   * another repository), so "no pod has version=v3" cannot be told apart from "the pods are not here". AL407
   * fires when the host has workloads in the repository and none matches (fixture AL407/subset-without-pods).
   */
  @Test
  void subsetsNotSelectingPodsWithoutAnyWorkload() {
    assertThat(reported("destinationrule-subsets-not-select-pods.yaml", "AL407")).isEmpty();
  }

  /**
   * istioctl: IST0152 on bookinfo/test-replace-1; IST0151 and IST0155 on bookinfo/test-replace-3. Same objects.
   * (test-replace-3's REPLACE on VIRTUAL_HOST is not misuse: patchVirtualHost applies it; it is reported for its
   * relative operations without priority.)
   */
  @Test
  void envoyFilterReplaceOperation() {
    assertThat(reported("envoy-filter-replace-operation.yaml", "AL503"))
        .containsExactlyInAnyOrder("EnvoyFilter bookinfo/test-replace-1", "EnvoyFilter bookinfo/test-replace-3");
  }

  /**
   * istioctl: IST0153 on bookinfo/test-auth-2 (ROUTE_CONFIGURATION) and bookinfo/test-auth-3 (HTTP_ROUTE). We
   * deliberately report only test-auth-2: pilot's patchHTTPRoutes (pilot/pkg/networking/core/envoyfilter/rc_patch.go)
   * does apply ADD on HTTP_ROUTE; only ApplyRouteConfigurationPatches ignores everything but MERGE.
   */
  @Test
  void envoyFilterAddOperation() {
    assertThat(reported("envoy-filter-add-operation.yaml", "AL503")).containsExactly("EnvoyFilter bookinfo/test-auth-2");
  }

  /** istioctl: IST0151 on test-remove-1 and test-remove-5, IST0154 on test-remove-2 and test-remove-3. */
  @Test
  void envoyFilterRemoveOperation() {
    assertThat(reported("envoy-filter-remove-operation.yaml", "AL503")).containsExactlyInAnyOrder(
        "EnvoyFilter bookinfo/test-remove-1", "EnvoyFilter bookinfo/test-remove-2",
        "EnvoyFilter bookinfo/test-remove-3", "EnvoyFilter bookinfo/test-remove-5");
  }

  /** istioctl: IST0151 on test-relative-1, -2, -3 (and IST0155 on -3); nothing for the absolute-operation file. */
  @Test
  void envoyFilterRelativeAndAbsoluteOperations() {
    assertThat(reported("relative-envoy-filter-operation.yaml", "AL503")).containsExactlyInAnyOrder(
        "EnvoyFilter bookinfo/test-relative-1", "EnvoyFilter bookinfo/test-relative-2",
        "EnvoyFilter bookinfo/test-relative-3");
    assertThat(reported("absolute-envoy-filter-operation.yaml", "AL503")).isEmpty();
  }

  /**
   * istioctl: IST0171 NegativeConditionStatus on Service default/negative-condition-svc, ServiceEntry
   * default/negative-condition-svcEntry, AuthorizationPolicy default/negative-condition-authz and
   * default/negative-condition-authz-partially-invalid (WaypointAccepted True with reason PartiallyInvalid),
   * Gateway default/negative-condition-gateway, HTTPRoute default/negative-condition-httproute and GRPCRoute
   * default/negative-condition-grpcroute. Same objects; Argo CD's Synced condition is ignored by both.
   */
  @Test
  void negativeStatusConditions() {
    assertThat(reported("condition-analyzer.yaml", "AL906")).containsExactlyInAnyOrder(
        "Service default/negative-condition-svc", "ServiceEntry default/negative-condition-svcEntry",
        "AuthorizationPolicy default/negative-condition-authz",
        "AuthorizationPolicy default/negative-condition-authz-partially-invalid",
        "Gateway default/negative-condition-gateway", "HTTPRoute default/negative-condition-httproute",
        "GRPCRoute default/negative-condition-grpcroute");
  }

  /**
   * istioctl: IST0127 NoMatchingWorkloadsFound on istio-system/meshwide-httpbin-v1, httpbin-empty/httpbin-empty-
   * namespace-wide, httpbin/httpbin-nopods and test-ambient/no-workload. AL312 reports the two selector policies
   * whose namespace's workloads are in the file; deliberately not the root-namespace policy (its selector reaches
   * namespaces outside the repository) nor the namespace-wide one (no selector to be wrong; its namespace has no
   * workloads here, which may be deployed elsewhere).
   */
  @Test
  void al312MatchesIst0127WhereTheWorkloadsAreKnown() {
    assertThat(reported("authorizationpolicies.yaml", "AL312")).containsExactlyInAnyOrder(
        "AuthorizationPolicy httpbin/httpbin-nopods", "AuthorizationPolicy test-ambient/no-workload");
  }

  /** istioctl: IST0101 ReferencedResourceNotFound on default/httpbin-bogus (gateway httpbin-gateway-bogus). */
  @Test
  void al410MatchesIst0101ForGateways() {
    assertThat(reported("virtualservice_gateways.yaml", "AL410")).containsExactly("VirtualService default/httpbin-bogus");
  }
}
