package io.ambientlint.benchmarks;

import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.Analyzer;
import io.ambientlint.core.config.Config;
import io.ambientlint.core.rule.RuleRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Kustomize at repository scale: BASES bases with OVERLAYS_PER_BASE overlays each (patches, namespace, prefix,
 * labels, images, a generated ConfigMap), rendered and analyzed by ambient-lint in one process, beside
 * {@code kubectl kustomize} run once per overlay as CI scripts run it. Prints wall times and the ratio.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.ambientlint.benchmarks.KustomizeRenderBench [BASES] [OVERLAYS_PER_BASE]</pre>
 *
 * <p>With {@code --out DIR [BASES] [OVERLAYS_PER_BASE]} it only writes the repository, for {@code benchmarks/run.sh}.
 */
public final class KustomizeRenderBench {

  private KustomizeRenderBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 1 && args[0].equals("--out")) {
      // Only write the repository, for whole-process runs (benchmarks/run.sh): --out DIR [BASES] [OVERLAYS_PER_BASE]
      generate(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 20,
          args.length > 3 ? Integer.parseInt(args[3]) : 3);
      return;
    }
    int bases = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int perBase = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path repo = Files.createTempDirectory("ambient-lint-kustomize-bench");
    List<Path> overlays = generate(repo, bases, perBase);
    System.out.printf("repository: %d bases, %d overlays (%s)%n", bases, overlays.size(), repo);

    Analyzer analyzer = new Analyzer(Config.DEFAULTS, RuleRegistry.load(), repo);
    List<Long> ours = new ArrayList<>();
    int objects = 0;
    for (int i = 0; i < 6; i++) {
      long start = System.nanoTime();
      AnalysisResult result = analyzer.analyze(List.of("."), InputStream.nullInputStream());
      ours.add((System.nanoTime() - start) / 1_000_000);
      objects = result.graph().resources().size();
    }
    System.out.printf("ambient-lint render + analyze, in process: first run %d ms, median of the next 5 %d ms (%d objects)%n",
        ours.get(0), median(ours.subList(1, ours.size())), objects);

    long start = System.nanoTime();
    for (Path overlay : overlays) {
      Process p = new ProcessBuilder("kubectl", "kustomize", overlay.toString())
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      if (p.waitFor() != 0) {
        throw new IllegalStateException("kubectl kustomize failed on " + overlay);
      }
    }
    long kubectl = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("kubectl kustomize, one process per overlay: %d ms%n", kubectl);
    System.out.printf("ratio (kubectl / ambient-lint first run): %.1f%n", (double) kubectl / ours.get(0));
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }

  static List<Path> generate(Path repo, int bases, int perBase) throws IOException {
    List<Path> overlays = new ArrayList<>();
    for (int b = 0; b < bases; b++) {
      Path base = repo.resolve("bases/app" + b);
      Files.createDirectories(base);
      Files.writeString(base.resolve("kustomization.yaml"), "resources:\n  - app.yaml\n  - mesh.yaml\n"
          + "configMapGenerator:\n  - name: settings\n    literals:\n      - MODE=ambient\n      - APP=app" + b + "\n");
      Files.writeString(base.resolve("app.yaml"), """
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: APP
          spec:
            replicas: 1
            selector:
              matchLabels:
                app: APP
            template:
              metadata:
                labels:
                  app: APP
              spec:
                serviceAccountName: APP
                containers:
                  - name: APP
                    image: example.com/APP:1.0
                    envFrom:
                      - configMapRef:
                          name: settings
                    ports:
                      - containerPort: 8080
          ---
          apiVersion: v1
          kind: ServiceAccount
          metadata:
            name: APP
          ---
          apiVersion: v1
          kind: Service
          metadata:
            name: APP
            labels:
              istio.io/use-waypoint: waypoint
          spec:
            selector:
              app: APP
            ports:
              - name: http
                port: 8080
          """.replace("APP", "app" + b));
      Files.writeString(base.resolve("mesh.yaml"), """
          apiVersion: gateway.networking.k8s.io/v1
          kind: Gateway
          metadata:
            name: waypoint
            labels:
              istio.io/waypoint-for: service
          spec:
            gatewayClassName: istio-waypoint
            listeners:
              - name: mesh
                port: 15008
                protocol: HBONE
          ---
          apiVersion: security.istio.io/v1
          kind: AuthorizationPolicy
          metadata:
            name: APP-viewer
          spec:
            targetRefs:
              - kind: Service
                group: ""
                name: APP
            action: ALLOW
            rules:
              - from:
                  - source:
                      principals: ["cluster.local/ns/NS/sa/frontend"]
          """.replace("APP", "app" + b));
      for (int o = 0; o < perBase; o++) {
        String env = "env" + o;
        Path overlay = repo.resolve("overlays/" + env + "/app" + b);
        Files.createDirectories(overlay);
        Files.writeString(overlay.resolve("kustomization.yaml"), """
            resources:
              - ../../../bases/appB
            namespace: ENV-appB
            commonLabels:
              env: ENV
            images:
              - name: example.com/appB
                newTag: "2.ENV"
            patches:
              - path: replicas.yaml
              - target:
                  kind: Namespace
                patch: |-
                  - op: add
                    path: /metadata/labels/istio.io~1dataplane-mode
                    value: ambient
              - target:
                  kind: Service
                patch: |-
                  - op: add
                    path: /metadata/annotations
                    value: {owner: team-B}
            """.replace("ENV", env).replace("B", String.valueOf(b)));
        Files.writeString(overlay.resolve("replicas.yaml"), """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: appB
            spec:
              replicas: 3
            """.replace("B", String.valueOf(b)));
        overlays.add(overlay);
      }
    }
    return overlays;
  }
}
