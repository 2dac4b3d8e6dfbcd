package io.ambientlint.cli;

import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.Analyzer;
import io.ambientlint.core.baseline.Baseline;
import io.ambientlint.core.baseline.RevisionComparison;
import io.ambientlint.core.config.Config;
import io.ambientlint.core.config.ConfigException;
import io.ambientlint.core.config.FailOn;
import io.ambientlint.core.load.RepositoryLoader;
import io.ambientlint.core.report.GithubAnnotationsReporter;
import io.ambientlint.core.report.SourceRoot;
import io.ambientlint.core.report.ReportFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ambient-lint check}: analyze manifests and report findings. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Analyze manifests and report where the ambient mesh configuration will not behave as written.")
public final class CheckCommand implements Callable<Integer>, AmbientLintCommand.NeedsEnvironment {

  @Mixin
  AnalysisOptions analysis = new AnalysisOptions();

  @Parameters(paramLabel = "PATH", description = "Files or folders to analyze, '-' for standard input (default: .).")
  List<String> paths = new ArrayList<>();

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
      description = "Report format: ${COMPLETION-CANDIDATES} (repeatable; pair each with an --output, only one may "
          + "go to standard output; default: text).")
  List<OutputFormat> formats = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the report of the --format at the same position to FILE ('-' for standard output).")
  List<String> outputs = new ArrayList<>();

  @Option(names = "--sarif-category", paramLabel = "CATEGORY",
      description = "Category of the SARIF run (automationDetails.id), to keep several ambient-lint uploads for one "
          + "commit apart (matrix jobs, modules). Without it the SARIF has none and upload-sarif's category applies.")
  String sarifCategory;

  @Option(names = "--source-root", paramLabel = "DIR",
      description = "Repository root that SARIF, JUnit, GitLab and checkstyle paths are relative to (default: the "
          + "Git work tree holding the first PATH, else the working directory).")
  Path sourceRoot;

  @Option(names = "--fail-on", paramLabel = "LEVEL",
      description = "Exit 1 when a finding is at or above LEVEL: error, warning, note or none (default: error).")
  String failOn;

  @Option(names = "--verbose",
      description = "Text output also lists, one line each, the files that are not Kubernetes manifests (CI configs, "
          + "package.json, Helm values); otherwise the summary line counts them. JSON and SARIF always list them.")
  boolean verbose;

  @Option(names = "--github-annotations",
      description = "Also print each finding as a GitHub Actions workflow command (::error file=...,line=...::...) on standard output.")
  boolean githubAnnotations;

  @Option(names = "--link-base", paramLabel = "URL",
      description = "Prefix of the file links in Markdown output, e.g. https://github.com/OWNER/REPO/blob/SHA/ (default: links relative to the repository).")
  String linkBase = "";

  @Option(names = "--baseline", paramLabel = "FILE",
      description = "Findings recorded in FILE (by --write-baseline) are reported as suppressed and do not fail the "
          + "run; entries nothing matches any more are listed as fixed (default: the config's baseline key).")
  String baseline;

  @Option(names = "--write-baseline", paramLabel = "FILE",
      description = "Record every current finding in FILE (sorted JSON, no line numbers) and treat them as accepted.")
  String writeBaseline;

  @Option(names = "--new-since", paramLabel = "GIT_REF",
      description = "Also analyze the same paths at GIT_REF (read from Git, no checkout) and report what the working "
          + "tree introduces, fixes and leaves unchanged; only introduced findings fail the run.")
  String newSince;

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
    if (failOn != null) {
      config = config.toBuilder().failOn(FailOn.parse(failOn).orElseThrow(() ->
          new ConfigException("--fail-on must be one of error, warning, note, none; got \"" + failOn + "\""))).build();
    }
    if (outputs.size() > Math.max(1, formats.size())) {
      throw new ConfigException("more --output than --format options: pair each --output with a --format");
    }
    List<OutputFormat> effective = formats.isEmpty() ? List.of(OutputFormat.text) : formats;
    List<String> toStdout = new ArrayList<>();
    for (int i = 0; i < effective.size(); i++) {
      if (i >= outputs.size() || outputs.get(i).equals("-")) {
        toStdout.add(effective.get(i).name());
      }
    }
    if (toStdout.size() > 1) {
      throw new ConfigException("only one report can go to standard output, got " + String.join(", ", toStdout)
          + ": give the others an --output FILE (the --output at the same position as its --format)");
    }
    for (String output : outputs) {
      requireWritableFile("--output", output);
    }
    if (writeBaseline != null) {
      requireWritableFile("--write-baseline", writeBaseline);
    }
    SourceRoot root = sourceRoot();
    String baselinePath = writeBaseline != null ? writeBaseline : baseline != null ? baseline : config.baseline().orElse(null);
    Optional<Baseline> accepted = writeBaseline == null && baselinePath != null
        ? Optional.of(Baseline.read(env.workingDirectory().resolve(baselinePath), baselinePath))
        : Optional.empty();
    Analyzer analyzer = analysis.analyzer(config);
    if (newSince != null) {
      analyzer = analyzer.withoutRendering(); // a Git revision is not rendered: read both sides alike
    }
    AnalysisResult result = analyzer.analyze(analysis.paths(), env.stdin());
    if (writeBaseline != null) {
      accepted = Optional.of(Baseline.of(result));
      String baselineJson = accepted.get().toJson();
      // Atomically, like the reports: an interrupted run leaves the previous baseline, never a truncated one.
      ReportFiles.write(env.workingDirectory().resolve(writeBaseline), out -> out.write(baselineJson));
    }
    if (accepted.isPresent()) {
      result = accepted.get().apply(result, baselinePath);
    }
    if (newSince != null) {
      result = RevisionComparison.newSince(analyzer, result, analysis.paths(), newSince, accepted, baselinePath);
    }
    // Only now, with every finding judged, may the list be shortened: the exit code counts them all.
    result = result.listed(config.maxFindingsPerRule());
    for (int i = 0; i < effective.size(); i++) {
      String output = i < outputs.size() ? outputs.get(i) : "-";
      write(result, effective.get(i), output, root);
    }
    if (githubAnnotations) {
      Writer out = new OutputStreamWriter(env.out(), StandardCharsets.UTF_8);
      new GithubAnnotationsReporter().write(result, out);
      out.flush();
    }
    return ExitCodes.of(result.outcome(config.failOn()));
  }

  /** {@code --source-root}, else the Git work tree holding the first path, else the working directory. */
  private SourceRoot sourceRoot() {
    Path cwd = env.workingDirectory();
    if (sourceRoot != null) {
      Path dir = cwd.resolve(sourceRoot);
      if (!Files.isDirectory(dir)) {
        throw new ConfigException("--source-root " + sourceRoot + ": no such folder");
      }
      return new SourceRoot(cwd, dir);
    }
    String first = analysis.paths().get(0);
    Path start = first.equals(RepositoryLoader.STDIN) ? cwd : cwd.resolve(first);
    return new SourceRoot(cwd, SourceRoot.gitWorkTree(start, cwd));
  }

  /** A user mistake, found before the analysis runs: a folder (or a path through a file) where a file must go. */
  private void requireWritableFile(String option, String output) {
    if (output.equals("-")) {
      return;
    }
    Path file = env.workingDirectory().resolve(output);
    if (Files.isDirectory(file)) {
      throw new ConfigException(option + " " + output + ": is a folder; give the name of a file to write");
    }
    for (Path p = file.getParent(); p != null; p = p.getParent()) {
      if (Files.exists(p)) {
        if (!Files.isDirectory(p)) {
          throw new ConfigException(option + " " + output + ": " + env.workingDirectory().relativize(p)
              + " is a file, not a folder");
        }
        break;
      }
    }
  }

  private void write(AnalysisResult result, OutputFormat format, String output, SourceRoot root) throws IOException {
    Optional<String> category = Optional.ofNullable(sarifCategory);
    if (output.equals("-")) {
      Writer out = new OutputStreamWriter(env.out(), StandardCharsets.UTF_8);
      format.reporter(env.colour(), verbose, linkBase, category, root).write(result, out);
      out.flush();
      return;
    }
    // Atomically: a kill or a failure leaves the previous report, never a truncated one.
    ReportFiles.write(env.workingDirectory().resolve(output),
        out -> format.reporter(false, verbose, linkBase, category, root).write(result, out));
  }
}
