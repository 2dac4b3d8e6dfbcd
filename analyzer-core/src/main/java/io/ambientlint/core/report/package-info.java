/** Reporters, one per output format (text, JSON, SARIF, Markdown, GitHub workflow commands), and the rule pages generated from rule metadata. */
package io.ambientlint.core.report;
