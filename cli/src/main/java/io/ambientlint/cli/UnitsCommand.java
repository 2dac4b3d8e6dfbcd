package io.ambientlint.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ambientlint.core.config.Config;
import io.ambientlint.core.gitops.Deployment;
import io.ambientlint.core.gitops.DeploymentUnit;
import io.ambientlint.core.kustomize.KustomizeUnitRenderer;
import io.ambientlint.core.gitops.UnitDiscovery;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.load.LoadedRepository;
import io.ambientlint.core.load.RepositoryLoader;
import io.ambientlint.core.text.Phrases;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ambient-lint units}: the deployment units found, and the environment and cluster of each. */
@Command(name = "units", mixinStandardHelpOptions = true,
    description = {"List the deployment units: each Argo CD Application (also those an ApplicationSet generates), "
        + "Flux Kustomization, Kustomize root and the loose files, with its environment, cluster, default namespace, "
        + "source files and what was not rendered. Rules run per cluster."})
public final class UnitsCommand implements Callable<Integer>, AmbientLintCommand.NeedsEnvironment {

  enum Format { text, json }

  @Mixin
  AnalysisOptions analysis = new AnalysisOptions();

  @Parameters(paramLabel = "PATH", description = "Files or folders to analyze (default: .).")
  List<String> paths = new ArrayList<>();

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "Output format: ${COMPLETION-CANDIDATES} (default: text).")
  Format format = Format.text;

  private Environment env;

  @Override
  public void environment(Environment env) {
    this.env = env;
    analysis.environment(env);
  }

  @Override
  public Integer call() throws IOException {
    analysis.paths(paths);
    Config config = analysis.config();
    LoadedRepository repository = new RepositoryLoader(env.workingDirectory(), config.limits(), config.exclude(),
        env.stdin()).load(analysis.paths());
    Deployment deployment = new UnitDiscovery(config.gitops(),
        new KustomizeUnitRenderer(env.workingDirectory(), config.limits())).discover(repository);
    env.out().print(format == Format.json ? json(deployment) : text(deployment));
    env.out().flush();
    return ExitCodes.SUCCESS;
  }

  static String text(Deployment deployment) {
    StringBuilder out = new StringBuilder();
    String lastCluster = null;
    for (var plan : deployment.clusters()) {
      out.append(lastCluster == null ? "" : "\n").append("cluster ").append(plan.cluster())
          .append(" (environment ").append(plan.environment()).append(")\n");
      lastCluster = plan.id();
      for (DeploymentUnit u : plan.units()) {
        out.append("  ").append(u.kind().label()).append(' ').append(u.name());
        u.definedAt().ifPresent(l -> out.append(" (").append(l).append(')'));
        out.append('\n');
        u.parent().ifPresent(p -> out.append("    applied by: ").append(p).append('\n'));
        if (!u.defaultNamespace().isEmpty()) {
          out.append("    namespace: ").append(u.defaultNamespace())
              .append(u.placement() != null && u.placement().forced() ? " (all objects)" : " (objects without one)")
              .append('\n');
        }
        out.append("    files: ").append(u.sourceFiles().size()).append('\n');
        for (String f : u.sourceFiles()) {
          out.append("      ").append(f).append('\n');
        }
        for (String n : u.notRendered()) {
          out.append("    not rendered: ").append(n).append('\n');
        }
      }
    }
    for (Diagnostic d : deployment.notifications()) {
      out.append(d.path().isEmpty() ? "ambient-lint" : d.path() + ":" + d.position()).append(": note: ")
          .append(d.message()).append('\n');
    }
    out.append("ambient-lint: ").append(Phrases.count(deployment.units().size(), "unit"))
        .append(" in ").append(Phrases.count(deployment.clusters().size(), "cluster"))
        .append('\n');
    return out.toString();
  }

  static String json(Deployment deployment) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ArrayNode units = root.putArray("units");
    for (DeploymentUnit u : deployment.units()) {
      ObjectNode n = units.addObject();
      n.put("name", u.name());
      n.put("kind", u.kind().label());
      n.put("environment", u.environment());
      n.put("cluster", u.cluster());
      n.put("namespace", u.defaultNamespace());
      u.definedAt().ifPresent(l -> n.put("definedAt", l.toString()));
      u.parent().ifPresent(p -> n.put("parent", p));
      u.sourceFiles().forEach(n.putArray("files")::add);
      u.notRendered().forEach(n.putArray("notRendered")::add);
    }
    ArrayNode notes = root.putArray("notifications");
    for (Diagnostic d : deployment.notifications()) {
      ObjectNode n = notes.addObject();
      n.put("path", d.path());
      n.put("line", d.position().line());
      n.put("message", d.message());
    }
    return mapper.writeValueAsString(root) + "\n";
  }
}
