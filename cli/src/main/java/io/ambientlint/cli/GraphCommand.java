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

  @Mixin
  ClusterSelection selection = new ClusterSelection();

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
    List<ClusterSelection.Section> sections = selection.sections(result);
    DiagramRenderer renderer = DiagramRenderer.forFormat(format.name());
    if (sections.size() == 1) {
      env.out().print(renderer.render(DiagramContributors.build(sections.get(0).graph())));
    } else {
      // One diagram per cluster; JSON stays one document, a list of {cluster, graph}.
      String comment = format == Format.mermaid ? "%% " : "// ";
      StringBuilder out = new StringBuilder(format == Format.json ? "[\n" : "");
      for (int i = 0; i < sections.size(); i++) {
        String diagram = renderer.render(DiagramContributors.build(sections.get(i).graph()));
        if (format == Format.json) {
          out.append(i == 0 ? "" : ",\n").append("{\"cluster\": ")
              .append(com.fasterxml.jackson.databind.node.TextNode.valueOf(sections.get(i).heading()))
              .append(", \"graph\": ").append(diagram.strip()).append('}');
        } else {
          out.append(i == 0 ? "" : "\n").append(comment).append(sections.get(i).heading()).append('\n').append(diagram);
        }
      }
      env.out().print(format == Format.json ? out.append("\n]\n") : out);
    }
    env.out().flush();
    return 0;
  }
}
