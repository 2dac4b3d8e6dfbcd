package io.ambientlint.maven;

import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.Analyzer;
import io.ambientlint.core.baseline.Baseline;
import io.ambientlint.core.config.Config;
import io.ambientlint.core.config.ConfigException;
import io.ambientlint.core.config.ConfigLoader;
import io.ambientlint.core.config.FailOn;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.report.SarifReporter;
import io.ambientlint.core.report.TextReporter;
import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.rule.RelatedLocation;
import io.ambientlint.core.rule.RuleRegistry;
import io.ambientlint.core.rule.Severity;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * or above {@code failOn}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true)
public final class CheckMojo extends AbstractMojo {

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

  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  File basedir;

  @Parameter(defaultValue = "${project.modules}", readonly = true)
  List<String> modules;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("ambient-lint: skipped (ambientlint.skip)");
      return;
    }
    Path base = basedir.toPath().toAbsolutePath().normalize();
    Config config;
    try {
      config = config(base);
    } catch (ConfigException e) {
      throw new MojoExecutionException("ambient-lint: " + e.getMessage(), e);
    }
    List<String> paths = new ArrayList<>();
    for (File directory : directories == null || directories.isEmpty() ? List.of(basedir) : directories) {
      Path p = directory.toPath().toAbsolutePath().normalize();
      paths.add(p.startsWith(base) ? (p.equals(base) ? "." : base.relativize(p).toString()) : p.toString());
    }
    Config.Builder builder = config.toBuilder();
    for (String path : paths) {
      for (String glob : excludesFor(base, path)) {
        builder.addExclude(glob);
      }
    }
    config = builder.build();

    AnalysisResult result;
    try {
      result = new Analyzer(config, RuleRegistry.load(), base).analyze(paths, InputStream.nullInputStream());
    } catch (ConfigException e) { // an invalid exclude glob, say
      throw new MojoExecutionException("ambient-lint: " + e.getMessage(), e);
    }
    if (config.baseline().isPresent()) {
      Path file = base.resolve(config.baseline().get()).normalize();
      try {
        result = Baseline.read(file, display(base, file)).apply(result, display(base, file));
      } catch (ConfigException e) {
        throw new MojoExecutionException("ambient-lint: " + e.getMessage(), e);
      }
    }
    // Shortened only after the baseline judged every finding: the exit code counts them all.
    result = result.listed(config.maxFindingsPerRule());
    Path sarif = sarifFile.toPath().toAbsolutePath().normalize();
    writeSarif(result, sarif);
    log(result, base);
    getLog().info(TextReporter.summary(result) + "; SARIF report: " + sarif);

    FailOn threshold = config.failOn();
    switch (result.exitCode(threshold)) {
      case AnalysisResult.EXIT_OK -> { }
      case AnalysisResult.EXIT_FINDINGS -> throw new MojoFailureException(failureMessage(result, threshold, sarif));
      case AnalysisResult.EXIT_UNREADABLE_INPUT -> throw new MojoFailureException("ambient-lint: "
          + result.notifications().stream().filter(d -> d.kind().isInputLoss()).count()
          + " input(s) could not be read or were over a limit (listed above); everything else was analyzed."
          + " SARIF report: " + sarif);
      default -> throw new MojoExecutionException("ambient-lint: a rule failed (listed above); its results are "
          + "incomplete. Please report it with the input that caused it. SARIF report: " + sarif);
    }
  }

  /** {@code ambient-lint: 3 findings at or above error (2 errors, 1 warning, 0 notes); see the SARIF report ...}. */
  static String failureMessage(AnalysisResult result, FailOn threshold, Path sarif) {
    return "ambient-lint: " + plural(result.failingCount(threshold), "finding") + " at or above "
        + threshold.name().toLowerCase(java.util.Locale.ROOT) + " (" + plural(result.count(Severity.ERROR), "error")
        + ", " + plural(result.count(Severity.WARNING), "warning") + ", " + plural(result.count(Severity.NOTE), "note")
        + "); see the build output above or the SARIF report " + sarif;
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
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
    if (root.equals(base) && modules != null) {
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
        throw new MojoExecutionException("ambient-lint: cannot list " + root + ": " + e.getMessage(), e);
      }
    }
    return globs;
  }

  private static String display(Path base, Path file) {
    return file.startsWith(base) ? base.relativize(file).toString() : file.toString();
  }

  private static void writeSarif(AnalysisResult result, Path sarif) throws MojoExecutionException {
    try {
      if (sarif.getParent() != null) {
        Files.createDirectories(sarif.getParent());
      }
      try (Writer out = Files.newBufferedWriter(sarif, StandardCharsets.UTF_8)) {
        new SarifReporter().write(result, out);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("ambient-lint: cannot write the SARIF report " + sarif + ": " + e.getMessage(), e);
    }
  }

  /** Findings as compiler-style lines with absolute paths, so IDE consoles link them. */
  private void log(AnalysisResult result, Path base) {
    Log log = getLog();
    if (consoleOutput) {
      for (Finding f : result.activeFindings()) {
        StringBuilder line = new StringBuilder()
            .append(base.resolve(f.location().path()).normalize()).append(':')
            .append(f.location().position().line()).append(':').append(f.location().position().column()).append(": ")
            .append(f.ruleId()).append(' ').append(f.message()).append(" [").append(f.rule().name()).append(']');
        for (RelatedLocation r : f.related()) {
          line.append(System.lineSeparator()).append("    ").append(base.resolve(r.location().path()).normalize())
              .append(':').append(r.location().position().line()).append(": ").append(r.message());
        }
        switch (f.severity()) {
          case ERROR -> log.error(line);
          case WARNING -> log.warn(line);
          case NOTE -> log.info(line);
        }
      }
    }
    for (Diagnostic d : result.notifications()) {
      String line = (d.path().isEmpty() ? "ambient-lint" : base.resolve(d.path()).normalize() + ":" + d.position())
          + ": " + d.message();
      switch (d.kind()) {
        case SKIPPED -> log.debug(line);
        case UNREADABLE, RULE_FAILURE -> log.error(line);
        default -> log.warn(line);
      }
    }
  }
}
