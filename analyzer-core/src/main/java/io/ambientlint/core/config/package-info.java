/** {@code .ambient-lint.yaml} and command-line settings: the immutable {@code Config}, its loader (strict: unknown keys are errors with their line), rule settings and fail-on levels. */
package io.ambientlint.core.config;
