package io.ambientlint.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ambientlint.core.model.Kind;
import io.ambientlint.core.severity.Severity;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

  private static Config parse(String text) {
    return ConfigLoader.parse(text, ".ambient-lint.yaml", Config.builder());
  }

  @Test
  void readsEveryKey() {
    Config c = parse("""
        rootNamespace: mesh-root
        clusterDomain: corp.local
        defaultNamespace: apps
        waypointClasses: [vendor-waypoint]
        autoAllowWaypointPolicy: true
        rules: {AL402: off, AL307: error}
        exclude: ["generated/**"]
        external:
        - {kind: Gateway, namespace: shared, name: waypoint}
        failOn: warning
        limits: {maxFileBytes: 1000, maxFindingsPerRule: 10}
        """);
    assertThat(c.rootNamespace()).isEqualTo("mesh-root");
    assertThat(c.clusterDomain()).isEqualTo("corp.local");
    assertThat(c.defaultNamespace()).isEqualTo("apps");
    assertThat(c.waypointClasses()).containsExactly("vendor-waypoint");
    assertThat(c.autoAllowWaypointPolicy()).isTrue();
    assertThat(c.ruleSetting("AL402").enabled()).isFalse();
    assertThat(c.ruleSetting("AL307").severity()).contains(Severity.ERROR);
    assertThat(c.ruleSetting("AL101").enabled()).isTrue();
    assertThat(c.exclude()).containsExactly("generated/**");
    assertThat(c.isExternal(Kind.GATEWAY, "shared", "waypoint")).isTrue();
    assertThat(c.failOn()).isEqualTo(FailOn.WARNING);
    assertThat(c.limits().maxFileBytes()).isEqualTo(1000);
    assertThat(c.maxFindingsPerRule()).isEqualTo(10);
  }

  @Test
  void unknownKeyNamesFileAndLine() {
    assertThatThrownBy(() -> parse("rootNamespace: x\nwaypointClass: [a]\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(".ambient-lint.yaml:2:1: unknown key \"waypointClass\"");
  }

  @Test
  void badValuesNameFileAndLine() {
    assertThatThrownBy(() -> parse("rules:\n  AL402: loud\n")).hasMessageStartingWith(".ambient-lint.yaml:2:10:");
    assertThatThrownBy(() -> parse("failOn: sometimes\n")).hasMessageContaining("failOn must be one of");
    assertThatThrownBy(() -> parse("rules: {X1: off}\n")).hasMessageContaining("not a rule id");
    assertThatThrownBy(() -> parse("limits: {maxDepth: -1}\n")).hasMessageContaining("positive integer");
    assertThatThrownBy(() -> parse("external: [{kind: Gateway}]\n")).hasMessageContaining("needs name");
    assertThatThrownBy(() -> parse("autoAllowWaypointPolicy: yes please\n")).hasMessageContaining("true or false");
  }

  @Test
  void emptyFileGivesDefaults() {
    assertThat(parse("")).isEqualTo(Config.DEFAULTS);
    assertThat(parse("# nothing\n")).isEqualTo(Config.DEFAULTS);
  }
}
