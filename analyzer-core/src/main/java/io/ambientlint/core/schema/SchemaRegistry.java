package io.ambientlint.core.schema;

import io.ambientlint.core.config.Config;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.load.LoadedDocument;
import io.ambientlint.core.load.LoadedRepository;
import io.ambientlint.core.load.RepositoryLoader;
import io.ambientlint.core.model.Kind;
import io.ambientlint.core.model.Model;
import io.ambientlint.core.model.Resource;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Every schema the analysis knows, built once per cluster: CRDs in the repository first, then {@code --crd}
 * files, then the bundled schemas; for each (group, kind) the first source that declares it wins, versions and
 * all, so a repository that vendors its CRDs is checked against exactly what its cluster serves.
 * When the repository holds several CRDs of one kind, a resource is checked against the copy its own
 * deployment unit applies; otherwise against the newest copy (see {@link #NEWEST_FIRST}). Copies that give one
 * served version different schemas are reported once as a {@link Diagnostic.Kind#CRD_CONFLICT} notification.
 * Schemas are converted and compiled on first use and cached per (group, kind, version); safe to share
 * between threads.
 */
public final class SchemaRegistry {

  private final Map<GroupKind, KindSchemas> kinds;
  /** Kinds with more than one CRD in the repository: every copy, newest first. */
  private final Map<GroupKind, List<KindSchemas>> copies;
  /** The deployment units that apply a file; empty when units are unknown. */
  private final Function<String, List<String>> unitsOfFile;
  private final List<Diagnostic> diagnostics;
  private final Map<Key, Optional<CompiledSchema>> compiled = new ConcurrentHashMap<>();

  /** Map keys as records: looked up once per resource, so no string building. */
  private record GroupKind(String group, String kind) {}

  /** The origin is part of the key: two copies of a CRD may give one version different schemas. */
  private record Key(String group, String kind, String version, String origin) {}

  private SchemaRegistry(Map<GroupKind, KindSchemas> kinds, Map<GroupKind, List<KindSchemas>> copies,
      Function<String, List<String>> unitsOfFile, List<Diagnostic> diagnostics) {
    this.kinds = kinds;
    this.copies = copies;
    this.unitsOfFile = unitsOfFile;
    this.diagnostics = List.copyOf(diagnostics);
  }

  /**
   * "Newest" among copies of a CRD: the copy whose most preferred served version ranks highest in Kubernetes'
   * version priority (v2 before v1 before v1beta2 before v1alpha1), then the copy serving more versions; on a
   * tie, the first in load order. An older copy (a stale vendored CRD in a test folder) is what a cluster
   * upgraded past no longer serves.
   */
  static final Comparator<KindSchemas> NEWEST_FIRST = Comparator
      .comparing((KindSchemas k) -> k.preferredVersion().orElse(""), (a, b) -> a.isEmpty() || b.isEmpty()
          ? Boolean.compare(a.isEmpty(), b.isEmpty()) : ApiVersion.comparePriority(a, b))
      .thenComparing(k -> -k.servedVersions().size());

  /** Sources in precedence order; a kind declared by an earlier source hides later declarations. */
  public static SchemaRegistry of(List<KindSchemas> sources, List<Diagnostic> diagnostics) {
    return of(sources, diagnostics, path -> List.of());
  }

  /** {@link #of(List, List)} where {@code unitsOfFile} names the deployment units that apply a file. */
  public static SchemaRegistry of(List<KindSchemas> sources, List<Diagnostic> diagnostics,
      Function<String, List<String>> unitsOfFile) {
    Map<GroupKind, List<KindSchemas>> repositoryCopies = new LinkedHashMap<>();
    for (KindSchemas k : sources) {
      if (k.source() == SchemaSource.REPOSITORY) {
        repositoryCopies.computeIfAbsent(new GroupKind(k.group(), k.kind()), x -> new ArrayList<>()).add(k);
      }
    }
    List<Diagnostic> all = new ArrayList<>(diagnostics);
    Map<GroupKind, List<KindSchemas>> copies = new HashMap<>();
    Map<GroupKind, KindSchemas> kinds = new LinkedHashMap<>();
    for (Map.Entry<GroupKind, List<KindSchemas>> e : repositoryCopies.entrySet()) {
      List<KindSchemas> list = distinctOrigins(e.getValue());
      if (list.size() > 1) {
        conflicts(list, all);
        list.sort(NEWEST_FIRST); // stable: load order breaks ties
        copies.put(e.getKey(), List.copyOf(list));
      }
      kinds.put(e.getKey(), list.get(0));
    }
    for (KindSchemas k : sources) {
      kinds.putIfAbsent(new GroupKind(k.group(), k.kind()), k);
    }
    return new SchemaRegistry(kinds, copies, unitsOfFile, all);
  }

  /** One copy per file: the same CRD rendered twice from one file is one copy. */
  private static List<KindSchemas> distinctOrigins(List<KindSchemas> list) {
    Map<String, KindSchemas> byOrigin = new LinkedHashMap<>();
    list.forEach(k -> byOrigin.putIfAbsent(k.origin(), k));
    return new ArrayList<>(byOrigin.values());
  }

  /** One notification per pair of files that give a version served by both different schemas. */
  private static void conflicts(List<KindSchemas> list, List<Diagnostic> out) {
    for (int i = 0; i < list.size(); i++) {
      for (int j = i + 1; j < list.size(); j++) {
        KindSchemas a = list.get(i);
        KindSchemas b = list.get(j);
        List<String> differing = new ArrayList<>();
        for (String v : a.servedVersions()) {
          Optional<ApiVersion> other = b.version(v).filter(ApiVersion::served);
          if (other.isPresent() && !a.version(v).get().openApiSchema().equals(other.get().openApiSchema())) {
            differing.add(v);
          }
        }
        if (!differing.isEmpty()) {
          out.add(Diagnostic.ofFile(Diagnostic.Kind.CRD_CONFLICT, b.origin(), String.format(
              "the CustomResourceDefinitions of %s.%s in %s and %s give served version %s different schemas; "
              + "a resource is checked against the copy its deployment unit applies, else the newest; remove "
              + "the stale copy or exclude its folder", a.kind(), a.group(), a.origin(), b.origin(),
              String.join(", ", differing))));
        }
      }
    }
  }
  /** The registry for one analysis: the model's CRDs, config {@code crds} (relative to {@code baseDirectory}), bundled. */
  public static SchemaRegistry build(Model model, Config config, Path baseDirectory) {
    return build(model, config, baseDirectory, path -> List.of());
  }

  /** {@link #build(Model, Config, Path)} where {@code unitsOfFile} names the deployment units that apply a file. */
  public static SchemaRegistry build(Model model, Config config, Path baseDirectory,
      Function<String, List<String>> unitsOfFile) {
    List<KindSchemas> sources = new ArrayList<>();
    for (Resource crd : model.ofKind(Kind.CUSTOM_RESOURCE_DEFINITION)) {
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
    return of(sources, diagnostics, unitsOfFile);
  }

  /** What the registry knows of a kind, from the first source that declares it. */
  public Optional<KindSchemas> kind(String group, String kind) {
    return Optional.ofNullable(kinds.get(new GroupKind(group, kind)));
  }

  /**
   * The copy of {@code kind} that applies to {@code resource}: when the repository holds several, the one a
   * deployment unit of the resource's file also applies (the newest of those), else {@code kind}, the newest.
   */
  public KindSchemas kindFor(KindSchemas kind, Resource resource) {
    return kindFor(kind, resource.path());
  }

  /** {@link #kindFor(KindSchemas, Resource)} for a resource in file {@code path}. */
  public KindSchemas kindFor(KindSchemas kind, String path) {
    List<KindSchemas> list = copies.get(new GroupKind(kind.group(), kind.kind()));
    if (list == null) {
      return kind;
    }
    List<String> units = unitsOfFile.apply(path);
    if (units.isEmpty()) {
      return kind;
    }
    for (KindSchemas copy : list) {
      if (unitsOfFile.apply(copy.origin()).stream().anyMatch(units::contains)) {
        return copy;
      }
    }
    return kind;
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
    Key key = new Key(group, kind, version, k.origin());
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
    KindSchemas k = kinds.get(new GroupKind(resource.group(), resource.kind()));
    return k == null ? List.of() : schema(kindFor(k, resource), resource.version())
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
