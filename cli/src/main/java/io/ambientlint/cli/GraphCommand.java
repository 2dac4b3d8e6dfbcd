package io.ambientlint.cli;

import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.config.ConfigException;
import io.ambientlint.core.diagram.Diagram;
import io.ambientlint.core.diagram.DiagramContributors;
import io.ambientlint.core.diagram.DiagramCut;
import io.ambientlint.core.diagram.DiagramRenderer;
import io.ambientlint.core.diagram.MermaidRenderer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
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

  @Option(names = "--namespace", paramLabel = "NS",
      description = "Only namespace NS and what it is connected to (a waypoint in another namespace, say).")
  String namespace;

  @Option(names = "--focus", paramLabel = "KIND/NS/NAME",
      description = "Only this object and what is at most two edges from it, e.g. Service/books/reviews: its "
          + "workloads, waypoint and routes, and what those connect to.")
  String focus;

  private Environment env;

  @Override
  public void environment(Environment env) {
    this.env = env;
    analysis.environment(env);
  }

  @Override
  public Integer call() {
    analysis.paths(paths);
    String[] focusParts = focus == null ? null : focus.split("/", -1);
    if (focusParts != null && (focusParts.length != 3 || Arrays.stream(focusParts).anyMatch(String::isBlank))) {
      throw new ConfigException("graph --focus: expected KIND/NAMESPACE/NAME, e.g. Service/books/reviews; got \""
          + focus + "\"");
    }
    AnalysisResult result = analysis.analyze(analysis.config());
    Diagram diagram = DiagramContributors.build(result.graph());
    if (namespace != null) {
      Diagram inNamespace = DiagramCut.namespace(diagram, namespace);
      if (inNamespace.nodes().isEmpty()) {
        throw new ConfigException("graph --namespace " + namespace + ": nothing in the graph is in that namespace; "
            + "namespaces: " + namespaces(diagram));
      }
      diagram = inNamespace;
    }
    if (focusParts != null) {
      Diagram within = diagram;
      String node = DiagramCut.nodeOf(diagram, focusParts[0], focusParts[1], focusParts[2]).orElseThrow(() ->
          new ConfigException("graph --focus " + focus + ": no such object in the graph"
              + (namespace == null ? "" : " of namespace " + namespace) + " (it draws Services, ServiceEntries, "
              + "Gateways, workloads, routes, VirtualServices, DestinationRules and EnvoyFilters)"));
      diagram = DiagramCut.around(within, node, 2);
    }
    if (format == Format.mermaid) {
      MermaidRenderer.Limited limited = new MermaidRenderer().renderWithinLimits(diagram);
      env.out().print(limited.text());
      if (limited.cut().isCut()) {
        env.err().println("ambient-lint graph: " + MermaidRenderer.omittedNote(limited.cut()));
      }
    } else {
      env.out().print(DiagramRenderer.forFormat(format.name()).render(diagram));
    }
    env.out().flush();
    return 0;
  }

  private static String namespaces(Diagram diagram) {
    return diagram.clusters().stream().map(Diagram.Cluster::id).filter(id -> id.startsWith("ns:"))
        .map(id -> id.substring(3)).sorted().collect(Collectors.joining(", "));
  }
}
