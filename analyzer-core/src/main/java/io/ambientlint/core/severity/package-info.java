/**
 * How serious something is ({@link io.ambientlint.core.severity.Severity}): a finding's severity and a load
 * diagnostic's level alike. Below every other package, so that config, load, rules and reporters can all name it.
 */
package io.ambientlint.core.severity;
