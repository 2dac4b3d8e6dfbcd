package io.ambientlint.core;

import io.ambientlint.core.rule.Finding;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How this run's findings relate to an earlier state, a baseline file or a Git revision: {@code introduced}
 * (new here), {@code unchanged} (there before too, matched by fingerprint, so moving or reformatting does not
 * make a finding new) and {@code fixed} (there before, gone now). Findings suppressed in the source take no
 * part. Only introduced findings count for {@code --fail-on}.
 */
public final class Comparison {

  /** SARIF {@code result.baselineState} of a finding. */
  public enum State {
    NEW("new"), UNCHANGED("unchanged");

    private final String sarifName;

    State(String sarifName) {
      this.sarifName = sarifName;
    }

    public String sarifName() {
      return sarifName;
    }
  }

  private final String against;
  private final List<Finding> introduced;
  private final List<Finding> unchanged;
  private final List<FixedFinding> fixed;
  private final Set<Finding> unchangedSet;
  private final Set<Finding> introducedSet;

  /** {@code against} names the earlier state for people: {@code origin/main}, {@code baseline .ambient-lint-baseline.json}. */
  public Comparison(String against, List<Finding> introduced, List<Finding> unchanged, List<FixedFinding> fixed) {
    this.against = against;
    this.introduced = List.copyOf(introduced);
    this.unchanged = List.copyOf(unchanged);
    this.fixed = List.copyOf(fixed);
    this.unchangedSet = new HashSet<>(unchanged);
    this.introducedSet = new HashSet<>(introduced);
  }

  public String against() {
    return against;
  }

  public List<Finding> introduced() {
    return introduced;
  }

  public List<Finding> unchanged() {
    return unchanged;
  }

  public List<FixedFinding> fixed() {
    return fixed;
  }

  public boolean isUnchanged(Finding f) {
    return unchangedSet.contains(f);
  }

  public Optional<State> stateOf(Finding f) {
    if (unchangedSet.contains(f)) {
      return Optional.of(State.UNCHANGED);
    }
    return introducedSet.contains(f) ? Optional.of(State.NEW) : Optional.empty();
  }

  /** {@code introduced 1, fixed 2, unchanged 3}: the line text and Markdown summaries show. */
  public String summary() {
    return "introduced " + introduced.size() + ", fixed " + fixed.size() + ", unchanged " + unchanged.size();
  }
}
