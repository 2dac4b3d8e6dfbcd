package io.ambientlint.cli;

import io.ambientlint.core.Outcome;
import io.ambientlint.core.text.Escape;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;

/** Entry point of {@code ambient-lint}: {@code check} is the default command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = run(args, System.in, System.out, System.err, Path.of("").toAbsolutePath());
    System.exit(code);
  }

  /** Runs the command line against the given streams and working directory; returns the exit code. */
  public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err, Path workingDirectory) {
    Environment env = new Environment(stdin, out, err, workingDirectory);
    boolean debug = List.of(args).contains("--debug");
    CommandLine cli = AmbientLintCommand.commandLine(env, debug);
    PrintWriter errors = new PrintWriter(err, true, StandardCharsets.UTF_8);
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(errors);
    Optional<String> unknown = unknownCommand(cli, args, workingDirectory);
    if (unknown.isPresent()) {
      errors.println("ambient-lint: " + Escape.stderr(unknown.get()));
      return ExitCodes.of(Outcome.USAGE_ERROR);
    }
    try {
      return cli.execute(withDefaultCommand(cli, args));
    } catch (OutOfMemoryError | StackOverflowError e) {
      // Errors pass picocli's handler. The input is what costs memory or stack here: exit 3, "over a limit".
      boolean memory = e instanceof OutOfMemoryError;
      errors.println("ambient-lint: " + (memory
          ? "out of memory: the input needs more than the Java heap; lower the limits (limits: in the config) or"
              + " give Java more heap (-Xmx)"
          : "the input is nested too deeply to analyze (stack overflow); lower limits.maxDepth")
          + (debug ? "" : " (run with --debug for the stack trace)"));
      if (debug) {
        e.printStackTrace(errors);
      }
      errors.flush();
      return ExitCodes.of(Outcome.INPUT_INCOMPLETE);
    }
  }

  /** A message on one line: user-controlled text must not start lines of its own on stderr. */
  static String oneLine(String message) {
    return message.replaceAll("[\\r\\n]+", " ");
  }

  /**
   * A first argument that is not a command, not an option and not an existing file or folder is a misspelt
   * command ({@code chek}), not a path to analyze: says so, with the closest command.
   */
  static Optional<String> unknownCommand(CommandLine cli, String[] args, Path workingDirectory) {
    // "@file" is picocli's argument file
    if (args.length == 0 || args[0].startsWith("-") || args[0].startsWith("@") || cli.getSubcommands().containsKey(args[0])) {
      return Optional.empty();
    }
    try {
      if (Files.exists(workingDirectory.resolve(args[0]))) {
        return Optional.empty();
      }
    } catch (InvalidPathException e) {
      // not a path on this system either
    }
    List<String> suggestions = new CommandLine.UnmatchedArgumentException(cli, List.of(args[0])).getSuggestions();
    String commands = String.join(", ", new TreeSet<>(cli.getSubcommands().keySet()));
    return Optional.of("'" + args[0] + "' is neither a command nor an existing file or folder"
        + (suggestions.isEmpty() ? "" : "; did you mean '" + suggestions.get(0) + "'?")
        + " Commands: " + commands + "; to analyze a path, it must exist.");
  }

  /** {@code ambient-lint manifests/} means {@code ambient-lint check manifests/}. */
  static String[] withDefaultCommand(CommandLine cli, String[] args) {
    Set<String> topLevel = Set.of("-h", "--help", "-V", "--version");
    if (args.length > 0 && (cli.getSubcommands().containsKey(args[0]) || topLevel.contains(args[0]))) {
      return args;
    }
    List<String> out = new ArrayList<>();
    out.add("check");
    out.addAll(List.of(args));
    return out.toArray(String[]::new);
  }
}
