package io.ambientlint.core.config;

import io.ambientlint.core.severity.Severity;
import java.util.Locale;
import java.util.Optional;

/** The lowest severity that makes the run fail (exit code 1); NONE never fails on findings. */
public enum FailOn {
  ERROR(Severity.ERROR), WARNING(Severity.WARNING), NOTE(Severity.NOTE), NONE(null);

  private final Severity threshold;

  FailOn(Severity threshold) {
    this.threshold = threshold;
  }

  public boolean fails(Severity severity) {
    return threshold != null && severity.atLeast(threshold);
  }

  public static Optional<FailOn> parse(String value) {
    try {
      return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
