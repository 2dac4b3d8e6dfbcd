package io.ambientlint.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.testing.TestGitRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The pre-commit hook of {@code .pre-commit-hooks.yaml}: read as pre-commit reads it, its entry run (the CLI
 * from this test's class path in place of the launcher) in a Git repository with a staged change, as pre-commit
 * would run it: from the repository root, without file names.
 */
class PreCommitHookTest {

  private static final Path HOOKS = Path.of("..", ".pre-commit-hooks.yaml");

  @TempDir
  Path repo;

  @SuppressWarnings("unchecked")
  private static Map<String, Object> hook() throws IOException {
    List<Object> hooks = (List<Object>) new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build())
        .loadFromString(Files.readString(HOOKS, StandardCharsets.UTF_8));
    assertThat(hooks).hasSize(1);
    return (Map<String, Object>) hooks.get(0);
  }

  @Test
  void theHookRunsTheLauncherOnYamlChangesWithTheWholeRepositoryAsContext() throws IOException {
    Map<String, Object> hook = hook();
    assertThat(hook).containsEntry("id", "ambient-lint").containsEntry("language", "script")
        .containsEntry("pass_filenames", false);
    String launcher = hook.get("entry").toString().split(" ")[0];
    assertThat(Path.of("..", launcher)).as("the entry, relative to the repository root").isExecutable();
    Pattern files = Pattern.compile(hook.get("files").toString());
    assertThat(List.of("deploy/a.yaml", "b.yml", "c.json")).allMatch(f -> files.matcher(f).find());
    assertThat(List.of("README.md", "pom.xml", "x.yaml.orig")).noneMatch(f -> files.matcher(f).find());
  }

  @Test
  void onlyWhatTheStagedChangeIntroducesIsReported() throws Exception {
    String service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: NAME\n  namespace: shop\n"
        + "spec:\n  selector: {app: NAME}\n  ports:\n  - {name: http, port: 8080}\n";
    try (TestGitRepository git = TestGitRepository.init(repo)) {
      git.write("apps/cart.yaml", service.replace("NAME", "cart"));
      git.write("apps/cart-copy.yaml", service.replace("NAME", "cart")); // AL903, already committed
      git.commit("base");
      git.write("apps/orders.yaml", service.replace("NAME", "orders").replace("{app: orders}", "{app: orders, app: v2}"));

      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), "io.ambientlint.cli.Main"));
      String[] entry = hook().get("entry").toString().split(" ");
      command.addAll(List.of(entry).subList(1, entry.length));
      Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

      assertThat(p.exitValue()).as(out).isEqualTo(1);
      assertThat(out).contains("apps/orders.yaml:7:27: error AL905").doesNotContain("AL903")
          .contains("introduced 1, fixed 0, unchanged 1 (compared with HEAD)");
    }
  }
}
