package io.ambientlint.core.schema;

import io.ambientlint.core.config.Config;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.load.LoadedDocument;
import io.ambientlint.core.load.LoadedRepository;
import io.ambientlint.core.load.RepositoryLoader;
import io.ambientlint.core.model.Model;
import io.ambientlint.core.model.Resource;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every schema the analysis knows, built once per analysis: CRDs in the repository first, then {@code --crd}
 * files, then the bundled schemas; for each (group, kind) the first source that declares it wins, versions and
 * all, so a repository that vendors its CRDs is checked against exactly what its cluster serves.
 * Schemas are converted and compiled on first use and cached per (group, kind, version); safe to share
 * between threads.
 */
public final class SchemaRegistry {

  private final Map<GroupKind, KindSchemas> kinds;
  private final List<Diagnostic> diagnostics;
  private final Map<Key, Optional<CompiledSchema>> compiled = new ConcurrentHashMap<>();

  /** Map keys as records: looked up once per resource, so no string building. */
  private record GroupKind(String group, String kind) {}

  private record Key(String group, String kind, String version) {}

  private SchemaRegistry(Map<GroupKind, KindSchemas> kinds, List<Diagnostic> diagnostics) {
    this.kinds = kinds;
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** Sources in precedence order; a kind declared by an earlier source hides later declarations. */
  public static SchemaRegistry of(List<KindSchemas> sources, List<Diagnostic> diagnostics) {
    Map<GroupKind, KindSchemas> kinds = new LinkedHashMap<>();
    for (KindSchemas k : sources) {
      kinds.putIfAbsent(new GroupKind(k.group(), k.kind()), k);
    }
    return new SchemaRegistry(kinds, diagnostics);
  }

  /** The registry for one analysis: the model's CRDs, config {@code crds} (relative to {@code baseDirectory}), bundled. */
  public static SchemaRegistry build(Model model, Config config, Path baseDirectory) {
    List<KindSchemas> sources = new ArrayList<>();
    for (Resource crd : model.ofKind(CrdReader.GROUP, CrdReader.KIND)) {
      CrdReader.read(crd.root(), SchemaSource.REPOSITORY, crd.path()).ifPresent(sources::add);
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    if (!config.crds().isEmpty()) {
      LoadedRepository files = new RepositoryLoader(baseDirectory, config.limits(), List.of(),
          new ByteArrayInputStream(new byte[0])).load(config.crds());
      for (LoadedDocument doc : files.documents()) {
        if (CrdReader.isCrd(doc.root())) {
          CrdReader.read(doc.root(), SchemaSource.CRD_OPTION, doc.path()).ifPresent(sources::add);
        }
      }
      for (Diagnostic d : files.diagnostics()) {
        if (d.kind() != Diagnostic.Kind.SKIPPED) {
          // A broken --crd file is the user's setup, not the analyzed repository: a notification, never a finding.
          diagnostics.add(new Diagnostic(d.kind().isFinding() ? Diagnostic.Kind.UNREADABLE : d.kind(), d.path(),
              d.position(), "CRD file given with --crd/crds: " + d.message()));
        }
      }
    }
    sources.addAll(BundledSchemas.all());
    return of(sources, diagnostics);
  }

  /** What the registry knows of a kind, from the first source that declares it. */
  public Optional<KindSchemas> kind(String group, String kind) {
    return Optional.ofNullable(kinds.get(new GroupKind(group, kind)));
  }

  public Collection<KindSchemas> kinds() {
    return kinds.values();
  }

  /** The compiled schema of a served version that has one; compiled on the first call, then shared. */
  public Optional<CompiledSchema> schema(String group, String kind, String version) {
    KindSchemas k = kinds.get(new GroupKind(group, kind));
    return k == null ? Optional.empty() : schema(k, version);
  }

  /** {@link #schema(String, String, String)} for a kind already looked up: what a walk over kinds uses. */
  public Optional<CompiledSchema> schema(KindSchemas k, String version) {
    String group = k.group();
    String kind = k.kind();
    Key key = new Key(group, kind, version);
    Optional<CompiledSchema> known = compiled.get(key);
    if (known != null) {
      return known;
    }
    return compiled.computeIfAbsent(key, x -> k.version(version)
        .filter(ApiVersion::served)
        .flatMap(ApiVersion::openApiSchema)
        .flatMap(SchemaRegistry::compile));
  }

  private static Optional<CompiledSchema> compile(com.fasterxml.jackson.databind.JsonNode openApiSchema) {
    try {
      return Optional.of(CompiledSchema.compile(openApiSchema));
    } catch (RuntimeException e) {
      // A schema the validator cannot compile is treated as absent: better no check than a wrong one.
      return Optional.empty();
    }
  }

  /** The violations of a resource's schema; none when its kind or version has no schema. */
  public List<SchemaViolation> validate(Resource resource) {
    return schema(resource.group(), resource.kind(), resource.version())
        .map(s -> s.validate(resource.root()))
        .orElse(List.of());
  }

  /** How many (group, kind, version) schemas have been compiled so far. */
  public int compiledCount() {
    return (int) compiled.values().stream().filter(Optional::isPresent).count();
  }

  /** Problems with {@code --crd} files: notifications. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
