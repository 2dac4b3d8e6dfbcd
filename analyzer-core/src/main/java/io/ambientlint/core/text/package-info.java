/**
 * Words for people: {@code Escape} makes untrusted text inert for each output channel (terminal, CI log,
 * Markdown, Mermaid, DOT, Maven log); {@code Phrases} says counts and lists ("2 routes", "a, b and c").
 * Depends on nothing else in the project, so every package can use it.
 */
package io.ambientlint.core.text;
