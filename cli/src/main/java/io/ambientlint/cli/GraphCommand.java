package io.ambientlint.cli;

import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.diagram.DiagramContributors;
import io.ambientlint.core.diagram.DiagramRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ambient-lint graph}: the waypoint graph as a picture (Mermaid, Graphviz dot) or JSON. */
@Command(name = "graph", mixinStandardHelpOptions = true,
    description = {"Print the mesh graph: namespaces as clusters, services, workloads and waypoints, binding edges "
        + "labelled with the label that decided them, failed bindings drawn distinctly (red, with the reason).",
        "Mermaid output renders on GitHub (paste it in a ```mermaid block); dot renders with Graphviz."})
public final class GraphCommand implements Callable<Integer>, AmbientLintCommand.NeedsEnvironment {

  /** The output formats of {@code graph --format}. */
  enum Format { mermaid, dot, json }

  @Mixin
  AnalysisOptions analysis = new AnalysisOptions();

  @Parameters(paramLabel = "PATH", description = "Files or folders to analyze, '-' for standard input (default: .).")
  List<String> paths = new ArrayList<>();

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: mermaid).")
  Format format = Format.mermaid;

  private Environment env;

  @Override
  public void environment(Environment env) {
    this.env = env;
    analysis.environment(env);
  }

  @Override
  public Integer call() {
    analysis.paths(paths);
    AnalysisResult result = analysis.analyze(analysis.config());
    env.out().print(DiagramRenderer.forFormat(format.name()).render(DiagramContributors.build(result.graph())));
    env.out().flush();
    return 0;
  }
}
