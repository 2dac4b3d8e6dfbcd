/** AL902, AL904: schema violations and deprecated API versions. */
package io.ambientlint.rules.schema;
