package io.ambientlint.core;

/**
 * How a run ended, for a front end to turn into its own signal: the CLI into its documented exit codes, the
 * Maven plugin into a passing, failing or broken build. The analysis decides all but {@link #USAGE_ERROR},
 * which is a {@code ConfigException} raised before or during it.
 */
public enum Outcome {
  /** Nothing counted at or above the {@code failOn} threshold. */
  PASSED,
  /** Findings counted at or above the threshold. */
  FINDINGS,
  /** The options or the config are wrong: nothing was analyzed. */
  USAGE_ERROR,
  /** Some input was not analyzed (unreadable, over a load limit) or a revision comparison was incomplete. */
  INPUT_INCOMPLETE,
  /** A rule failed: its results are incomplete (the other rules' findings are kept). */
  INTERNAL_ERROR
}
