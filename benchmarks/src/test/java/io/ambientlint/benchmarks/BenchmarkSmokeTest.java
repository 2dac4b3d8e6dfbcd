package io.ambientlint.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.Analyzer;
import io.ambientlint.core.config.Config;
import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.rule.RuleRegistry;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The benchmark's smoke run inside {@code mvn verify}: generate 1,000 resources, analyze them, and check that
 * the corpus makes every rule fire; then run each JMH phase once. Timings are measured elsewhere
 * (benchmarks/README.md), never here.
 */
class BenchmarkSmokeTest {

  @TempDir
  Path dir;

  static Path fixtures() {
    String root = System.getProperty("ambientlint.projectRoot", "..");
    return Path.of(root).resolve("rules/src/test/resources/fixtures");
  }

  @Test
  void generatorIsDeterministicAndSizedAsAsked() throws Exception {
    int a = new CorpusGenerator(7, dir.resolve("a"), fixtures()).generate(1000);
    int b = new CorpusGenerator(7, dir.resolve("b"), fixtures()).generate(1000);
    assertThat(a).isEqualTo(b).isBetween(950, 1100);
    assertThat(listing(dir.resolve("a"))).isEqualTo(listing(dir.resolve("b")));
  }

  @Test
  void theUnitsShapeSpreadsTheTeamsOverApplicationsAndClusters() throws Exception {
    Path corpus = dir.resolve("units");
    new CorpusGenerator(7, corpus, fixtures()).withUnits(4, 2).generate(1000);
    try (Stream<Path> apps = Files.list(corpus.resolve("argocd"))) {
      assertThat(apps.map(p -> p.getFileName().toString()).sorted()).containsExactly("group-00.yaml",
          "group-01.yaml", "group-02.yaml", "group-03.yaml", "platform-0.yaml", "platform-1.yaml");
    }
    Analyzer analyzer = new Analyzer(Config.DEFAULTS, RuleRegistry.load(), corpus);
    AnalysisResult units = analyzer.analyze(List.of("."), new ByteArrayInputStream(new byte[0]));
    List<String> clusters = units.deployment().deployment().clusters().stream()
        .map(io.ambientlint.core.gitops.ClusterPlan::id).toList();
    assertThat(clusters).contains("argocd/https://cluster-0.example.com", "argocd/https://cluster-1.example.com");
    // The same files as one unit: the team folders, the platform and the fixture copies, no Applications.
    AnalysisResult one = analyzer.analyze(List.of("apps", "platform", "misconfigured"),
        new ByteArrayInputStream(new byte[0]));
    assertThat(one.deployment().deployment().clusters().stream().map(io.ambientlint.core.gitops.ClusterPlan::id))
        .doesNotContain("argocd/https://cluster-0.example.com");
    assertThat(units.findings()).isNotEmpty();
    assertThat(one.findings()).isNotEmpty();
  }

  private static List<String> listing(Path root) throws Exception {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(p -> root.relativize(p) + ":" + sizeOf(p)).sorted().toList();
    }
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void oneThousandResourcesMakeEveryRuleFire() throws Exception {
    new CorpusGenerator(42, dir, fixtures()).generate(1000);
    AnalysisResult result = new Analyzer(Config.DEFAULTS, RuleRegistry.load(), dir)
        .analyze(List.of("."), new ByteArrayInputStream(new byte[0]));
    Set<String> fired = result.findings().stream().map(Finding::ruleId).collect(Collectors.toCollection(TreeSet::new));
    Set<String> all = RuleRegistry.load().metadata().stream().map(RuleMetadata::id).collect(Collectors.toCollection(TreeSet::new));
    // Rules whose only firing fixtures need their own config cannot be planted in one shared corpus.
    all.removeAll(CorpusGenerator.rulesFiringOnlyWithConfig(fixtures()));
    // AL112 judges the repository as a whole (nothing enrolled in ambient): it cannot fire beside ambient namespaces.
    all.remove("AL112");
    assertThat(fired).containsAll(all);
    assertThat(result.graph().resources().size()).isGreaterThan(900);
  }

  @Test
  void theDenseShapePutsFindingsInAboutAThirdOfTheFiles() throws Exception {
    new CorpusGenerator(42, dir.resolve("clean"), fixtures()).generate(3000);
    new CorpusGenerator(42, dir.resolve("dense"), fixtures(), CorpusGenerator.Shape.DENSE).generate(3000);
    double clean = shareOfFilesWithFindings(dir.resolve("clean"));
    double dense = shareOfFilesWithFindings(dir.resolve("dense"));
    // Clean: only the planted fixture copies, and what they reach (a fixture's catch-all VirtualService host
    // overlaps every team's VirtualService, AL403), about one file in six; dense: about one in three.
    assertThat(clean).isLessThan(0.2);
    assertThat(dense).isBetween(0.25, 0.45).isGreaterThan(clean + 0.1);
  }

  private static double shareOfFilesWithFindings(Path corpus) throws Exception {
    AnalysisResult result = new Analyzer(Config.DEFAULTS, RuleRegistry.load(), corpus)
        .analyze(List.of("."), new ByteArrayInputStream(new byte[0]));
    Set<String> withFindings = result.findings().stream().map(f -> f.location().path()).collect(Collectors.toSet());
    long files;
    try (Stream<Path> walk = Files.walk(corpus)) {
      files = walk.filter(Files::isRegularFile).count();
    }
    Set<String> planted = result.findings().stream().map(Finding::ruleId).collect(Collectors.toSet());
    if (corpus.endsWith("dense")) {
      assertThat(planted).contains("AL111", "AL203", "AL303", "AL305");
    }
    return (double) withFindings.size() / files;
  }

  @Test
  void everyPhaseRunsOnce() throws Exception {
    System.setProperty("ambientlint.fixtures", fixtures().toString());
    PhaseBenchmarks bench = new PhaseBenchmarks();
    bench.resources = 1000;
    bench.ruleFamily = "all";
    bench.reporter = "sarif";
    bench.setUp();
    Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
    bench.parseOnly(bh);
    assertThat(bench.loadAndParse().documents()).isNotEmpty();
    assertThat(bench.model().model().resources()).isNotEmpty();
    assertThat(bench.graph().resources()).isNotEmpty();
    assertThat(bench.rules().findings()).isNotEmpty();
    bench.report(bh);
    CorpusGenerator.delete(bench.corpus);
  }
}
