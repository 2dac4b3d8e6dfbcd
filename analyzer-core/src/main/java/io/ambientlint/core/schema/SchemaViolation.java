package io.ambientlint.core.schema;

/**
 * One reason the API server would reject an object: the JSON pointer of the offending node (for a missing
 * required field, where it should be; for an unknown field, the field itself), the keyword that failed, and a
 * message in plain words that starts with the field's path.
 */
public record SchemaViolation(String pointer, String keyword, String message) {

  /** Where a finding belongs: the node itself, or for a missing field the object that should hold it. */
  public String anchorPointer() {
    if (keyword.equals("required")) {
      int slash = pointer.lastIndexOf('/');
      return slash <= 0 ? "" : pointer.substring(0, slash);
    }
    return pointer;
  }

  /**
   * Unknown fields are located at their key (the value is not what is wrong); missing ones at the key of the
   * object that lacks them ({@code destination:}), or at a list item's first line.
   */
  public boolean atKey() {
    return keyword.equals("additionalProperties") || keyword.equals("required");
  }
}
