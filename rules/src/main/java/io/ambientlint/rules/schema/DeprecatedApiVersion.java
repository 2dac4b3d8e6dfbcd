package io.ambientlint.rules.schema;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.Kind;
import io.ambientlint.core.model.Resource;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.schema.ApiVersion;
import io.ambientlint.core.schema.KindSchemas;
import io.ambientlint.core.schema.SchemaSource;
import io.ambientlint.core.severity.Severity;
import java.util.Optional;

/**
 * A known kind written at an apiVersion that its CRD marks deprecated or no longer serves, or at a core API version
 * Kubernetes removed. A served older version (Istio's v1beta1) is not reported: the API server accepts it.
 */
public final class DeprecatedApiVersion implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL904", "deprecated-api-version")
      .severity(Severity.WARNING)
      .summary("A kind at an apiVersion that is deprecated, no longer served or removed")
      .description("""
          For every kind with a schema (CRDs in the repository, --crd files, or the bundled schemas), the resource's \
          apiVersion is compared with the versions the source declares. Reported: a version the CRD marks \
          deprecated: true; a version the CRD declares with served: false or does not declare at all (the API server \
          rejects such an object outright); a core API version Kubernetes removed (for example extensions/v1beta1 \
          Ingress, policy/v1beta1 PodSecurityPolicy, batch/v1beta1 CronJob). An older version that is still served \
          and not marked deprecated (for example Istio's networking.istio.io/v1beta1) is not reported: the API \
          server accepts it. A version the bundled schemas do not know is not reported either: they may be older \
          than the cluster.""")
      .help("""
          Change apiVersion to the version the message names (the most stable one served). If the cluster really \
          serves the version, vendor its CRDs in the repository or pass them with --crd.""")
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
      for (Resource r : graph.model().ofKind(new Kind(kind.group(), kind.kind()))) {
        KindSchemas applying = graph.schemas().kindFor(kind, r);
        if (r.apiVersion().equals(currentApiVersion) && applying == kind) {
          continue;
        }
        KindSchemas.Status status = applying.status(r.version());
        if (!reported(applying, status)) {
          if (applying == kind) {
            currentApiVersion = r.apiVersion();
          }
        } else {
          report(applying, r, status, findings);
        }
      }
    }
  }

  /**
   * Only what the API server warns about or rejects. An undeclared version counts only against a CRD: the
   * bundled schemas may predate the cluster, and unknown is not absent.
   */
  private static boolean reported(KindSchemas kind, KindSchemas.Status status) {
    return switch (status) {
      case DEPRECATED, NOT_SERVED -> true;
      case UNKNOWN -> kind.source() != SchemaSource.BUNDLED;
      case CURRENT, SUPERSEDED -> false;
    };
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
      case CURRENT, SUPERSEDED -> { }
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
