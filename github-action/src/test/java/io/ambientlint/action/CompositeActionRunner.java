package io.ambientlint.action;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Runs the steps of {@code action.yml} the way the runner runs a composite action: inputs with their defaults,
 * each step's {@code if} and {@code env} expressions evaluated against the inputs, the {@code github} context
 * and the outputs of earlier steps, each {@code run} under {@code bash --noprofile --norc -eo pipefail} with its
 * own {@code GITHUB_OUTPUT} file, and the job stopped at the first failing step. Steps that {@code uses} another
 * action (setup-java, cache) are skipped: the test supplies Java, and the cache always misses. Expressions are
 * the subset action.yml uses: context paths, {@code ==}, {@code !=} against a string, and {@code &&}.
 */
final class CompositeActionRunner {

  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*}}");
  private static final Pattern COMPARISON = Pattern.compile("([\\w.-]+)\\s*(==|!=)\\s*'([^']*)'");

  record Result(int exitCode, String out, String err, List<String> stepsRun, Map<String, Map<String, String>> outputs) {}

  private final Path actionDir;
  private final Map<String, Object> action;

  @SuppressWarnings("unchecked")
  CompositeActionRunner(Path actionDir) throws IOException {
    this.actionDir = actionDir.toAbsolutePath().normalize();
    LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(false).build();
    this.action = (Map<String, Object>) new Load(settings)
        .loadFromString(Files.readString(this.actionDir.resolve("action.yml"), StandardCharsets.UTF_8));
  }

  /**
   * @param given the workflow's {@code with:} values
   * @param github the {@code github} context ({@code action_ref}, {@code action_repository})
   * @param env the job's environment (PATH, RUNNER_TEMP, GITHUB_*)
   */
  @SuppressWarnings("unchecked")
  Result run(Map<String, String> given, Map<String, String> github, Map<String, String> env, Path workspace, Path tmp)
      throws IOException, InterruptedException {
    Map<String, String> inputs = new HashMap<>();
    for (Map.Entry<String, Object> input : ((Map<String, Object>) action.get("inputs")).entrySet()) {
      Object fallback = ((Map<String, Object>) input.getValue()).get("default");
      inputs.put(input.getKey(), given.getOrDefault(input.getKey(), fallback == null ? "" : fallback.toString()));
    }
    Map<String, Map<String, String>> outputs = new LinkedHashMap<>();
    Map<String, String> outcomes = new HashMap<>();
    List<String> stepsRun = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    int index = 0;
    for (Object raw : (List<Object>) ((Map<String, Object>) action.get("runs")).get("steps")) {
      Map<String, Object> step = (Map<String, Object>) raw;
      String id = step.containsKey("id") ? step.get("id").toString() : "__" + index;
      index++;
      Context context = new Context(inputs, github, outputs, outcomes);
      if (step.containsKey("if") && !context.condition(step.get("if").toString())) {
        outcomes.put(id, "skipped");
        continue;
      }
      if (!step.containsKey("run")) {
        outcomes.put(id, "skipped"); // another action: not run here
        continue;
      }
      stepsRun.add(id);
      Path outputFile = Files.createTempFile(tmp, "github_output", "");
      Path stdout = tmp.resolve("stdout-" + id);
      Path stderr = tmp.resolve("stderr-" + id);
      ProcessBuilder pb = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
          step.get("run").toString()).directory(workspace.toFile());
      pb.environment().keySet().removeIf(k -> k.startsWith("GITHUB_") || k.startsWith("INPUT_") || k.startsWith("AMBIENT_LINT"));
      pb.environment().putAll(env);
      pb.environment().put("GITHUB_ACTION_PATH", actionDir.toString());
      pb.environment().put("GITHUB_OUTPUT", outputFile.toString());
      for (Map.Entry<String, Object> e : ((Map<String, Object>) step.getOrDefault("env", Map.of())).entrySet()) {
        pb.environment().put(e.getKey(), context.substitute(e.getValue().toString()));
      }
      pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
      Process p = pb.start();
      if (!p.waitFor(180, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("step " + id + " did not finish");
      }
      out.append(Files.readString(stdout));
      err.append(Files.readString(stderr));
      outputs.put(id, readOutputs(outputFile));
      outcomes.put(id, p.exitValue() == 0 ? "success" : "failure");
      if (p.exitValue() != 0) {
        return new Result(p.exitValue(), out.toString(), err.toString(), stepsRun, outputs);
      }
    }
    return new Result(0, out.toString(), err.toString(), stepsRun, outputs);
  }

  private static Map<String, String> readOutputs(Path file) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        values.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return values;
  }

  private record Context(Map<String, String> inputs, Map<String, String> github,
      Map<String, Map<String, String>> outputs, Map<String, String> outcomes) {

    String value(String path) {
      String[] parts = path.split("\\.");
      return switch (parts[0]) {
        case "inputs" -> inputs.getOrDefault(parts[1], "");
        case "github" -> github.getOrDefault(parts[1], "");
        case "steps" -> parts[2].equals("outcome") ? outcomes.getOrDefault(parts[1], "")
            : outputs.getOrDefault(parts[1], Map.of()).getOrDefault(parts[3], "");
        default -> throw new IllegalArgumentException("context not supported by this test runner: " + path);
      };
    }

    String substitute(String text) {
      Matcher m = EXPRESSION.matcher(text);
      StringBuilder b = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(b, Matcher.quoteReplacement(value(m.group(1))));
      }
      return m.appendTail(b).toString();
    }

    boolean condition(String expression) {
      for (String term : expression.split("&&")) {
        Matcher m = COMPARISON.matcher(term.trim());
        if (!m.matches()) {
          throw new IllegalArgumentException("condition not supported by this test runner: " + term);
        }
        boolean equal = value(m.group(1)).equals(m.group(3));
        if (equal != m.group(2).equals("==")) {
          return false;
        }
      }
      return true;
    }
  }
}
