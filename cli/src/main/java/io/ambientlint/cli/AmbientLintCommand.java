package io.ambientlint.cli;

import io.ambientlint.core.Outcome;
import io.ambientlint.core.ToolInfo;
import io.ambientlint.core.config.ConfigException;
import io.ambientlint.core.text.Escape;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command; its subcommands do the work. */
@Command(name = "ambient-lint",
    mixinStandardHelpOptions = true,
    versionProvider = AmbientLintCommand.Version.class,
    description = {
        "Offline linter for Istio ambient mesh configuration in GitOps repositories.",
        "Builds the waypoint / route / policy graph of the manifests and reports where it will not do what "
            + "its authors expect. Without a command, runs 'check'."},
    footer = {"", "Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage or config "
        + "error; 3 some input could not be read or was over a limit; 4 internal error."},
    exitCodeListHeading = "",
    subcommands = {CheckCommand.class, ExplainCommand.class, GraphCommand.class, RenderCommand.class, RulesCommand.class,
        UnitsCommand.class, CommandLine.HelpCommand.class})
public final class AmbientLintCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Read by {@link Main} before parsing (it decides how failures are printed); declared here for help and parsing. */
  @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
      description = "On an internal error, print the stack trace (default: a one-line message).")
  boolean debug;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static CommandLine commandLine(Environment env) {
    return commandLine(env, false);
  }

  /** {@code debug}: print stack traces of internal errors (else one line, and a hint to use --debug). */
  static CommandLine commandLine(Environment env, boolean debug) {
    CommandLine cli = new CommandLine(new AmbientLintCommand(), new EnvironmentFactory(env));
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof ConfigException) {
        commandLine.getErr().println("ambient-lint: " + Escape.stderr(e.getMessage())); // quotes the PR's config
        return ExitCodes.of(Outcome.USAGE_ERROR);
      }
      commandLine.getErr().println("ambient-lint: internal error: " + e.getClass().getName()
          + (e.getMessage() == null ? "" : ": " + Main.oneLine(e.getMessage()))
          + (debug ? "" : " (run with --debug for the stack trace; please report it)"));
      if (debug) {
        e.printStackTrace(commandLine.getErr());
      }
      return ExitCodes.of(Outcome.INTERNAL_ERROR);
    });
    cli.setParameterExceptionHandler((e, args) -> {
      e.getCommandLine().getErr().println("ambient-lint: " + Escape.stderr(e.getMessage()));
      e.getCommandLine().usage(e.getCommandLine().getErr());
      return ExitCodes.of(Outcome.USAGE_ERROR);
    });
    return cli;
  }

  /** Gives commands the {@link Environment}. */
  static final class EnvironmentFactory implements CommandLine.IFactory {
    private final Environment env;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    EnvironmentFactory(Environment env) {
      this.env = env;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      K object = fallback.create(cls);
      if (object instanceof NeedsEnvironment n) {
        n.environment(env);
      }
      return object;
    }
  }

  /** A command or mixin that reads the process's streams or working directory. */
  interface NeedsEnvironment {
    void environment(Environment env);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {ToolInfo.NAME + " " + ToolInfo.VERSION};
    }
  }
}
