/** Accepted findings and comparisons: baseline files, {@code --new-since} against a Git revision, and fingerprint matching that survives line moves. */
package io.ambientlint.core.baseline;
