package io.ambientlint.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a realistic GitOps repository of about N resources, the same bytes for the same seed: team
 * namespaces (ambient with a namespace waypoint, ambient with per-service waypoints, ambient L4-only, and
 * sidecar), Deployments, Services, ServiceAccounts, waypoint Gateways, HTTPRoutes and GRPCRoutes,
 * AuthorizationPolicies (L4 with selectors, L7 with targetRefs), VirtualServices and DestinationRules with
 * subsets, EnvoyFilters, Telemetry and CRDs, in files of mixed sizes (one resource per file up to whole
 * namespaces in one multi-document file).
 *
 * <p>A few percent of the output is misconfigured so every rule fires: copies of the rules' own firing
 * fixtures ({@code rules/src/test/resources/fixtures/ALnnn/}), each moved to fresh namespaces, so the
 * misconfigurations stay exactly those the rule tests describe.
 *
 * <p>Two shapes. {@code clean}: only those few percent are misconfigured (one finding per few hundred
 * resources). {@code dense}: as real repositories are, about a third of the files also hold a finding, planted
 * in the teams themselves (a Service target with no waypoint, an L7 selector policy on ambient workloads, an
 * unused waypoint, a route on a Service port that does not exist), so that the cost of findings shows.
 *
 * <p>Deployment units: with {@code --units U --clusters C} the teams are grouped in {@code apps/group-NN/}
 * folders and {@code argocd/} holds U Argo CD Applications (one per group, recursing into it) spread round
 * robin over C destination clusters, plus one Application per cluster applying {@code platform/}; the fixture
 * copies stay loose files. Analyzing {@code apps platform misconfigured} instead of the whole folder gives the
 * same files as one unit, to measure what the units cost (issue 21).
 *
 * <p>Usage: {@code CorpusGenerator --resources N [--seed S] [--shape clean|dense] [--units U --clusters C]
 * [--fixtures DIR] --out DIR}.
 */
public final class CorpusGenerator {

  /** About this many resources per team namespace. */
  static final int RESOURCES_PER_NAMESPACE = 100;
  /** One misconfigured fixture copy per this many resources (about 3% of the objects are broken). */
  static final int RESOURCES_PER_MISCONFIGURATION = 400;

  /** How many findings the healthy bulk carries. */
  public enum Shape { CLEAN, DENSE }

  private final SplittableRandom random;
  private final Path out;
  private final Path fixtures;
  private final Shape shape;
  private int written;
  /** Argo CD Applications over the teams (0: no units, the teams directly under {@code apps/}). */
  private int units;
  private int clusters = 1;

  /** Groups the teams into {@code units} Argo CD Applications over {@code clusters} clusters. */
  public CorpusGenerator withUnits(int units, int clusters) {
    this.units = units;
    this.clusters = Math.max(1, clusters);
    return this;
  }

  public CorpusGenerator(long seed, Path out, Path fixtures) {
    this(seed, out, fixtures, Shape.CLEAN);
  }

  public CorpusGenerator(long seed, Path out, Path fixtures, Shape shape) {
    this.random = new SplittableRandom(seed);
    this.out = out;
    this.fixtures = fixtures;
    this.shape = shape;
  }

  public static void main(String[] args) throws IOException {
    int resources = 1000;
    long seed = 42;
    Path out = null;
    Path fixtures = Path.of("rules/src/test/resources/fixtures");
    Shape shape = Shape.CLEAN;
    int units = 0;
    int clusters = 1;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--units" -> units = Integer.parseInt(args[++i]);
        case "--clusters" -> clusters = Integer.parseInt(args[++i]);
        case "--shape" -> shape = Shape.valueOf(args[++i].toUpperCase(Locale.ROOT));
        case "--resources" -> resources = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--fixtures" -> fixtures = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; usage: CorpusGenerator --resources N [--seed S] [--shape clean|dense] [--units U --clusters C] "
            + "[--fixtures DIR] --out DIR");
      }
    }
    if (out == null) {
      throw new IllegalArgumentException("--out DIR is required");
    }
    int n = new CorpusGenerator(seed, out, fixtures, shape).withUnits(units, clusters).generate(resources);
    System.out.println("wrote " + n + " resources to " + out);
  }

  /** Writes the repository; returns the number of resources written. */
  public int generate(int targetResources) throws IOException {
    Files.createDirectories(out);
    writePlatform();
    List<Path> firing = firingFixtures();
    int misconfigurations = firing.isEmpty() ? 0 : Math.max(firing.size(), targetResources / RESOURCES_PER_MISCONFIGURATION);
    // Fixture copies first, then healthy teams up to the target: the total stays close to it however many
    // resources the fixtures hold.
    for (int i = 0; i < misconfigurations; i++) {
      copyFixture(firing.get(i % firing.size()), i);
    }
    int team = 0;
    while (written < targetResources) {
      writeTeam(team++, Math.min(RESOURCES_PER_NAMESPACE, targetResources - written));
    }
    writeApplications();
    return written;
  }

  // ---- the healthy bulk -----------------------------------------------------------------------------------

  private enum Mode { NAMESPACE_WAYPOINT, SERVICE_WAYPOINTS, AMBIENT_L4, SIDECAR }

  private void writePlatform() throws IOException {
    Docs docs = new Docs();
    docs.add("""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: istio-system
        """);
    docs.add("""
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: default
          namespace: istio-system
        spec:
          mtls:
            mode: STRICT
        """);
    docs.add("""
        apiVersion: telemetry.istio.io/v1
        kind: Telemetry
        metadata:
          name: mesh-default
          namespace: istio-system
        spec:
          accessLogging:
          - providers:
            - name: envoy
        """);
    write("platform/istio-system.yaml", docs);
    Docs crds = new Docs();
    for (String kind : List.of("Widget", "Gadget", "Sprocket")) {
      String plural = kind.toLowerCase(Locale.ROOT) + "s";
      crds.add("""
          apiVersion: apiextensions.k8s.io/v1
          kind: CustomResourceDefinition
          metadata:
            name: %s.example.com
          spec:
            group: example.com
            scope: Namespaced
            names: {kind: %s, plural: %s, singular: %s}
            versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec:
                      type: object
                      properties:
                        size: {type: integer, minimum: 1}
                        color: {type: string, enum: [red, green, blue]}
          """.formatted(plural, kind, plural, kind.toLowerCase(Locale.ROOT)));
    }
    write("platform/crds.yaml", crds);
  }

  private void writeTeam(int index, int budget) throws IOException {
    String ns = "team-" + index;
    Mode mode = Mode.values()[random.nextInt(10) < 4 ? 0 : random.nextInt(Mode.values().length)];
    Docs namespace = new Docs();
    String labels = switch (mode) {
      case NAMESPACE_WAYPOINT -> "istio.io/dataplane-mode: ambient\n    istio.io/use-waypoint: waypoint";
      case SERVICE_WAYPOINTS, AMBIENT_L4 -> "istio.io/dataplane-mode: ambient";
      case SIDECAR -> "istio-injection: enabled";
    };
    namespace.add("""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: %s
          labels:
            team: %s
            %s
        """.formatted(ns, ns, labels));
    if (mode == Mode.NAMESPACE_WAYPOINT) {
      namespace.add(waypoint(ns, "waypoint", "service"));
    }
    boolean dense = shape == Shape.DENSE;
    if (dense && mode == Mode.AMBIENT_L4) {
      namespace.add(waypoint(ns, "spare-waypoint", "service")); // AL111: nothing uses it
    }
    Docs workloads = new Docs();
    Docs mesh = new Docs();
    int services = Math.max(1, (budget - namespace.size()) / (mode == Mode.SIDECAR ? 7 : 5));
    for (int s = 0; s < services && namespace.size() + workloads.size() + mesh.size() < budget; s++) {
      String app = APPS[s % APPS.length] + (s >= APPS.length ? "-" + s / APPS.length : "");
      boolean grpc = s % 5 == 4;
      boolean ownWaypoint = mode == Mode.SERVICE_WAYPOINTS && s % 3 == 0;
      workloads.add(serviceAccount(ns, app));
      // Dense: pod templates asking for both a sidecar and ambient (AL105), as half-done migrations do.
      boolean migrating = dense && mode != Mode.SIDECAR && s % 4 != 1;
      workloads.add(migrating ? deployment(ns, app, "v1").replace("labels: {app: " + app + ", version: v1}\n    spec:",
          "labels: {app: " + app + ", version: v1, sidecar.istio.io/inject: \"true\", istio.io/dataplane-mode: ambient}\n    spec:")
          : deployment(ns, app, "v1"));
      workloads.add(service(ns, app, grpc, ownWaypoint ? app + "-waypoint" : null));
      if (ownWaypoint) {
        mesh.add(waypoint(ns, app + "-waypoint", "service"));
      }
      boolean hasWaypoint = mode == Mode.NAMESPACE_WAYPOINT || ownWaypoint;
      // Dense: every other service carries a misconfiguration; with the files that hold none (workloads,
      // namespaces) about a third of the files end up with a finding.
      boolean broken = dense && s % 2 == 1;
      String client = APPS[(s + 1) % APPS.length];
      switch (mode) {
        case NAMESPACE_WAYPOINT, SERVICE_WAYPOINTS -> {
          if (hasWaypoint) {
            String route = grpc ? grpcRoute(ns, app) : httpRoute(ns, app);
            // AL203: a Service-parent port the Service does not have; the route silently matches nothing.
            mesh.add(broken ? route.replace("port: " + (grpc ? 9090 : 8080) + "\n  rules:", "port: 9999\n  rules:")
                : route);
            mesh.add(l7Policy(ns, app, client));
          } else if (broken) {
            mesh.add(l7Policy(ns, app, client)); // AL303: the Service it targets has no waypoint
          } else {
            mesh.add(l4Policy(ns, app, client));
          }
        }
        case AMBIENT_L4 -> mesh.add(broken ? l7SelectorPolicy(ns, app) // AL305: ztunnel cannot enforce paths
            : l4Policy(ns, app, client));
        case SIDECAR -> {
          workloads.add(deployment(ns, app, "v2"));
          mesh.add(destinationRule(ns, app));
          // AL405: a subset no DestinationRule defines.
          mesh.add(broken ? virtualService(ns, app).replace("subset: v2}\n  - route", "subset: v3}\n  - route")
              : virtualService(ns, app));
          mesh.add(l7SelectorPolicy(ns, app));
          if (s % 6 == 0) {
            mesh.add(envoyFilter(ns, app));
          }
        }
      }
    }
    // Files of mixed sizes: some teams keep one file per resource, others a few big multi-document files.
    String dir = units > 0 ? String.format(Locale.ROOT, "apps/group-%02d/%s", index % units, ns) : "apps/" + ns;
    switch (random.nextInt(3)) {
      case 0 -> {
        Docs all = new Docs();
        all.addAll(namespace);
        all.addAll(workloads);
        all.addAll(mesh);
        write(dir + "/all.yaml", all);
      }
      case 1 -> {
        write(dir + "/namespace.yaml", namespace);
        write(dir + "/workloads.yaml", workloads);
        write(dir + "/mesh.yaml", mesh);
      }
      default -> {
        write(dir + "/namespace.yaml", namespace);
        writeEach(dir + "/workloads", workloads);
        writeEach(dir + "/mesh", mesh);
      }
    }
  }

  private static final String[] APPS = {"frontend", "cart", "checkout", "catalog", "payments", "shipping", "reviews",
      "ratings", "search", "accounts", "inventory", "pricing", "ads", "recommendations", "email", "currency"};

  private static String waypoint(String ns, String name, String waypointFor) {
    return """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata:
          name: %s
          namespace: %s
          labels:
            istio.io/waypoint-for: %s
        spec:
          gatewayClassName: istio-waypoint
          listeners:
          - name: mesh
            port: 15008
            protocol: HBONE
        """.formatted(name, ns, waypointFor);
  }

  private static String serviceAccount(String ns, String app) {
    return """
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: %s
          namespace: %s
        """.formatted(app, ns);
  }

  private static String deployment(String ns, String app, String version) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %s-%s
          namespace: %s
          labels: {app: %s, version: %s}
        spec:
          replicas: 2
          selector:
            matchLabels: {app: %s, version: %s}
          template:
            metadata:
              labels: {app: %s, version: %s}
            spec:
              serviceAccountName: %s
              containers:
              - name: %s
                image: registry.example.com/%s:1.4.2
                ports:
                - containerPort: 8080
                resources:
                  requests: {cpu: 100m, memory: 128Mi}
        """.formatted(app, version, ns, app, version, app, version, app, version, app, app, app);
  }

  private static String service(String ns, String app, boolean grpc, String ownWaypoint) {
    String labels = ownWaypoint == null ? "{app: " + app + "}" : "{app: " + app + ", istio.io/use-waypoint: " + ownWaypoint + "}";
    String port = grpc ? "{name: grpc, port: 9090, targetPort: 8080, appProtocol: grpc}"
        : "{name: http, port: 8080, targetPort: 8080}";
    return """
        apiVersion: v1
        kind: Service
        metadata:
          name: %s
          namespace: %s
          labels: %s
        spec:
          selector: {app: %s}
          ports:
          - %s
        """.formatted(app, ns, labels, app, port);
  }

  private static String httpRoute(String ns, String app) {
    return """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata:
          name: %s
          namespace: %s
        spec:
          parentRefs:
          - group: ""
            kind: Service
            name: %s
            port: 8080
          rules:
          - matches:
            - path: {type: PathPrefix, value: /api}
            timeouts: {request: 5s}
            backendRefs:
            - name: %s
              port: 8080
          - backendRefs:
            - name: %s
              port: 8080
        """.formatted(app, ns, app, app, app);
  }

  private static String grpcRoute(String ns, String app) {
    return """
        apiVersion: gateway.networking.k8s.io/v1
        kind: GRPCRoute
        metadata:
          name: %s
          namespace: %s
        spec:
          parentRefs:
          - group: ""
            kind: Service
            name: %s
            port: 9090
          rules:
          - backendRefs:
            - name: %s
              port: 9090
        """.formatted(app, ns, app, app);
  }

  private static String l7Policy(String ns, String app, String client) {
    return """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: %s-allow-reads
          namespace: %s
        spec:
          targetRefs:
          - kind: Service
            group: ""
            name: %s
          action: ALLOW
          rules:
          - from:
            - source:
                principals: ["cluster.local/ns/%s/sa/%s"]
            to:
            - operation:
                methods: ["GET", "HEAD"]
                paths: ["/api/*"]
        """.formatted(app, ns, app, ns, client);
  }

  private static String l4Policy(String ns, String app, String client) {
    return """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: %s-allow-clients
          namespace: %s
        spec:
          selector:
            matchLabels: {app: %s}
          action: ALLOW
          rules:
          - from:
            - source:
                principals: ["cluster.local/ns/%s/sa/%s"]
            to:
            - operation:
                ports: ["8080"]
        """.formatted(app, ns, app, ns, client);
  }

  private static String l7SelectorPolicy(String ns, String app) {
    return """
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata:
          name: %s-deny-admin
          namespace: %s
        spec:
          selector:
            matchLabels: {app: %s}
          action: DENY
          rules:
          - to:
            - operation:
                paths: ["/admin*"]
        """.formatted(app, ns, app);
  }

  private static String destinationRule(String ns, String app) {
    return """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: %s
          namespace: %s
        spec:
          host: %s.%s.svc.cluster.local
          trafficPolicy:
            connectionPool:
              http: {http2MaxRequests: 1000}
          subsets:
          - name: v1
            labels: {version: v1}
          - name: v2
            labels: {version: v2}
        """.formatted(app, ns, app, ns);
  }

  private static String virtualService(String ns, String app) {
    return """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: %s
          namespace: %s
        spec:
          hosts:
          - %s
          http:
          - match:
            - headers:
                x-canary: {exact: "true"}
            route:
            - destination: {host: %s, subset: v2}
          - route:
            - destination: {host: %s, subset: v1}
              weight: 90
            - destination: {host: %s, subset: v2}
              weight: 10
            retries: {attempts: 3, perTryTimeout: 2s}
        """.formatted(app, ns, app, app, app, app);
  }

  private static String envoyFilter(String ns, String app) {
    return """
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata:
          name: %s-lua
          namespace: %s
        spec:
          workloadSelector:
            labels: {app: %s}
          configPatches:
          - applyTo: HTTP_FILTER
            match:
              context: SIDECAR_INBOUND
              listener:
                filterChain:
                  filter:
                    name: envoy.filters.network.http_connection_manager
                    subFilter: {name: envoy.filters.http.router}
            patch:
              operation: INSERT_BEFORE
              value:
                name: envoy.filters.http.lua
                typed_config:
                  "@type": type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua
                  inlineCode: |
                    function envoy_on_request(handle) handle:headers():add("x-team", "%s") end
          priority: 10
        """.formatted(app, ns, app, ns);
  }

  /** {@code argocd/}: one Application per team group and one for the platform per cluster (not resources). */
  private void writeApplications() throws IOException {
    for (int u = 0; u < units; u++) {
      application(String.format(Locale.ROOT, "group-%02d", u), String.format(Locale.ROOT, "apps/group-%02d", u),
          u % clusters);
    }
    for (int c = 0; c < (units > 0 ? clusters : 0); c++) {
      application("platform-" + c, "platform", c);
    }
  }

  private void application(String name, String path, int cluster) throws IOException {
    Path file = out.resolve("argocd/" + name + ".yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: %s
          namespace: argocd
        spec:
          project: default
          source:
            repoURL: https://git.example.com/mesh.git
            path: %s
            directory:
              recurse: true
          destination:
            server: https://cluster-%d.example.com
        """.formatted(name, path, cluster), StandardCharsets.UTF_8);
  }

  // ---- the misconfigured few percent ------------------------------------------------------------------

  /** Fixture files and folders that make their rule fire ({@code # expect:} comments), sorted. */
  private List<Path> firingFixtures() throws IOException {
    if (fixtures == null || !Files.isDirectory(fixtures)) {
      return List.of();
    }
    List<Path> out = new ArrayList<>();
    try (Stream<Path> rules = Files.list(fixtures)) {
      for (Path ruleDir : rules.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> entries = Files.list(ruleDir)) {
          for (Path fixture : entries.sorted().toList()) {
            if (!fixture.getFileName().toString().endsWith(".ambient-lint.yaml") && expectsFinding(fixture)
                && !needsConfig(fixture)) {
              out.add(fixture);
            }
          }
        }
      }
    }
    return out;
  }

  /** Rule ids that have firing fixtures, but only ones that need a config of their own. */
  static java.util.Set<String> rulesFiringOnlyWithConfig(Path fixtures) throws IOException {
    java.util.Set<String> withConfig = new java.util.TreeSet<>();
    java.util.Set<String> without = new java.util.TreeSet<>();
    try (Stream<Path> rules = Files.list(fixtures)) {
      for (Path ruleDir : rules.filter(Files::isDirectory).toList()) {
        try (Stream<Path> entries = Files.list(ruleDir)) {
          for (Path f : entries.filter(p -> !p.getFileName().toString().endsWith(".ambient-lint.yaml")).toList()) {
            if (expectsFinding(f)) {
              (needsConfig(f) ? withConfig : without).add(ruleDir.getFileName().toString());
            }
          }
        }
      }
    }
    withConfig.removeAll(without);
    return withConfig;
  }

  private static boolean needsConfig(Path fixture) {
    String name = fixture.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
    return Files.exists(fixture.resolveSibling(name + ".ambient-lint.yaml"))
        || Files.exists(fixture.resolve(".ambient-lint.yaml"));
  }

  private static boolean expectsFinding(Path fixture) throws IOException {
    try (Stream<Path> files = Files.isDirectory(fixture) ? Files.walk(fixture) : Stream.of(fixture)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (Files.readString(f, StandardCharsets.UTF_8).contains("# expect:")) {
          return true;
        }
      }
    }
    return false;
  }

  private static final Pattern NAMESPACE_FIELD = Pattern.compile("(?m)(namespace:\\s*)([a-z0-9][a-z0-9-]*)");
  private static final Pattern NAMESPACE_NAME =
      Pattern.compile("(?s)kind:\\s*Namespace\\b.*?name:\\s*([a-z0-9][a-z0-9-]*)");

  /**
   * Copies a fixture under {@code misconfigured/}, renaming its namespaces (except Istio's root and
   * {@code default}) with a suffix so copies do not collide with each other or with the teams.
   */
  private void copyFixture(Path fixture, int copy) throws IOException {
    String suffix = "-m" + copy;
    String rule = fixture.getParent().getFileName().toString();
    List<Path> files;
    try (Stream<Path> walk = Files.isDirectory(fixture) ? Files.walk(fixture) : Stream.of(fixture)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    java.util.Set<String> namespaces = new java.util.TreeSet<>();
    List<String> texts = new ArrayList<>();
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      texts.add(text);
      collect(NAMESPACE_FIELD.matcher(text), 2, namespaces);
      for (String doc : text.split("(?m)^---")) {
        collect(NAMESPACE_NAME.matcher(doc), 1, namespaces);
      }
    }
    namespaces.remove("istio-system");
    namespaces.remove("default");
    for (int i = 0; i < files.size(); i++) {
      String text = texts.get(i);
      for (String ns : namespaces) {
        text = text.replaceAll("(?<![a-z0-9-])" + Pattern.quote(ns) + "(?![a-z0-9-])", ns + suffix);
      }
      Path source = files.get(i);
      String name = Files.isDirectory(fixture) ? fixture.relativize(source).toString() : source.getFileName().toString();
      String target = "misconfigured/" + rule + "-" + copy + "/" + name;
      Path path = out.resolve(target);
      Files.createDirectories(path.getParent());
      Files.writeString(path, text, StandardCharsets.UTF_8);
      written += countDocuments(text);
    }
  }

  private static void collect(Matcher m, int group, java.util.Set<String> into) {
    while (m.find()) {
      into.add(m.group(group));
    }
  }

  private static int countDocuments(String text) {
    int n = 0;
    for (String doc : text.split("(?m)^---")) {
      if (doc.contains("kind:")) {
        n++;
      }
    }
    return n;
  }

  // ---- writing ----------------------------------------------------------------------------------------

  /** The documents of one file, each a YAML text. */
  private static final class Docs {
    final List<String> items = new ArrayList<>();

    void add(String yaml) {
      items.add(yaml);
    }

    void addAll(Docs other) {
      items.addAll(other.items);
    }

    int size() {
      return items.size();
    }
  }

  private void write(String relative, Docs docs) throws IOException {
    if (docs.items.isEmpty()) {
      return;
    }
    Path path = out.resolve(relative);
    Files.createDirectories(path.getParent());
    Files.writeString(path, String.join("---\n", docs.items), StandardCharsets.UTF_8);
    written += docs.size();
  }

  private void writeEach(String dir, Docs docs) throws IOException {
    for (int i = 0; i < docs.items.size(); i++) {
      Docs one = new Docs();
      one.add(docs.items.get(i));
      write(dir + "/" + String.format(Locale.ROOT, "%03d", i) + ".yaml", one);
    }
  }

  static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
