package io.ambientlint.benchmarks;

import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.Analyzer;
import io.ambientlint.core.config.Config;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.load.LoadedRepository;
import io.ambientlint.core.load.RepositoryLoader;
import io.ambientlint.core.model.ModelBuilder;
import io.ambientlint.core.report.JsonReporter;
import io.ambientlint.core.report.Reporter;
import io.ambientlint.core.report.SarifReporter;
import io.ambientlint.core.report.TextReporter;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * In-process cost of each phase over one generated repository: the parse-only baseline (snakeyaml-engine
 * alone over the same files), load (read + parse + source maps), model, graph, each rule family, each reporter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// At 100k resources one operation takes up to a second: the JIT needs about 20 s of warm-up before the rules
// (50 classes) reach steady state. The fork uses the launcher's collector, with a fixed heap so no iteration
// pays for growing it; every phase, the baseline included, runs under the same options.
@Warmup(iterations = 6, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC"})
public class PhaseBenchmarks {

  @Param({"10000"})
  public int resources;

  @Param({"input"})
  public String ruleFamily;

  @Param({"sarif"})
  public String reporter;

  /** {@code clean} (findings rare) or {@code dense} (findings in a third of the files), see CorpusGenerator. */
  @Param({"clean"})
  public String shape = "clean";

  Path corpus;
  List<Path> files;
  LoadedRepository repository;
  ModelBuilder.Result model;
  MeshGraph graph;
  List<Rule> familyRules;
  AnalysisResult result;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    corpus = Corpus.prepare(resources, CorpusGenerator.Shape.valueOf(shape.toUpperCase(java.util.Locale.ROOT)));
    try (Stream<Path> walk = Files.walk(corpus)) {
      files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    repository = load();
    model = new ModelBuilder("default").build(repository);
    graph = MeshGraph.build(model.model(), Config.DEFAULTS, repository.diagnostics(), repository.files());
    familyRules = rulesOf(ruleFamily);
    result = new Analyzer(Config.DEFAULTS, RuleRegistry.load(), corpus).analyze(graph);
  }

  /** Rule family = the last package segment of the rule class: input, waypoint, route, policy, classic, schema... */
  static List<Rule> rulesOf(String family) {
    List<Rule> out = new ArrayList<>();
    for (Rule r : RuleRegistry.load().rules()) {
      String pkg = r.getClass().getPackageName();
      if (family.equals("all") || pkg.substring(pkg.lastIndexOf('.') + 1).equals(family)) {
        out.add(r);
      }
    }
    return out;
  }

  LoadedRepository load() {
    return new RepositoryLoader(corpus, Config.DEFAULTS.limits(), List.of(), new ByteArrayInputStream(new byte[0]))
        .load(List.of("."));
  }

  /** The baseline: snakeyaml-engine composing every file, nothing else. */
  @Benchmark
  public void parseOnly(Blackhole bh) {
    files.parallelStream().forEach(f -> {
      try {
        LoadSettings settings = LoadSettings.builder().setSchema(new CoreSchema()).setCodePointLimit(64 * 1024 * 1024).build();
        for (Node n : new Compose(settings).composeAllFromString(Files.readString(f, StandardCharsets.UTF_8))) {
          bh.consume(n);
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (org.snakeyaml.engine.v2.exceptions.YamlEngineException e) {
        bh.consume(e); // the misconfigured copies include invalid YAML, as real repositories do
      }
    });
  }

  @Benchmark
  public LoadedRepository loadAndParse() {
    return load();
  }

  @Benchmark
  public ModelBuilder.Result model() {
    return new ModelBuilder("default").build(repository);
  }

  @Benchmark
  public MeshGraph graph() {
    return MeshGraph.build(model.model(), Config.DEFAULTS, repository.diagnostics(), repository.files());
  }

  @Benchmark
  public AnalysisResult rules() {
    return new Analyzer(Config.DEFAULTS, new RuleRegistry(familyRules), corpus).analyze(graph);
  }

  @Benchmark
  public void report(Blackhole bh) throws IOException {
    Reporter r = switch (reporter) {
      case "text" -> new TextReporter(false);
      case "json" -> new JsonReporter();
      default -> new SarifReporter();
    };
    r.write(result, new Writer() {
      @Override
      public void write(char[] cbuf, int off, int len) {
        bh.consume(cbuf);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    });
  }
}
