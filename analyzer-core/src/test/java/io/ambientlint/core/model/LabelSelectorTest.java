package io.ambientlint.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {

  @Test
  void describesMatchLabelsInTheOrderTheManifestWritesThem() {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String key : new String[] {"version", "app", "tier", "zone", "team", "release", "track", "env"}) {
      labels.put(key, key + "-value");
    }
    // Findings print the selector and fingerprint the message: its text must not vary between runs.
    assertThat(LabelSelector.of(labels).toString()).isEqualTo("version=version-value,app=app-value,tier=tier-value,"
        + "zone=zone-value,team=team-value,release=release-value,track=track-value,env=env-value");
    assertThat(LabelSelector.of(labels).matches(Map.of("app", "app-value"))).isFalse();
    assertThat(LabelSelector.of(labels).matches(labels)).isTrue();
  }
}
