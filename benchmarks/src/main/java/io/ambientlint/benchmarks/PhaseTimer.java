package io.ambientlint.benchmarks;

import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.Analyzer;
import io.ambientlint.core.config.Config;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.load.LoadedRepository;
import io.ambientlint.core.model.ModelBuilder;
import io.ambientlint.core.rule.RuleRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One cold, single-shot pass over a corpus printing each phase's wall time: a quick look at where time goes
 * (JMH in {@link PhaseBenchmarks} gives the steady-state numbers). Usage: {@code PhaseTimer DIR}.
 */
public final class PhaseTimer {
  private PhaseTimer() {}

  public static void main(String[] args) throws IOException {
    System.setProperty("ambientlint.corpus", args[0]);
    PhaseBenchmarks b = new PhaseBenchmarks();
    b.corpus = Path.of(args[0]);
    long t0 = System.nanoTime();
    b.files = java.nio.file.Files.walk(b.corpus).filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    long t1 = System.nanoTime();
    b.parseOnly(new org.openjdk.jmh.infra.Blackhole(
        "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous."));
    long t2 = System.nanoTime();
    LoadedRepository repo = b.load();
    long t3 = System.nanoTime();
    ModelBuilder.Result model = new ModelBuilder("default").build(repo);
    long t4 = System.nanoTime();
    MeshGraph graph = MeshGraph.build(model.model(), Config.DEFAULTS, repo.diagnostics(), repo.files());
    long t5 = System.nanoTime();
    AnalysisResult result = new Analyzer(Config.DEFAULTS, RuleRegistry.load(), b.corpus).analyze(graph);
    long t6 = System.nanoTime();
    print("walk", t0, t1);
    print("parse-only baseline", t1, t2);
    print("load (parse + source maps)", t2, t3);
    print("model", t3, t4);
    print("graph", t4, t5);
    print("rules", t5, t6);
    System.gc();
    long live = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
    // Keep the graph and the result reachable until after the measurement.
    System.out.printf(Locale.ROOT, "%d resources, %d findings, live heap after GC %d MB%n", graph.resources().size(),
        result.findings().size(), live);
    if (Boolean.getBoolean("ambientlint.pause")) {
      try {
        Thread.sleep(120_000); // time for jcmd GC.class_histogram
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void print(String phase, long from, long to) {
    System.out.printf(Locale.ROOT, "%-28s %8.0f ms%n", phase, (to - from) / 1e6);
  }
}
