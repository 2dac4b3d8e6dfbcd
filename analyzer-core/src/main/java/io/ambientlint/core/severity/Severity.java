package io.ambientlint.core.severity;

import java.util.Locale;
import java.util.Optional;

/** How serious a finding is. The order matters: ERROR is the most severe. */
public enum Severity {
  ERROR("error"), WARNING("warning"), NOTE("note");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  /** {@code error}, {@code warning}, {@code note}: the words of text output and of SARIF {@code level}. */
  public String label() {
    return label;
  }

  public boolean atLeast(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }

  public static Optional<Severity> parse(String value) {
    for (Severity s : values()) {
      if (s.label.equals(value.toLowerCase(Locale.ROOT))) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
