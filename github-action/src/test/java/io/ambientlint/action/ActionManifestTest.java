package io.ambientlint.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Reads {@code action.yml} the way the runner does: as YAML 1.2 (snakeyaml-engine's core schema, strict about
 * duplicate keys), then checks the action metadata GitHub requires and that every input reaches the script.
 * The entry-script tests run {@code entrypoint.sh} directly and never see this file, so a plain scalar with
 * {@code ": "} in it once made the whole Action unloadable without any test failing.
 */
class ActionManifestTest {

  private static final Path ACTION = Path.of("action.yml");
  private static final Path SCRIPT = Path.of("entrypoint.sh");

  private static Map<String, Object> action;
  private static String script;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void parse() throws IOException {
    String text = Files.readString(ACTION, StandardCharsets.UTF_8);
    LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(false).setLabel("action.yml").build();
    action = (Map<String, Object>) new Load(settings).loadFromString(text);
    script = Files.readString(SCRIPT, StandardCharsets.UTF_8);
  }

  @Test
  void isValidYamlWithTheKeysGitHubRequires() {
    assertThatCode(ActionManifestTest::parse).doesNotThrowAnyException();
    assertThat(action).containsKeys("name", "description", "inputs", "outputs", "runs");
    assertThat(action.get("name")).isInstanceOf(String.class);
    assertThat(action.get("description")).isInstanceOf(String.class);
    assertThat(map(action, "runs")).containsEntry("using", "composite");
  }

  @Test
  void everyInputAndOutputHasADescriptionThatIsText() {
    for (Map.Entry<String, Object> input : map(action, "inputs").entrySet()) {
      Map<String, Object> spec = asMap(input.getValue());
      assertThat(spec.get("description")).as("description of input %s", input.getKey()).isInstanceOf(String.class);
      assertThat(spec.get("default")).as("default of input %s (a string, as the runner passes it)", input.getKey())
          .satisfiesAnyOf(d -> assertThat(d).isNull(), d -> assertThat(d).isInstanceOf(String.class));
    }
    for (Map.Entry<String, Object> output : map(action, "outputs").entrySet()) {
      Map<String, Object> spec = asMap(output.getValue());
      assertThat(spec.get("description")).as("description of output %s", output.getKey()).isInstanceOf(String.class);
      assertThat(spec.get("value")).as("value of output %s", output.getKey()).isInstanceOf(String.class);
    }
  }

  @Test
  void everyInputReachesTheEntryScriptOrAStep() {
    List<Map<String, Object>> steps = steps();
    for (String input : map(action, "inputs").keySet()) {
      String expression = "${{ inputs." + input + " }}";
      String variable = "INPUT_" + input.toUpperCase(Locale.ROOT).replace('-', '_');
      boolean passedToScript = steps.stream()
          .anyMatch(step -> expression.equals(asMap(step.getOrDefault("env", Map.of())).get(variable)));
      boolean usedByAStep = steps.stream().anyMatch(step -> String.valueOf(step).contains(expression)
          && !step.containsKey("env"));
      assertThat(passedToScript || usedByAStep).as("input %s is used", input).isTrue();
      if (passedToScript) {
        assertThat(script).as("entrypoint.sh reads %s", variable).contains("${" + variable);
      }
    }
  }

  @Test
  void everyOutputIsWrittenByTheEntryScript() {
    for (Map.Entry<String, Object> output : map(action, "outputs").entrySet()) {
      assertThat(asMap(output.getValue()).get("value"))
          .isEqualTo("${{ steps.lint.outputs." + output.getKey() + " }}");
      assertThat(script).as("entrypoint.sh writes output %s", output.getKey())
          .contains("echo \"" + output.getKey() + "=");
    }
  }

  @Test
  void compositeRunStepsDeclareAShell() {
    for (Map<String, Object> step : steps()) {
      if (step.containsKey("run")) {
        assertThat(step).as("step %s", step.get("name")).containsKey("shell");
      } else {
        assertThat(step).as("step %s", step.get("name")).containsKey("uses");
      }
    }
  }

  @Test
  void otherActionsArePinnedByFullCommitShaWithTheirVersionInAComment() throws IOException {
    List<String> lines = Files.readAllLines(ACTION, StandardCharsets.UTF_8);
    List<String> uses = steps().stream().filter(step -> step.containsKey("uses")).map(step -> step.get("uses").toString()).toList();
    assertThat(uses).isNotEmpty();
    for (String use : uses) {
      assertThat(use).as("uses %s", use).matches("[\\w.-]+/[\\w./-]+@[0-9a-f]{40}");
      assertThat(lines).as("the line of %s names its version", use)
          .anyMatch(line -> line.trim().matches("uses: " + java.util.regex.Pattern.quote(use) + " # v\\d+(\\.\\d+)*"));
    }
  }

  @Test
  void theRepositorysWorkflowsPinTheirActionsTheSameWay() throws IOException {
    List<Path> workflows;
    try (var files = Files.list(Path.of("..", ".github", "workflows"))) {
      workflows = files.filter(f -> f.toString().endsWith(".yml")).toList();
    }
    assertThat(workflows).isNotEmpty();
    for (Path workflow : workflows) {
      LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(false).build();
      assertThat(new Load(settings).loadFromString(Files.readString(workflow))).as("%s parses", workflow).isInstanceOf(Map.class);
      List<String> uses = Files.readAllLines(workflow).stream().map(String::trim)
          .filter(line -> line.startsWith("- uses:") || line.startsWith("uses:")).toList();
      assertThat(uses).isNotEmpty().allSatisfy(line -> assertThat(line)
          .matches("(- )?uses: [\\w.-]+/[\\w./-]+@[0-9a-f]{40} # v\\d+(\\.\\d+)*"));
    }
  }

  @Test
  void stepOutputsUsedByLaterStepsAreWrittenByTheEntryScript() {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("steps\\.(\\w+)\\.outputs\\.([\\w-]+)")
        .matcher(String.valueOf(map(action, "runs").get("steps")));
    List<String> ids = steps().stream().map(step -> String.valueOf(step.get("id"))).toList();
    int seen = 0;
    while (m.find()) {
      seen++;
      assertThat(ids).as("step %s exists", m.group(1)).contains(m.group(1));
      if (m.group(1).equals("tool")) {
        assertThat(script).as("entrypoint.sh writes step output %s", m.group(2)).contains("set_output " + m.group(2) + " ");
      }
    }
    assertThat(seen).isPositive();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> steps() {
    List<Map<String, Object>> steps = new ArrayList<>();
    for (Object step : (List<Object>) map(action, "runs").get("steps")) {
      steps.add(asMap(step));
    }
    return steps;
  }

  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    assertThat(parent.get(key)).as(key).isInstanceOf(Map.class);
    return asMap(parent.get(key));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }
}
