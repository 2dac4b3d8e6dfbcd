package io.ambientlint.core.config;

import io.ambientlint.core.severity.Severity;
import java.util.Optional;

/** A rule's entry under {@code rules:}: off, or on with its severity overridden. */
public record RuleSetting(boolean enabled, Optional<Severity> severity) {
  public static final RuleSetting OFF = new RuleSetting(false, Optional.empty());
}
