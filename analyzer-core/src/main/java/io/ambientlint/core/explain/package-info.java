/** {@code ambient-lint explain}: sections that each answer, from the graph, one part of "what happens to this object", every fact with its file:line. */
package io.ambientlint.core.explain;
