package io.ambientlint.maven;

import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.Analyzer;
import io.ambientlint.core.baseline.Baseline;
import io.ambientlint.core.baseline.RevisionComparison;
import io.ambientlint.core.config.Config;
import io.ambientlint.core.config.ConfigException;
import io.ambientlint.core.config.ConfigLoader;
import io.ambientlint.core.config.FailOn;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.report.JsonReporter;
import io.ambientlint.core.report.MarkdownReporter;
import io.ambientlint.core.report.Reporter;
import io.ambientlint.core.report.ReportFiles;
import io.ambientlint.core.report.SarifReporter;
import io.ambientlint.core.report.SourceRoot;
import io.ambientlint.core.report.TextReporter;
import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.rule.RelatedLocation;
import io.ambientlint.core.rule.RuleRegistry;
import io.ambientlint.core.severity.Severity;
import io.ambientlint.core.text.Escape;
import io.ambientlint.core.text.Phrases;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Analyzes the project's Kubernetes manifests for Istio ambient mesh mistakes, logs each finding as a Maven
 * warning or error with its file and line, writes a SARIF report, and fails the build when a finding is at
 * or above {@code failOn}. With {@code aggregate}, the whole reactor is analyzed once, from its root.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true)
public class CheckMojo extends AbstractMojo {

  /** Skip the analysis. */
  @Parameter(property = "ambientlint.skip", defaultValue = "false")
  boolean skip;

  /**
   * Folders (or files) to analyze (default: the project's base directory, where the folders of an
   * aggregator's modules are left out, since each module analyzes its own). From the command line,
   * {@code -Dambientlint.directories=a,b} needs Maven 3.9; with 3.8 set it in the POM.
   */
  @Parameter(property = "ambientlint.directories")
  List<File> directories;

  /**
   * Globs, relative to each analyzed folder, of the files to analyze (default: every {@code .yaml},
   * {@code .yml} and {@code .json} file). {@code kustomization.yaml} files are always read for the namespace
   * they give the manifests below them.
   */
  @Parameter(property = "ambientlint.includes")
  List<String> includes;

  /** Globs, relative to each analyzed folder, of paths to skip ({@code generated/**}). */
  @Parameter(property = "ambientlint.excludes")
  List<String> excludes;

  /** The ambient-lint config file (default: {@code .ambient-lint.yaml} in the base directory, if present). */
  @Parameter(property = "ambientlint.configFile")
  File configFile;

  /**
   * The lowest severity that fails the build: {@code error}, {@code warning}, {@code note} or {@code none}
   * (default: the config file's {@code failOn}, else {@code error}).
   */
  @Parameter(property = "ambientlint.failOn")
  String failOn;

  /** Where the SARIF 2.1.0 report is written (for GitHub code scanning and IDEs). */
  @Parameter(property = "ambientlint.sarifFile", defaultValue = "${project.build.directory}/ambient-lint.sarif")
  File sarifFile;

  /**
   * A baseline file of accepted findings (written by {@code ambient-lint check --write-baseline}): findings
   * it lists are reported as suppressed (SARIF {@code suppressions} of kind {@code external}) and do not fail
   * the build; entries nothing matches any more are counted as fixed in the summary (default: the config
   * file's {@code baseline}, relative to the base directory).
   */
  @Parameter(property = "ambientlint.baseline")
  File baseline;

  /** Log every finding (with its related places) in the build output; the summary is always logged. */
  @Parameter(property = "ambientlint.consoleOutput", defaultValue = "true")
  boolean consoleOutput;

  /**
   * Analyze the whole reactor once, from the directory Maven was started in (the execution root), instead of
   * each module alone: a waypoint in one module and the services using it in another are then seen together.
   * The other modules skip the goal. Modules outside the root's folder are not analyzed.
   */
  @Parameter(property = "ambientlint.aggregate", defaultValue = "false")
  boolean aggregate;

  /**
   * Report only the findings introduced since this Git revision ({@code origin/main}): the same paths are read
   * at the revision from the Git object database (no checkout) and compared; only introduced findings fail.
   */
  @Parameter(property = "ambientlint.newSince")
  String newSince;

  /**
   * Category of the SARIF run ({@code automationDetails.id}), so that the reports of several modules or jobs
   * of one commit do not replace each other in GitHub code scanning.
   */
  @Parameter(property = "ambientlint.sarifCategory")
  String sarifCategory;

  /** Also write a Markdown report (counts, the findings table, the waypoints involved) to this file. */
  @Parameter(property = "ambientlint.markdownFile")
  File markdownFile;

  /** Also write a JSON report to this file. */
  @Parameter(property = "ambientlint.jsonFile")
  File jsonFile;

  /** Istio's root namespace (default: the config's {@code rootNamespace}, else {@code istio-system}). */
  @Parameter(property = "ambientlint.rootNamespace")
  String rootNamespace;

  /** GatewayClasses whose Gateways are waypoints, besides Istio's (added to the config's {@code waypointClasses}). */
  @Parameter(property = "ambientlint.waypointClasses")
  List<String> waypointClasses;

  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  File basedir;

  @Parameter(defaultValue = "${project.build.directory}", readonly = true)
  File buildDirectory;

  @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true)
  File executionRoot;

  @Parameter(defaultValue = "${project.modules}", readonly = true)
  List<String> modules;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("ambient-lint: skipped (ambientlint.skip)");
      return;
    }
    Path base = basedir.toPath().toAbsolutePath().normalize();
    if (aggregate()) {
      Path root = executionRoot == null ? base : executionRoot.toPath().toAbsolutePath().normalize();
      if (!root.equals(base)) {
        getLog().info("ambient-lint: skipped in this module; with aggregate the execution root " + root
            + " analyzes the whole reactor");
        return;
      }
    }
    Config config;
    try {
      config = config(base);
    } catch (ConfigException e) {
      throw new MojoExecutionException("ambient-lint: " + Escape.mavenLog(e.getMessage()), e); // quotes the config
    }
    List<String> paths = new ArrayList<>();
    boolean defaultInputs = directories == null || directories.isEmpty();
    for (File directory : defaultInputs ? List.of(basedir) : directories) {
      Path p = directory.toPath().toAbsolutePath().normalize();
      paths.add(p.startsWith(base) ? (p.equals(base) ? "." : base.relativize(p).toString()) : p.toString());
    }
    Config.Builder builder = config.toBuilder();
    for (String path : paths) {
      for (String glob : excludesFor(base, path)) {
        builder.addExclude(glob);
      }
    }
    if (defaultInputs) {
      defaultExcludes(base).forEach(builder::addExclude);
    }
    try {
      config = builder.build();
    } catch (ConfigException e) { // an invalid glob in excludes
      throw new MojoExecutionException("ambient-lint: " + Escape.mavenLog(e.getMessage()), e);
    }

    Analyzer analyzer = new Analyzer(config, RuleRegistry.load(), base);
    if (newSince != null && !newSince.isBlank()) {
      analyzer = analyzer.withoutRendering(); // a Git revision is not rendered: read both sides alike
    }
    AnalysisResult result;
    try {
      result = analyzer.analyze(paths, InputStream.nullInputStream());
      Optional<Baseline> accepted = Optional.empty();
      String baselinePath = null;
      if (config.baseline().isPresent()) {
        Path file = base.resolve(config.baseline().get()).normalize();
        baselinePath = display(base, file);
        accepted = Optional.of(Baseline.read(file, baselinePath));
        result = accepted.get().apply(result, baselinePath);
      }
      if (newSince != null && !newSince.isBlank()) {
        result = RevisionComparison.newSince(analyzer, result, paths, newSince, accepted, baselinePath);
      }
    } catch (ConfigException e) {
      throw new MojoExecutionException("ambient-lint: " + Escape.mavenLog(e.getMessage()), e); // quotes the config
    }
    // Shortened only after the baseline judged every finding: the exit code counts them all.
    result = result.listed(config.maxFindingsPerRule());
    Path sarif = sarifFile.toPath().toAbsolutePath().normalize();
    // URIs relative to the repository root (not the module), so code scanning places the alerts.
    SourceRoot sourceRoot = new SourceRoot(base, SourceRoot.gitWorkTree(base, base));
    write(result, sarif, new SarifReporter(Optional.ofNullable(sarifCategory), sourceRoot), "SARIF");
    if (markdownFile != null) {
      write(result, markdownFile.toPath().toAbsolutePath().normalize(), new MarkdownReporter(), "Markdown");
    }
    if (jsonFile != null) {
      write(result, jsonFile.toPath().toAbsolutePath().normalize(), new JsonReporter(), "JSON");
    }
    log(result, base);
    getLog().info(Escape.mavenLog(TextReporter.summary(result)) + notKubernetes(result) + "; SARIF report: " + sarif);

    FailOn threshold = config.failOn();
    // Findings and unread input fail the build (MojoFailureException); a failed rule is a broken build.
    switch (result.outcome(threshold)) {
      case PASSED -> { }
      case FINDINGS -> throw new MojoFailureException(failureMessage(result, threshold, sarif));
      case INPUT_INCOMPLETE -> throw new MojoFailureException("ambient-lint: "
          + result.notifications().stream().filter(d -> d.kind().isInputLoss()).count()
          + " input(s) could not be read or were over a limit (listed above); everything else was analyzed."
          + " SARIF report: " + sarif);
      case INTERNAL_ERROR -> throw new MojoExecutionException("ambient-lint: a rule failed (listed above); its results are "
          + "incomplete. Please report it with the input that caused it. SARIF report: " + sarif);
      case USAGE_ERROR -> throw new IllegalStateException("a config error is a ConfigException, never an analysis outcome");
    }
  }

  /** {@code ambient-lint: 3 findings at or above error (2 errors, 1 warning, 0 notes); see the SARIF report ...}. */
  static String failureMessage(AnalysisResult result, FailOn threshold, Path sarif) {
    return "ambient-lint: " + Phrases.count(result.failingCount(threshold), "finding") + " at or above "
        + threshold.name().toLowerCase(java.util.Locale.ROOT) + " (" + Phrases.count(result.count(Severity.ERROR), "error")
        + ", " + Phrases.count(result.count(Severity.WARNING), "warning") + ", " + Phrases.count(result.count(Severity.NOTE), "note")
        + "); see the build output above or the SARIF report " + sarif;
  }

  /** Whether this goal analyzes the whole reactor (the {@code aggregate} goal always does). */
  boolean aggregate() {
    return aggregate;
  }

  /**
   * What the default inputs leave out: GitHub workflows, and of this project (with {@code aggregate}, of every
   * Maven project under it) the build directory and, in a Java project, its resources (application.yaml and
   * the like are not Kubernetes manifests).
   */
  private List<String> defaultExcludes(Path base) throws MojoExecutionException {
    List<String> globs = new ArrayList<>(List.of(".github/**"));
    if (buildDirectory != null) {
      Path build = buildDirectory.toPath().toAbsolutePath().normalize();
      if (build.startsWith(base) && !build.equals(base)) {
        globs.add(Globs.literal(base.relativize(build).toString().replace(File.separatorChar, '/')) + "/**");
      }
    }
    List<Path> projects = new ArrayList<>(List.of(base));
    if (aggregate()) {
      try {
        projects.addAll(Globs.mavenProjectsUnder(base));
      } catch (IOException e) {
        throw new MojoExecutionException("ambient-lint: cannot list " + base + ": " + e.getMessage(), e);
      }
    }
    for (Path project : projects) {
      String prefix = project.equals(base) ? ""
          : Globs.literal(base.relativize(project).toString().replace(File.separatorChar, '/')) + "/";
      if (!project.equals(base)) {
        globs.add(prefix + "target/**"); // the modules' build directories, at Maven's default place
      }
      if (Files.isDirectory(project.resolve("src/main/java")) || Files.isDirectory(project.resolve("src/test/java"))) {
        globs.add(prefix + "src/main/resources/**");
      }
    }
    return globs;
  }

  /** {@code ; not Kubernetes objects, not analyzed: 3 documents (-X lists them)}, or nothing. */
  private static String notKubernetes(AnalysisResult result) {
    int count = result.notificationsOf(Diagnostic.Kind.NOT_A_RESOURCE).size()
        + result.notificationsOf(Diagnostic.Kind.NOT_KUBERNETES).size();
    return count == 0 ? "" : "; not Kubernetes objects, not analyzed: " + Phrases.count(count, "document") + " (-X lists them)";
  }

  private Config config(Path base) {
    Config.Builder builder = Config.builder().repositoryRoot(base)
        .knownRuleIds(RuleRegistry.load().metadata().stream().map(m -> m.id()).collect(java.util.stream.Collectors.toSet()));
    Config config;
    if (configFile != null) {
      Path file = configFile.toPath().toAbsolutePath().normalize();
      if (!Files.isRegularFile(file)) {
        throw new ConfigException(configFile + ": config file not found");
      }
      config = ConfigLoader.load(file, display(base, file), builder);
    } else if (Files.isRegularFile(base.resolve(ConfigLoader.DEFAULT_FILE))) {
      config = ConfigLoader.load(base.resolve(ConfigLoader.DEFAULT_FILE), ConfigLoader.DEFAULT_FILE, builder);
    } else {
      config = builder.build();
    }
    Config.Builder b = config.toBuilder();
    if (failOn != null && !failOn.isBlank()) {
      b.failOn(FailOn.parse(failOn).orElseThrow(() ->
          new ConfigException("failOn must be one of error, warning, note, none; got \"" + failOn + "\"")));
    }
    if (baseline != null) {
      b.baseline(baseline.toPath().toAbsolutePath().normalize().toString());
    }
    if (rootNamespace != null && !rootNamespace.isBlank()) {
      b.rootNamespace(rootNamespace);
    }
    if (waypointClasses != null) {
      waypointClasses.forEach(b::addWaypointClass);
    }
    return b.build();
  }

  /** The user's excludes, the modules of an aggregator, and what {@code includes} leaves out, under one root. */
  private List<String> excludesFor(Path base, String path) throws MojoExecutionException {
    Path root = base.resolve(path).normalize();
    String prefix = path.equals(".") ? "" : path.replace(File.separatorChar, '/') + "/";
    List<String> globs = new ArrayList<>();
    for (String glob : excludes == null ? List.<String>of() : excludes) {
      globs.add(prefix + glob);
    }
    if (root.equals(base) && modules != null && !aggregate()) {
      for (String module : modules) {
        globs.add(Globs.literal(Path.of(module).normalize().toString().replace(File.separatorChar, '/')) + "/**");
      }
    }
    if (configFile != null) {
      Path config = configFile.toPath().toAbsolutePath().normalize();
      if (config.startsWith(root)) {
        globs.add(Globs.literal(prefix + root.relativize(config).toString().replace(File.separatorChar, '/')));
      }
    }
    if (includes != null && !includes.isEmpty()) {
      try {
        for (String file : Globs.filesNotIncluded(root, includes)) {
          globs.add(Globs.literal(prefix + file));
        }
      } catch (IOException e) {
        throw new MojoExecutionException("ambient-lint: cannot list " + root + ": " + Escape.mavenLog(String.valueOf(e.getMessage())), e);
      }
    }
    return globs;
  }

  private static String display(Path base, Path file) {
    return file.startsWith(base) ? base.relativize(file).toString() : file.toString();
  }

  private static void write(AnalysisResult result, Path file, Reporter reporter, String format)
      throws MojoExecutionException {
    try {
      ReportFiles.write(file, out -> reporter.write(result, out)); // never a truncated report
    } catch (IOException e) {
      throw new MojoExecutionException("ambient-lint: cannot write the " + format + " report " + file + ": "
          + Escape.mavenLog(String.valueOf(e.getMessage())), e);
    }
  }

  /**
   * Findings as compiler-style lines with absolute paths, so IDE consoles link them. Names, file names and
   * messages come from the analyzed files: each is escaped for the build log (Escape.mavenLog).
   */
  private void log(AnalysisResult result, Path base) {
    Log log = getLog();
    if (consoleOutput) {
      for (Finding f : result.activeFindings()) {
        StringBuilder line = new StringBuilder()
            .append(Escape.mavenLog(absolute(base, f.location().path()))).append(':')
            .append(f.location().position().line()).append(':').append(f.location().position().column()).append(": ")
            .append(f.ruleId()).append(' ').append(Escape.mavenLog(f.message())).append(" [").append(f.rule().name()).append(']');
        for (RelatedLocation r : f.related()) {
          line.append(System.lineSeparator()).append("    ")
              .append(Escape.mavenLog(absolute(base, r.location().path())))
              .append(':').append(r.location().position().line()).append(": ").append(Escape.mavenLog(r.message()));
        }
        switch (f.severity()) {
          case ERROR -> log.error(line);
          case WARNING -> log.warn(line);
          case NOTE -> log.info(line);
        }
      }
    }
    for (Diagnostic d : result.notifications()) {
      String line = (d.path().isEmpty() ? "ambient-lint" : Escape.mavenLog(absolute(base, d.path()) + ":" + d.position()))
          + ": " + Escape.mavenLog(d.message());
      switch (d.kind()) {
        case SKIPPED, NOT_A_RESOURCE, NOT_KUBERNETES -> log.debug(line); // counted in the summary line instead
        case UNREADABLE, RULE_FAILURE -> log.error(line);
        default -> log.warn(line);
      }
    }
  }

  /** A reported file as an absolute path, for IDE consoles; its name may be one the locale cannot encode. */
  private static String absolute(Path base, String path) {
    try {
      return base.resolve(path).normalize().toString();
    } catch (java.nio.file.InvalidPathException e) {
      return base + File.separator + path;
    }
  }
}
