package io.ambientlint.core.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A config cannot hold an exclude glob that is not one, whoever adds it (config file, option, Maven parameter). */
class ExcludeGlobTest {

  @Test
  void buildingAConfigWithAnInvalidExcludeGlobIsAConfigError() {
    Config.Builder builder = Config.builder().addExclude("charts/**").addExclude("[unclosed");

    assertThatThrownBy(builder::build).isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("invalid exclude glob \"[unclosed\": ");
  }
}
