package io.ambientlint.cli;

import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.Analyzer;
import io.ambientlint.core.config.Config;
import io.ambientlint.core.config.ConfigException;
import io.ambientlint.core.config.ConfigLoader;
import io.ambientlint.core.report.SourceRoot;
import io.ambientlint.core.rule.RuleRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** What to analyze and how: shared by every command that builds the graph (check, explain, graph). */
public final class AnalysisOptions implements AmbientLintCommand.NeedsEnvironment {

  /** Set by the command, which declares its own positional parameters. */
  private List<String> paths = new ArrayList<>();

  @Option(names = "--config", paramLabel = "FILE",
      description = "Config file (default: .ambient-lint.yaml in the working directory, else at the root of its Git "
          + "work tree, if present).")
  Path configFile;

  @Option(names = "--default-namespace", paramLabel = "NS",
      description = "Namespace of objects without one and without GitOps context (default: default).")
  String defaultNamespace;

  @Option(names = "--exclude", paramLabel = "GLOB", description = "Skip paths matching this glob (repeatable).")
  List<String> excludes = new ArrayList<>();

  @Option(names = "--root-namespace", paramLabel = "NS", description = "Istio's root namespace (default: istio-system).")
  String rootNamespace;

  @Option(names = "--waypoint-class", paramLabel = "CLASS",
      description = "A GatewayClass whose Gateways are waypoints, besides Istio's (repeatable).")
  List<String> waypointClasses = new ArrayList<>();

  @Option(names = "--crd", paramLabel = "FILE|DIR",
      description = "CustomResourceDefinitions to validate against (repeatable; config key crds). CRDs in the "
          + "analyzed paths come first, then these, then the schemas bundled with ambient-lint.")
  List<String> crds = new ArrayList<>();

  private Environment env;

  @Override
  public void environment(Environment env) {
    this.env = env;
  }

  Environment env() {
    return env;
  }

  /** The config file's settings with the command-line options on top. */
  public Config config() {
    Path cwd = env.workingDirectory();
    Config.Builder builder = Config.builder().repositoryRoot(cwd)
        .knownRuleIds(RuleRegistry.load().metadata().stream().map(m -> m.id()).collect(java.util.stream.Collectors.toSet()));
    Config config;
    if (configFile != null) {
      Path file = cwd.resolve(configFile);
      if (!Files.isRegularFile(file)) {
        throw new ConfigException(configFile + ": config file not found");
      }
      config = ConfigLoader.load(file, configFile.toString(), builder);
    } else {
      config = discoveredConfigFile(cwd)
          .map(file -> ConfigLoader.load(file, slashes(cwd.toAbsolutePath().normalize().relativize(file)), builder))
          .orElseGet(builder::build);
    }
    Config.Builder b = config.toBuilder();
    if (defaultNamespace != null) {
      b.defaultNamespace(defaultNamespace);
    }
    if (rootNamespace != null) {
      b.rootNamespace(rootNamespace);
    }
    for (String glob : excludes) {
      ConfigLoader.checkGlob(glob).ifPresent(problem -> {
        throw new ConfigException("--exclude \"" + glob + "\": invalid glob: " + problem);
      });
      b.addExclude(glob);
    }
    waypointClasses.forEach(b::addWaypointClass);
    crds.forEach(b::addCrd);
    return b.build();
  }

  /** {@code .ambient-lint.yaml} in the working directory, else at the root of the Git work tree holding it. */
  static Optional<Path> discoveredConfigFile(Path cwd) {
    Path here = cwd.toAbsolutePath().normalize().resolve(ConfigLoader.DEFAULT_FILE);
    if (Files.isRegularFile(here)) {
      return Optional.of(here);
    }
    Path gitRoot = SourceRoot.gitWorkTree(cwd, null);
    return Optional.ofNullable(gitRoot).map(root -> root.resolve(ConfigLoader.DEFAULT_FILE)).filter(Files::isRegularFile);
  }

  private static String slashes(Path p) {
    return p.toString().replace('\\', '/');
  }

  public void paths(List<String> paths) {
    this.paths = paths == null ? new ArrayList<>() : paths;
  }

  public List<String> paths() {
    return paths.isEmpty() ? List.of(".") : paths;
  }

  public AnalysisResult analyze(Config config) {
    return analyzer(config).analyze(paths(), env.stdin());
  }

  public Analyzer analyzer(Config config) {
    return new Analyzer(config, RuleRegistry.load(), env.workingDirectory());
  }
}
