/** {@code ambient-lint-maven-plugin}: the {@code check} goal, bound to {@code verify} by default. */
package io.ambientlint.maven;
