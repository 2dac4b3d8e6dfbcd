package io.ambientlint.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
    CommandLine cli = AmbientLintCommand.commandLine(env);
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    return cli.execute(withDefaultCommand(cli, args));
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
