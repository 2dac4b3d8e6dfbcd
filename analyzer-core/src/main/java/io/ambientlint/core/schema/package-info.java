/** Schema validation (AL902, AL904): schemas from CRDs in the repository, from {@code --crd}, or bundled; converted once, checked by a fast exact pre-check and networknt for the rest. */
package io.ambientlint.core.schema;
