/**
 * Reading inputs: walking paths (never out of the root), parsing YAML/JSON with positions into Jackson trees with
 * a source map per document, enforcing the input limits, and turning every problem into a {@code Diagnostic}.
 * Nothing here knows Kubernetes kinds beyond what is needed to split {@code List} documents.
 */
package io.ambientlint.core.load;
