/** The rule SPI: {@code Rule}, its {@code RuleMetadata}, the {@code Findings} sink rules report to, and the registry that finds rules with {@code ServiceLoader}. */
package io.ambientlint.core.rule;
