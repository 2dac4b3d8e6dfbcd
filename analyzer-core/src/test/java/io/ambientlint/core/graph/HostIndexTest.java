package io.ambientlint.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.config.Config;
import io.ambientlint.core.model.MeshService;
import io.ambientlint.core.model.StatusCondition;
import io.ambientlint.testing.TestGraphs;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostIndexTest {

  private static final String REPO = """
      apiVersion: v1
      kind: Namespace
      metadata: {name: books}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: reviews, namespace: books}
      spec: {selector: {app: reviews}, ports: [{port: 9080}]}
      ---
      apiVersion: networking.istio.io/v1
      kind: ServiceEntry
      metadata: {name: partner, namespace: shop}
      spec: {hosts: [legacy, "*.partner.example.com"], ports: [{number: 443, name: tls, protocol: TLS}]}
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: short, namespace: books}
      spec: {hosts: [reviews]}
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: by-namespace, namespace: shop}
      spec: {hosts: [reviews.books.svc.cluster.local], exportTo: ["."]}
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: literal, namespace: shop}
      spec: {hosts: [reviews.books]}
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: wildcard, namespace: shop}
      spec: {hosts: ["*.books.svc.cluster.local"], gateways: [mesh, istio-system/ingress]}
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: ingress-only, namespace: books}
      spec: {hosts: [reviews], gateways: [istio-system/ingress]}
      ---
      apiVersion: networking.istio.io/v1
      kind: VirtualService
      metadata: {name: other-host, namespace: books}
      spec: {hosts: [ratings]}
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: reviews, namespace: books}
      spec: {host: reviews.books.svc.cluster.local, subsets: [{name: v1, labels: {version: v1}}]}
      ---
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: partner, namespace: shop}
      spec: {host: "*.partner.example.com"}
      """;

  private final MeshGraph graph = TestGraphs.fromYaml(REPO);

  @Test
  void resolvesHostsAsIstioDoes() {
    HostIndex hosts = new HostIndex(new Inventory(graph.model(), graph.config()));
    assertThat(hosts.fqdn("reviews", "books")).isEqualTo("reviews.books.svc.cluster.local");
    assertThat(hosts.fqdn("Reviews", "shop")).isEqualTo("reviews.shop.svc.cluster.local");
    // ResolveShortnameToFQDN (pilot/pkg/model/config.go) expands dot-free names only: these stay literal
    assertThat(hosts.fqdn("reviews.books", "shop")).isEqualTo("reviews.books");
    assertThat(hosts.fqdn("reviews.books.svc", "shop")).isEqualTo("reviews.books.svc");
    assertThat(hosts.partlyQualifiedService("reviews.books")).map(i -> i.namespacedName()).contains("books/reviews");
    assertThat(hosts.partlyQualifiedService("reviews.books.svc")).map(i -> i.namespacedName()).contains("books/reviews");
    assertThat(hosts.partlyQualifiedService("example.com")).isEmpty();
    assertThat(hosts.fqdn("reviews.books.svc.cluster.local", "shop")).isEqualTo("reviews.books.svc.cluster.local");
    // the second label is not a namespace of the repository: an external name, kept as written
    assertThat(hosts.fqdn("example.com", "books")).isEqualTo("example.com");
    assertThat(hosts.fqdn("*.example.com", "books")).isEqualTo("*.example.com");
    assertThat(hosts.isClusterLocal("reviews.books", "shop")).isFalse();
    assertThat(hosts.isClusterLocal("reviews", "shop")).isTrue();
    assertThat(hosts.isClusterLocal("api.example.com", "shop")).isFalse();
  }

  @Test
  void clusterDomainIsConfigurable() {
    MeshGraph custom = TestGraphs.fromYaml(REPO, Config.builder().clusterDomain("corp.internal").build());
    assertThat(custom.resolveHost("reviews", "books")).isEqualTo("reviews.books.svc.corp.internal");
    assertThat(custom.meshServiceForHost("reviews.books.svc.corp.internal", "shop")).isPresent();
    assertThat(custom.meshServiceForHost("reviews.books.svc.cluster.local", "shop")).isEmpty();
    assertThat(custom.serviceNamedByHost("reviews.books.svc.cluster.local", "shop")).isEmpty();
  }

  @Test
  void findsServicesAndServiceEntriesByHost() {
    assertThat(name(graph.meshServiceForHost("reviews", "books"))).contains("Service books/reviews");
    // a short name resolves in the writer's namespace: reviews in shop is another Service
    assertThat(graph.meshServiceForHost("reviews", "shop")).isEmpty();
    assertThat(graph.meshServiceForHost("reviews.books", "shop")).isEmpty();
    assertThat(name(graph.meshServiceForHost("reviews.books.svc.cluster.local", "shop"))).contains("Service books/reviews");
    assertThat(name(graph.meshServiceForHost("legacy", "shop"))).contains("ServiceEntry shop/partner");
    assertThat(name(graph.meshServiceForHost("api.partner.example.com", "books"))).contains("ServiceEntry shop/partner");
    assertThat(graph.meshServiceForHost("partner.example.com", "books")).isEmpty();
  }

  @Test
  void serviceEntriesAndServicesAreFoundOnlyWhereTheyAreExported() {
    MeshGraph g = TestGraphs.fromYaml("""
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: all, namespace: sandbox}
        spec: {hosts: ["*"], exportTo: ["."]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: api, namespace: shop, annotations: {networking.istio.io/exportTo: "shop, web"}}
        """);
    assertThat(g.meshServiceForHost("anything.example.com", "sandbox")).isPresent();
    assertThat(g.meshServiceForHost("anything.example.com", "shop")).isEmpty();
    assertThat(g.meshServiceForHost("api.shop.svc.cluster.local", "web")).isPresent();
    assertThat(g.meshServiceForHost("api.shop.svc.cluster.local", "books")).isEmpty();
  }

  @Test
  void mesh_virtual_services_for_a_service_by_fqdn_short_name_and_wildcard_not_by_partial_names() {
    MeshService reviews = graph.service("books", "reviews").orElseThrow();
    List<String> names = graph.virtualServicesForHost(reviews).stream()
        .map(v -> v.virtualService().id().namespacedName()).toList();
    assertThat(names).containsExactlyInAnyOrder("books/short", "shop/by-namespace", "shop/wildcard");
    HostIndex.VirtualServiceHost byNamespace = graph.virtualServicesForHost(reviews).stream()
        .filter(v -> v.virtualService().name().equals("by-namespace")).findFirst().orElseThrow();
    assertThat(byNamespace.exportTo().visibleTo("shop")).isTrue();
    assertThat(byNamespace.exportTo().visibleTo("books")).isFalse();
    assertThat(byNamespace.node().pointer()).isEqualTo("/spec/hosts/0");
  }

  @Test
  void destinationRulesByHostAndWildcard() {
    assertThat(graph.destinationRulesForHost("reviews", "books")).extracting(d -> d.name()).containsExactly("reviews");
    assertThat(graph.destinationRulesForHost("reviews", "shop")).isEmpty();
    assertThat(graph.destinationRulesForHost("a.partner.example.com", "books")).extracting(d -> d.name())
        .containsExactly("partner");
    assertThat(graph.destinationRulesForHost(graph.serviceEntry("shop", "partner").orElseThrow()))
        .extracting(d -> d.name()).containsExactly("partner");
  }

  @Test
  void exportToVisibilityAndOverlap() {
    ExportTo all = ExportTo.of(List.of(), "a");
    ExportTo own = ExportTo.of(List.of("."), "a");
    ExportTo other = ExportTo.of(List.of("b"), "a");
    ExportTo none = ExportTo.of(List.of("~"), "a");
    assertThat(all.overlaps(own)).isTrue();
    assertThat(own.overlaps(other)).isFalse();
    assertThat(ExportTo.of(List.of(".", "b"), "a").overlaps(other)).isTrue();
    assertThat(none.overlaps(all)).isFalse();
    assertThat(all.overlaps(none)).isFalse();
    assertThat(own.visibleTo("a")).isTrue();
    assertThat(own.visibleTo("b")).isFalse();
  }

  @Test
  void matchKeysWalkTheWildcardsFromMostSpecific() {
    assertThat(HostIndex.matchKeys("a.b.c")).containsExactly("a.b.c", "*.b.c", "*.c", "*");
    assertThat(HostIndex.matchKeys("*.b.c")).containsExactly("*.b.c");
    assertThat(HostIndex.coveringKeys("*.b.c")).containsExactly("*.b.c", "*.c", "*");
  }

  @Test
  void readsStatusConditionsOfObjectsParentsAndListeners() {
    MeshGraph g = TestGraphs.fromYaml("""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r, namespace: books}
        status:
          parents:
          - parentRef: {group: "", kind: Service, name: reviews}
            conditions: [{type: Accepted, status: "False", reason: WaypointNotBound, message: not bound}]
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: ignored, namespace: books}
        status: {conditions: [{type: Accepted, status: "False"}]}
        """);
    List<StatusCondition> conditions = g.statusConditions();
    assertThat(conditions).hasSize(1);
    assertThat(conditions.get(0).scope()).isEqualTo("parent Service books/reviews");
    assertThat(conditions.get(0).pointer()).isEqualTo("/status/parents/0/conditions/0");
    assertThat(conditions.get(0).status()).isEqualTo("False");
  }

  private static Optional<String> name(Optional<MeshService> s) {
    return s.map(MeshService::displayName);
  }
}
