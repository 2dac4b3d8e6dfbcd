package io.ambientlint.cli;

import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.config.ConfigException;
import io.ambientlint.core.explain.ExplainSections;
import io.ambientlint.core.explain.ImplicitNamespace;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.Namespace;
import io.ambientlint.core.model.Resource;
import io.ambientlint.core.text.Escape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ambient-lint explain KIND/NAMESPACE/NAME}: what the graph knows about one object, and why. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = {"Explain one object: its enrolment, its waypoint and the label that chose it, the routes and "
        + "policies that apply, each fact with the file:line that establishes it.",
        "KIND/NAMESPACE/NAME, e.g. Service/books/reviews, Deployment/books/reviews-v1, Gateway/books/waypoint; "
            + "KIND/NAME for cluster-scoped kinds (Namespace/books)."})
public final class ExplainCommand implements Callable<Integer>, AmbientLintCommand.NeedsEnvironment {

  @Mixin
  AnalysisOptions analysis = new AnalysisOptions();

  @Parameters(index = "0", paramLabel = "KIND/NAMESPACE/NAME", description = "The object to explain.")
  String target;

  @Mixin
  ClusterSelection selection = new ClusterSelection();

  @Parameters(index = "1..*", paramLabel = "PATH", description = "Files or folders to analyze (default: .).")
  List<String> paths = new ArrayList<>();

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
    StringBuilder out = new StringBuilder();
    ConfigException notFound = null;
    for (ClusterSelection.Section section : sections) {
      MeshGraph graph = section.graph();
      Optional<Namespace> implicit = implicitNamespace(graph, target);
      String text;
      try {
        text = implicit.isPresent() ? ImplicitNamespace.explain(graph, implicit.get()).toText()
            : ExplainSections.explain(graph, find(graph, target)).toText();
      } catch (ConfigException e) {
        notFound = e;
        continue; // not in this cluster: the others may have it
      }
      out.append(out.length() == 0 ? "" : "\n").append(section.heading().isEmpty() ? "" : "== " + section.heading() + "\n")
          .append(text);
    }
    if (out.length() == 0) {
      throw notFound;
    }
    env.out().print(Escape.terminalLines(out.toString())); // names from the repository: no escapes or workflow commands
    env.out().flush();
    return ExitCodes.SUCCESS;
  }

  /** {@code Namespace/NAME} of a namespace that objects use but no manifest declares. */
  static Optional<Namespace> implicitNamespace(MeshGraph graph, String target) {
    String[] parts = target.split("/");
    if (parts.length != 2 || !parts[0].equalsIgnoreCase("Namespace")) {
      return Optional.empty();
    }
    return graph.namespaces().stream().filter(ns -> ns.name().equals(parts[1]) && !ns.isDeclared()).findFirst();
  }

  /** Finds {@code Kind/ns/name} (or {@code Kind/name}); the kind is matched case-insensitively. */
  static Resource find(MeshGraph graph, String target) {
    String[] parts = target.split("/");
    if (parts.length < 2 || parts.length > 3) {
      throw new ConfigException("explain: expected KIND/NAMESPACE/NAME or KIND/NAME, got \"" + target + "\"");
    }
    String kind = parts[0].toLowerCase(Locale.ROOT);
    String namespace = parts.length == 3 ? parts[1] : "";
    String name = parts[parts.length - 1];
    return graph.resources().stream()
        .filter(r -> r.kind().toLowerCase(Locale.ROOT).equals(kind) && r.name().equals(name)
            && (r.namespace().equals(namespace) || (parts.length == 2 && r.namespace().isEmpty())))
        .findFirst()
        .orElseThrow(() -> new ConfigException("explain: " + target + " is not in the analyzed files"));
  }
}
