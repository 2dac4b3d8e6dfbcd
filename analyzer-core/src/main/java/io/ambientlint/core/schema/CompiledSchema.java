package io.ambientlint.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One (group, kind, version) schema, converted and compiled once, then used by every resource of that version. */
public final class CompiledSchema {

  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
  private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
      .pathType(PathType.JSON_POINTER)
      .formatAssertionsEnabled(false)
      .build();

  private final JsonSchema schema;
  private final JsonNode converted;
  private final Defaults defaults;
  private final QuickCheck quick;

  private CompiledSchema(JsonSchema schema, JsonNode converted) {
    this.schema = schema;
    this.converted = converted;
    this.quick = new QuickCheck(converted);
    Defaults d = new Defaults(converted);
    this.defaults = d.any() ? d : null;
  }

  /** Converts and compiles a version's openAPIV3Schema. */
  public static CompiledSchema compile(JsonNode openApiSchema) {
    JsonNode converted = CrdSchemaConverter.convert(openApiSchema);
    JsonSchema schema = FACTORY.getSchema(converted, CONFIG);
    // Validators are created lazily on first use; doing it here keeps validate() free of shared-state writes.
    schema.initializeValidators();
    return new CompiledSchema(schema, converted);
  }

  /** The draft-07 schema the validator runs, for tests and debugging. */
  public JsonNode converted() {
    return converted;
  }

  /** What the quick check proves of an instance as given (no pruning or defaults): for tests. */
  QuickCheck.Verdict quickVerdict(JsonNode instance) {
    return quick.check(instance);
  }

  /** Whether networknt accepts an instance as given (no pruning or defaults): for tests. */
  boolean validatorAccepts(JsonNode instance) {
    return schema.validate(instance).isEmpty();
  }

  /** Every violation of {@code instance}, at most one per node and keyword, in document order of pointers. */
  public List<SchemaViolation> validate(JsonNode manifest) {
    // Fast path, taken by almost every resource: the manifest as written is valid. QuickCheck proves that for
    // most manifests at a fraction of networknt's cost; what it cannot prove, networknt decides. Pruning nulls
    // and applying defaults walks the whole tree, so it is only done when there is something to confirm.
    QuickCheck.Verdict asWritten = quick.check(manifest);
    if (asWritten == QuickCheck.Verdict.VALID
        || (asWritten == QuickCheck.Verdict.UNKNOWN && schema.validate(manifest).isEmpty())) {
      return List.of();
    }
    // As the API server does: prune nulls, apply defaults, then validate.
    JsonNode pruned = Nulls.prune(manifest);
    JsonNode instance = defaults == null ? pruned : defaults.apply(pruned);
    if (instance != manifest && quick.check(instance) == QuickCheck.Verdict.VALID) {
      return List.of();
    }
    Set<ValidationMessage> messages = schema.validate(instance);
    if (messages.isEmpty()) {
      return List.of();
    }
    Set<SchemaViolation> out = new LinkedHashSet<>();
    List<ValidationMessage> kept = ViolationMessages.withoutBranchDetails(messages);
    for (ValidationMessage m : kept) {
      out.add(ViolationMessages.describe(m, converted, instance));
    }
    List<SchemaViolation> sorted = new ArrayList<>(out);
    sorted.sort(Comparator.comparing(SchemaViolation::pointer).thenComparing(SchemaViolation::message));
    return sorted;
  }
}
