package io.ambientlint.rules.schema;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.Kind;
import io.ambientlint.core.model.Resource;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.schema.KindSchemas;
import io.ambientlint.core.schema.SchemaRegistry;
import io.ambientlint.core.schema.SchemaSource;
import io.ambientlint.core.schema.SchemaViolation;
import io.ambientlint.core.schema.CompiledSchema;
import io.ambientlint.core.severity.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A manifest the API server would reject: it does not match the schema of its kind and version. */
public final class SchemaValidation implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL902", "schema-violation")
      .severity(Severity.ERROR)
      .summary("A resource violates the schema of its kind")
      .description("""
          Each resource whose kind and apiVersion have a schema is validated against it, the way the API server \
          validates it on apply. Schemas come, in this order, from the CustomResourceDefinitions in the analyzed \
          repository, from CRD files given with --crd (config crds), and from the schemas bundled with ambient-lint \
          for the Gateway API, Istio and core kinds the rules read; for each kind the first source that declares it \
          is used. When the repository holds several CRDs of one kind, a resource is checked against the copy its \
          own deployment unit applies, else against the newest (the copy whose most preferred served version ranks \
          highest in Kubernetes' version order, then the one serving more versions); the message names the file \
          used, and copies that give one served version different schemas are reported once as a notification naming \
          both files. CRD schemas are applied as the API server does: int-or-string fields take either, null fields \
          are pruned and defaults applied before validating, x-kubernetes-preserve-unknown-fields keeps unknown \
          fields, and unknown fields elsewhere in a structural schema are errors (the API server rejects them under \
          strict field validation, and silently drops them otherwise). CEL x-kubernetes-validations are not \
          evaluated; the rules that need them check them. One finding is reported per violation, at the offending \
          field. An object that is rejected is not applied at all, so none of its intent reaches the mesh; a dropped \
          field is a setting that silently does nothing.""")
      .help("""
          Fix the field as the message says (type, range, allowed values, required or unknown field). If the schema \
          is older than the cluster's, vendor the cluster's CRDs in the repository or pass them with --crd.""")
      .tags("input", "schema")
      .precision("high")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  /** {@code the CustomResourceDefinition in the repository (crds/gateway.yaml)}: the message names the file used. */
  static String describe(KindSchemas kind) {
    return kind.source() == SchemaSource.BUNDLED
        ? kind.source().description() : kind.source().description() + " (" + kind.origin() + ")";
  }

  /** One resource and the schema of its version. */
  private record Job(Resource resource, KindSchemas kind, CompiledSchema schema) {}

  @Override
  public void check(MeshGraph graph, Findings findings) {
    SchemaRegistry schemas = graph.schemas();
    // Walk the kinds that have a schema, not every resource: the rest is never looked at.
    List<Job> jobs = new ArrayList<>();
    for (KindSchemas kind : schemas.kinds()) {
      String apiVersion = null; // the resources of a kind mostly share one apiVersion: look its schema up once
      KindSchemas copy = null; // and one copy of its CRD
      Optional<CompiledSchema> schema = Optional.empty();
      for (Resource r : graph.model().ofKind(new Kind(kind.group(), kind.kind()))) {
        KindSchemas applying = schemas.kindFor(kind, r);
        if (!r.apiVersion().equals(apiVersion) || applying != copy) {
          apiVersion = r.apiVersion();
          copy = applying;
          schema = schemas.schema(applying, r.version());
        }
        if (schema.isPresent()) {
          jobs.add(new Job(r, applying, schema.get()));
        }
      }
    }
    // Validation is the costly part and independent per resource; reporting stays sequential.
    List<List<SchemaViolation>> results = jobs.parallelStream().map(j -> j.schema().validate(j.resource().root())).toList();
    for (int i = 0; i < jobs.size(); i++) {
      List<SchemaViolation> violations = results.get(i);
      if (violations.isEmpty()) {
        continue;
      }
      Resource r = jobs.get(i).resource();
      String source = describe(jobs.get(i).kind());
      for (SchemaViolation v : violations) {
        if (v.keyword().equals("additionalProperties")) {
          findings.reportAtKey(META, r.node(v.anchorPointer()), "%s: %s (checked against %s for %s); fix or remove the field",
              r.displayName(), v.message(), source, r.apiVersion());
        } else if (v.atKey()) {
          findings.reportAtKey(META, r.node(v.anchorPointer()),
              "%s: %s; the API server rejects the object, so none of it is applied (checked against %s for %s)",
              r.displayName(), v.message(), source, r.apiVersion());
        } else {
          findings.report(META, r.node(v.anchorPointer()),
              "%s: %s; the API server rejects the object, so none of it is applied (checked against %s for %s)",
              r.displayName(), v.message(), source, r.apiVersion());
        }
      }
    }
  }
}
