package io.ambientlint.core;

import io.ambientlint.core.config.Config;
import io.ambientlint.core.config.RuleSetting;
import io.ambientlint.core.gitops.AnalyzedDeployment;
import io.ambientlint.core.gitops.ClusterPlan;
import io.ambientlint.core.gitops.Deployment;
import io.ambientlint.core.gitops.DeploymentUnit;
import io.ambientlint.core.gitops.FileSelectionRenderer;
import io.ambientlint.core.gitops.UnitDiscovery;
import io.ambientlint.core.gitops.UnitFindings;
import io.ambientlint.core.gitops.UnitRenderer;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.kustomize.KustomizeRenderer;
import io.ambientlint.core.kustomize.KustomizeUnitRenderer;
import io.ambientlint.core.kustomize.RenderChains;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.load.GitRevisionSource;
import io.ambientlint.core.load.LoadedRepository;
import io.ambientlint.core.load.RepositoryLoader;
import io.ambientlint.core.load.SourcePosition;
import io.ambientlint.core.model.ModelBuilder;
import io.ambientlint.core.model.Resource;
import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.MissingObjects;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleRegistry;
import io.ambientlint.core.schema.SchemaRegistry;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The pipeline: load -> units -> per cluster: model -> graph -> rules -> merged, sorted, filtered findings. */
public final class Analyzer {

  /** Annotation that silences findings on the object carrying it: {@code "AL202,AL401: reason"} or {@code "*"}. */
  public static final String IGNORE_ANNOTATION = "ambient-lint.io/ignore";

  private final Config config;
  private final RuleRegistry registry;
  private final Path baseDirectory;

  public Analyzer(Config config, RuleRegistry registry, Path baseDirectory) {
    this.config = config;
    this.registry = registry;
    this.baseDirectory = baseDirectory;
  }

  public AnalysisResult analyze(List<String> paths, InputStream stdin) {
    return analyze(new RepositoryLoader(baseDirectory, config.limits(), config.exclude(), stdin).load(paths));
  }

  /**
   * Analyzes the same paths as they are at a Git revision, read from the repository that holds the base
   * directory (no checkout). Throws {@link GitRevisionSource.RevisionException} when there is no repository or
   * no such revision.
   */
  public AnalysisResult analyzeRevision(List<String> paths, String revision) {
    RepositoryLoader loader = new RepositoryLoader(baseDirectory, config.limits(), config.exclude(), InputStream.nullInputStream());
    // The renderer reads the working tree, never a revision: a revision's kustomizations are taken as written.
    // withoutRendering() makes the working-tree side of a comparison alike, so that nothing hides a change.
    return withoutRendering().analyze(new GitRevisionSource(loader, baseDirectory).load(paths, revision));
  }

  private static java.util.function.Function<String, List<String>> unitsOfFile(ClusterPlan plan) {
    Map<String, List<String>> unitsByFile = plan.unitsByFile();
    return file -> unitsByFile.getOrDefault(file, List.of());
  }

  /**
   * Analyzes what a loader read: the deployment units are found, each cluster gets its own model and graph,
   * the rules run per cluster, and identical findings of several clusters become one naming their units.
   */
  public AnalysisResult analyze(LoadedRepository repository) {
    UnitRenderer unitRenderer = renderer != null ? renderer : new KustomizeUnitRenderer(baseDirectory, config.limits());
    Deployment deployment = new UnitDiscovery(config.gitops(), unitRenderer).discover(repository);
    List<MeshGraph> graphs = new ArrayList<>();
    List<AnalysisResult> parts = new ArrayList<>();
    for (ClusterPlan plan : deployment.clusters()) {
      LoadedRepository part = plan.repository();
      ModelBuilder.Result model = new ModelBuilder(config.defaultNamespace(), plan.placement()).build(part);
      List<Diagnostic> diagnostics = new ArrayList<>(part.diagnostics());
      diagnostics.addAll(model.diagnostics());
      SchemaRegistry schemas = SchemaRegistry.build(model.model(), config, baseDirectory, unitsOfFile(plan));
      diagnostics.addAll(schemas.diagnostics());
      MeshGraph graph = MeshGraph.build(model.model(), config, diagnostics, part.files(), schemas);
      graphs.add(graph);
      parts.add(withoutVerdictsOnUnknownObjects(analyze(graph), plan));
    }
    Set<Diagnostic> notifications = new java.util.LinkedHashSet<>();
    boolean renders = unitRenderer instanceof KustomizeUnitRenderer;
    // One set, not a scan of every unit's files per diagnostic: a dense repository has thousands of each.
    Set<String> renderedFiles = new HashSet<>();
    deployment.units().stream().filter(u -> u.kind() == DeploymentUnit.Kind.KUSTOMIZE_ROOT)
        .forEach(u -> renderedFiles.addAll(u.sourceFiles()));
    for (Diagnostic d : repository.diagnostics()) {
      // A rendered kustomization is not "skipped", and the patches it consumes are not stray non-objects.
      boolean rendered = renders && (d.kind() == Diagnostic.Kind.SKIPPED && isKustomization(d.path())
          || d.kind().isNotAnObject() && renderedFiles.contains(d.path()));
      if (!d.kind().isFinding() && !rendered) {
        notifications.add(d);
      }
    }
    if (unitRenderer instanceof KustomizeUnitRenderer kustomize) {
      notifications.addAll(kustomize.diagnostics());
    }
    notifications.addAll(deployment.notifications());
    List<Finding> findings = UnitFindings.merge(deployment,
        parts.stream().map(p -> new UnitFindings.ClusterFindings(p.graph(), p.findings())).toList());
    parts.forEach(p -> notifications.addAll(p.notifications()));
    List<Diagnostic> sortedNotifications = new ArrayList<>(notifications);
    sortedNotifications.sort(NOTIFICATION_ORDER);
    return new AnalysisResult(graphs.get(0), registry.metadata(), findings, sortedNotifications, Optional.empty(),
        new AnalyzedDeployment(deployment, graphs, repository.files().size()));
  }

  /**
   * Unknown is not absent: when a unit of the cluster applies objects ambient-lint does not know (a remote or
   * unread base, a Helm chart, options not applied), an object referenced but not found may be one of them, so
   * the findings that say it is missing are not reported; one notification says how many and why.
   */
  private static AnalysisResult withoutVerdictsOnUnknownObjects(AnalysisResult result, ClusterPlan plan) {
    List<DeploymentUnit> incomplete = plan.units().stream().filter(u -> !u.notRendered().isEmpty()).toList();
    List<Finding> missing = result.findings().stream().filter(Finding::isAboutMissingObject).toList();
    if (incomplete.isEmpty() || missing.isEmpty()) {
      return result;
    }
    List<Finding> kept = result.findings().stream().filter(f -> !f.isAboutMissingObject()).toList();
    Set<String> rules = new java.util.TreeSet<>();
    Set<String> objects = new java.util.TreeSet<>();
    missing.forEach(f -> {
      rules.add(f.ruleId());
      objects.add(f.missingObject());
    });
    DeploymentUnit first = incomplete.get(0);
    String message = (objects.size() == 1 ? "1 object" : objects.size() + " objects") + " referenced in cluster "
        + plan.id() + " but not found (" + String.join(", ", objects) + ") are not reported as missing ("
        + String.join(", ", rules) + "): unit" + (incomplete.size() == 1 ? " " : "s ")
        + String.join(", ", incomplete.stream().map(DeploymentUnit::name).toList()) + " also appl"
        + (incomplete.size() == 1 ? "ies" : "y") + " objects ambient-lint does not know, which may hold them "
        + "(`ambient-lint units` lists what was not rendered); declare objects that live elsewhere in config external";
    Diagnostic note = first.definedAt()
        .map(at -> Diagnostic.at(Diagnostic.Kind.SKIPPED, at.path(), at.position(), message))
        .orElse(Diagnostic.ofFile(Diagnostic.Kind.SKIPPED, "", message));
    List<Diagnostic> notifications = new ArrayList<>(result.notifications());
    notifications.add(note);
    return new AnalysisResult(result.graph(), result.rules(), kept, notifications, result.comparison());
  }

  private static final Comparator<Diagnostic> NOTIFICATION_ORDER = Comparator.comparing(Diagnostic::path)
      .thenComparingInt((Diagnostic d) -> d.position().line()).thenComparingInt(d -> d.position().column())
      .thenComparing(Diagnostic::message);

  private static boolean isKustomization(String path) {
    return KustomizeRenderer.FILE_NAMES.contains(path.substring(path.lastIndexOf('/') + 1));
  }

  /** The same analysis with another renderer of kustomization folders (default: {@code core.kustomize}). */
  public Analyzer withRenderer(UnitRenderer unitRenderer) {
    Analyzer a = new Analyzer(config, registry, baseDirectory);
    a.renderer = unitRenderer;
    return a;
  }

  /**
   * Kustomizations taken as written (their files' objects, no patch or transformer applied), as a Git
   * revision is analyzed: both sides of a {@code --new-since} comparison must be read alike.
   */
  public Analyzer withoutRendering() {
    return withRenderer(new FileSelectionRenderer());
  }

  /** Null: a fresh {@link KustomizeUnitRenderer} per analysis (it remembers what it rendered). */
  private UnitRenderer renderer;

  /** Runs the enabled rules over a built graph. */
  public AnalysisResult analyze(MeshGraph graph) {
    List<Rule> enabled = registry.rules().stream().filter(r -> config.runsRule(r.metadata().id())).toList();
    // Rules are independent and read an immutable graph: run them in parallel, then order the output.
    List<RuleOutcome> outcomes = enabled.parallelStream().map(r -> run(r, graph)).toList();
    List<Finding> findings = new ArrayList<>();
    List<Diagnostic> notifications = new ArrayList<>();
    for (Diagnostic d : graph.loadDiagnostics()) {
      if (!d.kind().isFinding()) {
        notifications.add(d);
      }
    }
    for (RuleOutcome outcome : outcomes) {
      findings.addAll(outcome.findings());
      notifications.addAll(outcome.notifications());
    }
    Map<String, List<Resource>> objectsByFile = objectsInFilesOf(graph, findings);
    List<Finding> processed = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      override(attribute(f, objectsByFile)).ifPresent(o -> processed.add(RenderChains.withChain(suppress(graph, o), graph)));
    }
    notifications.sort(NOTIFICATION_ORDER);
    return new AnalysisResult(graph, registry.metadata(), MissingObjects.group(processed, Findings.OUTPUT_ORDER), notifications);
  }

  private record RuleOutcome(List<Finding> findings, List<Diagnostic> notifications) {}

  private RuleOutcome run(Rule rule, MeshGraph graph) {
    Findings findings = new Findings(config.maxFindingsKept());
    String id = rule.metadata().id();
    try {
      rule.check(graph, findings);
    } catch (RuntimeException | StackOverflowError e) {
      return new RuleOutcome(findings.toList(), List.of(Diagnostic.ofFile(Diagnostic.Kind.RULE_FAILURE, "",
          "rule " + id + " (" + rule.metadata().name() + ") failed and its results are incomplete: " + e
              + "; please report this with the input that caused it")));
    }
    if (findings.dropped() > 0) {
      // Memory must be bounded somewhere; past this limit the gate cannot judge what it did not keep.
      return new RuleOutcome(findings.toList(), List.of(Diagnostic.ofFile(Diagnostic.Kind.LIMIT, "",
          "rule " + id + " reported " + (findings.size() + findings.dropped()) + " findings; only the first "
              + findings.maxKept() + " were kept (limits.maxFindingsKept), so suppressions, the baseline and"
              + " comparisons could not judge the rest; raise the limit or fix the findings")));
    }
    return new RuleOutcome(findings.toList(), List.of());
  }

  /** The loaded objects of the files that have file-level findings (usually none). */
  private static Map<String, List<Resource>> objectsInFilesOf(MeshGraph graph, List<Finding> findings) {
    Set<String> paths = new HashSet<>();
    for (Finding f : findings) {
      if (f.subject().isEmpty()) {
        paths.add(f.location().path());
      }
    }
    Map<String, List<Resource>> byFile = new HashMap<>();
    for (String path : paths) {
      byFile.put(path, graph.model().resourcesIn(path));
    }
    return byFile;
  }

  /**
   * A file-level finding inside an object's document (a duplicate key) is about that object: its fingerprint
   * then survives moving the object to another file, and the object's ignore annotation applies to it.
   */
  private static Finding attribute(Finding f, Map<String, List<Resource>> objectsByFile) {
    if (f.subject().isPresent()) {
      return f;
    }
    SourcePosition at = f.location().position();
    for (Resource r : objectsByFile.getOrDefault(f.location().path(), List.of())) {
      SourcePosition span = r.locate("").position();
      boolean afterStart = at.line() > span.line() || (at.line() == span.line() && at.column() >= span.column());
      boolean beforeEnd = at.line() < span.endLine() || (at.line() == span.endLine() && at.column() <= span.endColumn());
      if (afterStart && beforeEnd) {
        return f.about(r.id());
      }
    }
    return f;
  }

  /** The finding at the severity configured for its file, or none where the rule is off for that file. */
  private Optional<Finding> override(Finding f) {
    String path = f.location().path();
    RuleSetting setting = config.overrides().isEmpty() || path.isEmpty() || path.startsWith("<")
        ? config.ruleSetting(f.ruleId())
        : config.ruleSetting(f.ruleId(), Path.of(path), baseDirectory);
    if (!setting.enabled()) {
      return Optional.empty();
    }
    return Optional.of(setting.severity().map(f::withSeverity).orElse(f));
  }

  private static Finding suppress(MeshGraph graph, Finding f) {
    Optional<Resource> subject = f.subject().flatMap(graph::resource);
    if (subject.isEmpty()) {
      return f;
    }
    String value = subject.get().annotations().get(IGNORE_ANNOTATION);
    if (value == null) {
      return f;
    }
    int colon = value.indexOf(':');
    String ids = colon < 0 ? value : value.substring(0, colon);
    String reason = colon < 0 ? "" : value.substring(colon + 1).trim();
    for (String id : ids.split(",")) {
      String trimmed = id.trim();
      if (trimmed.equals("*") || trimmed.equals(f.ruleId())) {
        return f.withSuppression(new Finding.Suppression(Finding.Suppression.Kind.IN_SOURCE,
            reason.isEmpty() ? IGNORE_ANNOTATION + " on " + subject.get().displayName() : reason));
      }
    }
    return f;
  }
}
