/**
 * Words for people: {@code Escape} makes untrusted text inert for each output channel (terminal, CI log,
 * Markdown, Mermaid, DOT, Maven log).
 * Depends on nothing else in the project, so every package can use it.
 */
package io.ambientlint.core.text;
