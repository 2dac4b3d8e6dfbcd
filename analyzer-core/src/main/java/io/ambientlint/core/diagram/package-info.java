/** {@code ambient-lint graph} and the Markdown summary picture: contributors add nodes and edges from the graph to a format-independent {@code Diagram}; renderers write Mermaid, dot or JSON. */
package io.ambientlint.core.diagram;
