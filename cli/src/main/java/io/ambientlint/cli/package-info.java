/** The {@code ambient-lint} command (picocli): check, explain, graph, rules; options, output files and exit codes. */
package io.ambientlint.cli;
