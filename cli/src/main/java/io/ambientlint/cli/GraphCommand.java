package io.ambientlint.cli;

import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.config.ConfigException;
import io.ambientlint.core.diagram.Diagram;
import io.ambientlint.core.diagram.DiagramContributors;
import io.ambientlint.core.diagram.DiagramCut;
import io.ambientlint.core.diagram.DiagramRenderer;
import io.ambientlint.core.diagram.MermaidRenderer;
import io.ambientlint.core.graph.MeshGraph;
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

  @Mixin
  ClusterSelection selection = new ClusterSelection();

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
    List<ClusterSelection.Section> sections = selection.sections(result);
    if (sections.size() == 1) {
      env.out().print(render(sections.get(0).graph(), focusParts));
    } else {
      // One diagram per cluster; JSON stays one document, a list of {cluster, graph}. A cut (--namespace,
      // --focus) shows the clusters that hold what it names.
      String comment = format == Format.mermaid ? "%% " : "// ";
      StringBuilder out = new StringBuilder(format == Format.json ? "[\n" : "");
      ConfigException notFound = null;
      int shown = 0;
      for (ClusterSelection.Section section : sections) {
        String diagram;
        try {
          diagram = render(section.graph(), focusParts);
        } catch (ConfigException e) {
          notFound = e;
          continue;
        }
        if (format == Format.json) {
          out.append(shown == 0 ? "" : ",\n").append("{\"cluster\": ")
              .append(com.fasterxml.jackson.databind.node.TextNode.valueOf(section.heading()))
              .append(", \"graph\": ").append(diagram.strip()).append('}');
        } else {
          out.append(shown == 0 ? "" : "\n").append(comment).append(section.heading()).append('\n').append(diagram);
        }
        shown++;
      }
      if (shown == 0 && notFound != null) {
        throw notFound;
      }
      env.out().print(format == Format.json ? out.append("\n]\n") : out);
    }
    env.out().flush();
    return ExitCodes.SUCCESS;
  }

  private static String namespaces(Diagram diagram) {
    return diagram.clusters().stream().map(Diagram.Cluster::id).filter(id -> id.startsWith("ns:"))
        .map(id -> id.substring(3)).sorted().collect(Collectors.joining(", "));
  }

  /** The diagram of one graph, cut by --namespace and --focus; Mermaid within Mermaid's size limits. */
  private String render(MeshGraph graph, String[] focusParts) {
    Diagram diagram = DiagramContributors.build(graph);
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
      if (limited.cut().isCut()) {
        env.err().println("ambient-lint graph: " + MermaidRenderer.omittedNote(limited.cut()));
      }
      return limited.text();
    }
    return DiagramRenderer.forFormat(format.name()).render(diagram);
  }

}
