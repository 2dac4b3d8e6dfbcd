package io.ambientlint.core;

import io.ambientlint.core.model.Location;
import io.ambientlint.core.rule.Finding;
import java.util.Optional;

/**
 * A finding that was there before and is gone: an entry of the baseline file that nothing matches any more,
 * or a finding of the base revision. {@code location} is where it was at that revision (none for a baseline
 * entry, which keeps no positions).
 */
public record FixedFinding(String ruleId, Optional<String> object, String pointer, String message,
    String fingerprint, Optional<Location> location) {

  public static FixedFinding of(Finding f) {
    return new FixedFinding(f.ruleId(), f.subject().map(s -> s.qualified()), f.pointer(), f.message(),
        f.fingerprint(), Optional.of(f.location()));
  }
}
