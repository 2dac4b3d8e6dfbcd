package io.ambientlint.rules.schema;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.Resource;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.rule.Severity;
import io.ambientlint.core.schema.ApiVersion;
import io.ambientlint.core.schema.KindSchemas;
import io.ambientlint.core.schema.SchemaSource;
import java.util.Optional;

/** A known kind written at an apiVersion that is deprecated, superseded, no longer served or never existed. */
public final class DeprecatedApiVersion implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL904", "deprecated-api-version")
      .severity(Severity.WARNING)
      .summary("A known kind at a deprecated or unknown apiVersion")
      .description("For every kind with a schema (CRDs in the repository, --crd files, or the bundled schemas, in "
          + "that order), the resource's apiVersion is compared with the versions the source declares. Reported: a "
          + "version the CRD marks deprecated; an alpha or beta version while a more stable one is served (for "
          + "example networking.istio.io/v1alpha3 where v1 is served: old versions are removed in later releases); "
          + "a version declared but no longer served, or not declared at all (for example a Gateway API version "
          + "that the CRDs in the repository do not serve): the API server rejects such an object outright.")
      .help("Change apiVersion to the version the message names (the most stable one served); the fields are the "
          + "same for Istio's versions. If the cluster really serves the version, vendor its CRDs in the repository "
          + "or pass them with --crd.")
      .tags("input", "schema", "upgrade")
      .precision("high")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    // Walk the kinds that have a schema: only their resources can be at a wrong version of a known kind.
    for (KindSchemas kind : graph.schemas().kinds()) {
      String currentApiVersion = null; // the resources of a kind nearly all use one current apiVersion
      for (Resource r : graph.model().ofKind(kind.group(), kind.kind())) {
        if (r.apiVersion().equals(currentApiVersion)) {
          continue;
        }
        KindSchemas.Status status = kind.status(r.version());
        if (status == KindSchemas.Status.CURRENT) {
          currentApiVersion = r.apiVersion();
        } else {
          report(kind, r, status, findings);
        }
      }
    }
  }

  private static void report(KindSchemas kind, Resource r, KindSchemas.Status status, Findings findings) {
    String version = r.version();
    Optional<String> preferred = kind.preferredVersion();
    Optional<String> warning = kind.version(version).flatMap(ApiVersion::deprecationWarning);
    String use = preferred.map(p -> "; use apiVersion " + kind.apiVersion(p))
        .orElse(warning.isPresent() ? "" : "; no version of this kind is served");
    String source = kind.source() == SchemaSource.BUNDLED
        ? kind.source().description() : kind.source().description() + " (" + kind.origin() + ")";
    switch (status) {
      case CURRENT -> { }
      case SUPERSEDED -> findings.report(META, r.node("/apiVersion"),
          "%s uses %s, an older version superseded by %s; it may be removed in a later release%s",
          r.displayName(), r.apiVersion(), kind.apiVersion(preferred.orElseThrow()), use);
      case DEPRECATED -> findings.report(META, r.node("/apiVersion"),
          "%s uses %s, which is deprecated%s%s",
          r.displayName(), r.apiVersion(), warning.map(w -> " (\"" + w + "\")").orElse(""), use);
      case NOT_SERVED -> findings.report(META, r.node("/apiVersion"),
          "%s uses %s, which is no longer served%s, so the API server rejects the object%s",
          r.displayName(), r.apiVersion(), warning.map(w -> " (" + w + ")").orElse(" according to " + source), use);
      case UNKNOWN -> findings.report(META, r.node("/apiVersion"),
          "%s uses %s, a version %s does not declare (it serves %s), so the API server rejects the object%s",
          r.displayName(), r.apiVersion(), source, String.join(", ", kind.servedVersions()), use);
    }
  }
}
