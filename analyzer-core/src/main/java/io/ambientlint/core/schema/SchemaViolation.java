package io.ambientlint.core.schema;

/**
 * One reason the API server would reject an object: the JSON pointer of the offending node (for a missing
 * required field, where it should be; for an unknown field, the field itself), the keyword that failed, and a
 * message in plain words that starts with the field's path.
 */
public record SchemaViolation(String pointer, String keyword, String message) {

  /** Unknown fields are located at their key: the value is not what is wrong. */
  public boolean atKey() {
    return keyword.equals("additionalProperties");
  }
}
