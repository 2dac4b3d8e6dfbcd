package io.ambientlint.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.Analyzer;
import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.rule.RuleRegistry;
import io.ambientlint.core.severity.Severity;
import io.ambientlint.testing.PortRule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code overrides:} rule settings per path, relative to the config file's folder. */
class PathOverrideTest {

  @TempDir
  Path repo;

  private void service(String path, String name) throws IOException {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "apiVersion: v1\nkind: Service\nmetadata: {name: " + name + ", namespace: x}\n"
        + "spec: {ports: [{port: 80}]}\n");
  }

  private Config config(String text) throws IOException {
    Path file = repo.resolve(ConfigLoader.DEFAULT_FILE);
    Files.writeString(file, text);
    return ConfigLoader.load(file, ConfigLoader.DEFAULT_FILE, Config.builder());
  }

  /** Severity of each finding by file, analyzing from {@code base}. */
  private static Map<String, Severity> severities(Config config, Path base, String path) {
    AnalysisResult result = new Analyzer(config, new RuleRegistry(List.of(new PortRule())), base)
        .analyze(List.of(path), InputStream.nullInputStream());
    return result.findings().stream().collect(Collectors.toMap(f -> f.location().path(), Finding::severity));
  }

  @Test
  void overridesTurnRulesOffAndChangeSeverityForMatchingFilesOnly() throws IOException {
    service("apps/web.yaml", "web");
    service("apps/web-test.yaml", "web-test");
    service("legacy/old.yaml", "old");
    Config config = config("""
        overrides:
        - paths: ["legacy/**"]
          rules: {AL997: off}
        - paths: ["**/*-test.yaml"]
          rules: {AL997: note}
        """);
    assertThat(severities(config, repo, ".")).containsOnly(
        Map.entry("apps/web.yaml", Severity.ERROR), Map.entry("apps/web-test.yaml", Severity.NOTE));
    // From a subfolder the globs still mean paths below the config file's folder.
    assertThat(severities(config, repo.resolve("legacy"), ".")).isEmpty();
    assertThat(severities(config, repo.resolve("apps"), ".")).containsOnly(
        Map.entry("web.yaml", Severity.ERROR), Map.entry("web-test.yaml", Severity.NOTE));
  }

  @Test
  void aRuleOffEverywhereRunsWhereAnOverrideTurnsItOnAndLaterEntriesWin() throws IOException {
    service("apps/web.yaml", "web");
    service("critical/pay.yaml", "pay");
    Config config = config("""
        rules: {AL997: off}
        overrides:
        - paths: ["critical/**"]
          rules: {AL997: warning}
        - paths: ["critical/pay.yaml"]
          rules: {AL997: on}
        """);
    assertThat(severities(config, repo, ".")).containsOnly(Map.entry("critical/pay.yaml", Severity.WARNING));
    assertThat(config.runsRule("AL997")).isTrue();
    assertThat(config.runsRule("AL998")).isTrue();
    assertThat(Config.builder().rule("AL997", RuleSetting.OFF).build().runsRule("AL997")).isFalse();
  }

  @Test
  void badOverridesNameFileAndLine() {
    assertThatThrownBy(() -> ConfigLoader.parse("overrides: {paths: [a]}\n", ".ambient-lint.yaml", Config.builder()))
        .hasMessageStartingWith(".ambient-lint.yaml:1:").hasMessageContaining("overrides must be a list");
    assertThatThrownBy(() -> ConfigLoader.parse("overrides:\n- paths: [a]\n  rules: {AL1: off}\n", ".ambient-lint.yaml",
        Config.builder())).hasMessageStartingWith(".ambient-lint.yaml:3:").hasMessageContaining("not a rule id");
    assertThatThrownBy(() -> ConfigLoader.parse("overrides:\n- paths: [a]\n  rules: {AL101: loud}\n", ".ambient-lint.yaml",
        Config.builder())).hasMessageContaining("rule setting must be off, on, error, warning or note");
    assertThatThrownBy(() -> ConfigLoader.parse("overrides:\n- paths: [\"a/{b\"]\n  rules: {AL101: off}\n",
        ".ambient-lint.yaml", Config.builder())).hasMessageContaining("not a valid glob");
    assertThatThrownBy(() -> ConfigLoader.parse("overrides:\n- paths: [a]\n  rules: {AL101: off}\n  path: [b]\n",
        ".ambient-lint.yaml", Config.builder())).hasMessageContaining("unknown key \"path\"");
  }
}
