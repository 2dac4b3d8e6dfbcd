/** The pipeline entry point ({@link io.ambientlint.core.Analyzer}): load, model, graph, rules, filtered findings; and what a run returns. */
package io.ambientlint.core;
