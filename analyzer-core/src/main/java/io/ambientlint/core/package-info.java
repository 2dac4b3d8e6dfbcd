/**
 * The pipeline entry point ({@link io.ambientlint.core.Analyzer}): load, model, graph, rules, filtered findings;
 * and what a run returns ({@code AnalysisResult}, with its {@code Comparison} against a baseline or revision).
 */
package io.ambientlint.core;
