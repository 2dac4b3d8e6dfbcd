package io.ambientlint.cli;

import io.ambientlint.core.Outcome;

/** The exit codes the README documents ("Exit codes"), one per outcome; scripts and CI gates depend on them. */
final class ExitCodes {
  /** A command that is not an analysis (rules, explain, graph, units) and did its work. */
  static final int SUCCESS = 0;

  private ExitCodes() {}

  static int of(Outcome outcome) {
    return switch (outcome) {
      case PASSED -> 0;
      case FINDINGS -> 1;
      case USAGE_ERROR -> 2;
      case INPUT_INCOMPLETE -> 3;
      case INTERNAL_ERROR -> 4;
    };
  }
}
