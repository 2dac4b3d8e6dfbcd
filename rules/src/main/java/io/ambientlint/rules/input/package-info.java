/** AL901, AL903, AL905: problems of the input itself (invalid YAML, duplicate objects, duplicate keys). */
package io.ambientlint.rules.input;
