package io.ambientlint.core.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.ambientlint.core.config.GitopsSettings;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.load.LoadedDocument;
import io.ambientlint.core.load.LoadedRepository;
import io.ambientlint.core.load.SourceFile;
import io.ambientlint.core.load.SourcePosition;
import io.ambientlint.core.model.Location;
import io.ambientlint.core.model.ModelBuilder;
import io.ambientlint.core.model.NamespaceOrigin;
import java.nio.file.PathMatcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds the deployment units of a loaded repository and groups them into environments and clusters
 * (docs/architecture.md "Deployment units"). Nothing is fetched and nothing from the repository is executed: Helm charts, plugins, other
 * repositories and generators that need a live Argo CD are listed as not rendered.
 */
public final class UnitDiscovery {

  /** What an Argo CD destination means when it is the cluster Argo CD runs in. */
  static final String IN_CLUSTER = "in-cluster";
  private static final String LOCAL_SERVER = "https://kubernetes.default.svc";
  static final String LOOSE = "loose files";

  private final GitopsSettings settings;
  private final UnitRenderer renderer;

  public UnitDiscovery(GitopsSettings settings, UnitRenderer renderer) {
    this.settings = settings;
    this.renderer = renderer;
  }

  /** A unit while it is being discovered. */
  private static final class Draft {
    String name;
    DeploymentUnit.Kind kind;
    LoadedDocument definer;
    Location definedAt;
    String destination = IN_CLUSTER;
    boolean destinationGiven;
    String namespace = "";
    Location namespaceAt;
    boolean namespaceForced;
    final LinkedHashSet<String> files = new LinkedHashSet<>();
    /** Folders whose kustomization the renderer renders for this unit. */
    final List<String> renderFolders = new ArrayList<>();
    /** The controller's Kustomize options for each of {@link #renderFolders} (same order). */
    final List<UnitRenderer.Options> renderWith = new ArrayList<>();
    final List<LoadedDocument> rendered = new ArrayList<>();
    /** Files the rendering read (its objects' files, patches, configs): reached, never loose. */
    final LinkedHashSet<String> consumed = new LinkedHashSet<>();
    final List<String> notRendered = new ArrayList<>();
    final Map<String, String> variables = new LinkedHashMap<>();
    boolean substitutes;
    String namePrefix = "";
    String nameSuffix = "";
    boolean renamedByRenderer;
    JsonNode renderOptions = MissingNode.getInstance();
    String environment;
    Draft parent;
    String configuredEnvironment = "";
  }

  public Deployment discover(LoadedRepository repository) {
    RepoTree tree = new RepoTree(repository);
    List<Diagnostic> notifications = new ArrayList<>();
    List<Draft> drafts = new ArrayList<>();
    if (!settings.units().isEmpty()) {
      configured(tree, drafts);
    } else {
      for (LoadedDocument doc : repository.documents()) {
        JsonNode root = doc.root();
        String apiVersion = root.path("apiVersion").asText("");
        String kind = root.path("kind").asText("");
        if (apiVersion.startsWith("argoproj.io/") && kind.equals("Application")) {
          application(tree, doc, root, "", drafts, notifications);
        } else if (apiVersion.startsWith("argoproj.io/") && kind.equals("ApplicationSet")) {
          applicationSet(tree, doc, drafts, notifications);
        } else if (apiVersion.startsWith("kustomize.toolkit.fluxcd.io/") && kind.equals("Kustomization")) {
          fluxKustomization(tree, repository, doc, drafts, notifications);
        } else if (apiVersion.startsWith("helm.toolkit.fluxcd.io/") && kind.equals("HelmRelease")) {
          helmRelease(doc, drafts, notifications);
        }
      }
      kustomizeRoots(repository, drafts);
      uniqueNames(drafts);
      link(tree, drafts, notifications);
    }
    boolean discovered = !drafts.isEmpty();
    Set<String> reached = new HashSet<>();
    drafts.forEach(d -> {
      reached.addAll(d.files);
      reached.addAll(d.consumed);
    });
    // Files beside top-level Applications are applied with them (kubectl apply -f, a bootstrap Application).
    Map<String, Draft> bootstraps = new TreeMap<>();
    for (Draft d : new ArrayList<>(drafts)) {
      if (d.parent == null && isArgo(d)) {
        String folder = RepoTree.parent(rootRelative(tree, d.definer.path()));
        bootstraps.computeIfAbsent(folder, f -> {
          Draft b = new Draft();
          b.name = f.isEmpty() ? "." : f;
          b.kind = DeploymentUnit.Kind.LOOSE_FILES;
          b.environment = d.environment;
          return b;
        });
      }
    }
    Draft loose = new Draft();
    loose.name = LOOSE;
    loose.kind = DeploymentUnit.Kind.LOOSE_FILES;
    loose.environment = LOOSE;
    for (String file : tree.displayOf.keySet()) {
      if (!reached.contains(file)) {
        Draft bootstrap = bootstraps.get(RepoTree.parent(file));
        (bootstrap != null ? bootstrap : loose).files.add(file);
      }
    }
    for (Draft b : bootstraps.values()) {
      if (!b.files.isEmpty()) {
        drafts.add(b);
      }
    }
    if (!loose.files.isEmpty() || drafts.isEmpty()) {
      drafts.add(loose);
    }
    applyEnvironmentSettings(drafts);
    List<DeploymentUnit> units = new ArrayList<>();
    Map<LoadedDocument, ModelBuilder.Placement> placements = new IdentityHashMap<>();
    for (Draft d : drafts) {
      units.add(finish(d, tree, placements));
    }
    return new Deployment(units, clusters(units, repository, placements), notifications, discovered);
  }

  // ---- Argo CD

  private void application(RepoTree tree, LoadedDocument doc, JsonNode app, String templatePointer, List<Draft> drafts,
      List<Diagnostic> notifications) {
    Draft d = new Draft();
    d.kind = templatePointer.isEmpty() ? DeploymentUnit.Kind.ARGO_APPLICATION : DeploymentUnit.Kind.APPLICATION_SET;
    d.name = app.path("metadata").path("name").asText("");
    if (d.name.isEmpty()) {
      return; // not a Kubernetes object: AL-level diagnostics say so
    }
    d.definer = doc;
    d.definedAt = new Location(doc.path(), doc.positionOf(templatePointer + "/metadata/name"));
    JsonNode spec = app.path("spec");
    JsonNode destination = spec.path("destination");
    String server = destination.path("server").asText("");
    String clusterName = destination.path("name").asText("");
    if (!server.isEmpty() || !clusterName.isEmpty()) {
      d.destinationGiven = true;
      d.destination = server.equals(LOCAL_SERVER) || clusterName.equals(IN_CLUSTER) || (server.isEmpty()
          && clusterName.isEmpty()) ? IN_CLUSTER : !server.isEmpty() ? server : clusterName;
    }
    if (destination.path("namespace").isTextual() && !destination.path("namespace").asText().isEmpty()) {
      d.namespace = destination.path("namespace").asText();
      d.namespaceAt = new Location(doc.path(), doc.positionOf(templatePointer + "/spec/destination/namespace"));
    }
    List<JsonNode> sources = new ArrayList<>();
    if (spec.path("source").isObject()) {
      sources.add(spec.get("source"));
    }
    spec.path("sources").forEach(s -> {
      if (s.isObject()) {
        sources.add(s);
      }
    });
    if (sources.isEmpty()) {
      return; // no source it could apply (a malformed Application): not a unit, its schema findings say why
    }
    for (int i = 0; i < sources.size(); i++) {
      String pointer = templatePointer + (spec.path("source").isObject() && i == 0 ? "/spec/source"
          : "/spec/sources/" + (spec.path("source").isObject() ? i - 1 : i));
      argoSource(tree, d, sources.get(i), pointer, notifications);
    }
    drafts.add(d);
  }

  private void argoSource(RepoTree tree, Draft d, JsonNode source, String pointer, List<Diagnostic> notifications) {
    String repoURL = source.path("repoURL").asText("");
    if (source.has("chart")) {
      d.notRendered.add("Helm chart " + source.path("chart").asText() + " from " + repoURL + " (Helm is not rendered)");
      return;
    }
    if (!source.path("path").isTextual()) {
      return; // a values-only source ("ref"): it applies nothing itself
    }
    Optional<String> folder = repositoryFolder(tree, repoURL, RepoTree.normalise(source.path("path").asText()));
    if (folder.isEmpty()) {
      d.notRendered.add("path " + source.path("path").asText() + " of " + repoURL
          + " (another repository: map it to a local folder with the config key repositories)");
      notifyOnce(notifications, d, "Application " + d.name + " applies " + repoURL + " path "
          + source.path("path").asText() + ", which is not in the analyzed files; its objects are unknown "
          + "(map the repository to a local folder with the config key repositories)");
      return;
    }
    String path = folder.get();
    if (source.has("helm") || tree.isHelmChart(path)) {
      d.notRendered.add("Helm chart in " + path + " (Helm is not rendered)");
      return;
    }
    if (source.has("plugin")) {
      d.notRendered.add("config management plugin on " + path + " (plugins are not run)");
      return;
    }
    if (tree.kustomizationFolders.contains(path) || source.has("kustomize")) {
      kustomizeFolder(d, path, new UnitRenderer.Options(UnitRenderer.Options.Controller.ARGO_CD,
          source.path("kustomize"), d.definer, pointer + "/kustomize", "Application " + d.name, List.of()));
      return;
    }
    JsonNode directory = source.path("directory");
    boolean recurse = directory.path("recurse").asBoolean(false);
    List<PathMatcher> include = globs(directory.path("include"));
    List<PathMatcher> exclude = globs(directory.path("exclude"));
    for (String file : tree.filesIn(path, recurse)) {
      String relative = path.isEmpty() ? file : file.substring(path.length() + 1);
      if ((include.isEmpty() || anyMatch(include, relative)) && !anyMatch(exclude, relative)) {
        d.files.add(file);
      }
    }
    if (directory.has("jsonnet") && !directory.path("jsonnet").isEmpty()) {
      d.notRendered.add("Jsonnet files in " + path + " (Jsonnet is not evaluated)");
    }
  }

  /**
   * Argo CD's include/exclude: one glob or {@code {a,b}}, matched against the path below the source path; a
   * pattern without '/' also matches a file's name in any folder.
   */
  private static List<PathMatcher> globs(JsonNode patterns) {
    if (!patterns.isTextual() || patterns.asText().isBlank()) {
      return List.of();
    }
    String pattern = patterns.asText().trim();
    List<PathMatcher> out = new ArrayList<>();
    out.add(RepoTree.glob(pattern));
    if (!pattern.contains("/")) {
      out.add(RepoTree.glob("**/" + pattern));
    }
    return out;
  }

  private static boolean anyMatch(List<PathMatcher> matchers, String path) {
    return matchers.stream().anyMatch(m -> RepoTree.matches(m, path));
  }

  /** The root-relative folder of {@code path} in {@code repoURL}, when the repository is in the analyzed tree. */
  private Optional<String> repositoryFolder(RepoTree tree, String repoURL, String path) {
    String mapped = settings.repositories().get(repoURL);
    if (mapped == null) {
      String normal = normaliseUrl(repoURL);
      for (Map.Entry<String, String> e : settings.repositories().entrySet()) {
        if (normaliseUrl(e.getKey()).equals(normal)) {
          mapped = e.getValue();
        }
      }
    }
    if (mapped != null) {
      String base = RepoTree.normalise(mapped);
      String full = base.isEmpty() ? path : path.isEmpty() ? base : base + "/" + path;
      return Optional.of(full);
    }
    // Not mapped: this repository, when the path is in it.
    return tree.hasFolder(path) || tree.helmFolders.contains(path) ? Optional.of(path) : Optional.empty();
  }

  private static String normaliseUrl(String url) {
    String u = url.trim().toLowerCase(java.util.Locale.ROOT);
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u.endsWith(".git") ? u.substring(0, u.length() - 4) : u;
  }

  private final Set<String> notified = new HashSet<>();

  private void notifyOnce(List<Diagnostic> notifications, Draft d, String message) {
    String key = message.replaceFirst("^\\S+ \\S+ ", "");
    if (notified.add(key)) {
      notifications.add(Diagnostic.at(Diagnostic.Kind.SKIPPED, d.definedAt.path(), d.definedAt.position(), message));
    }
  }

  private static void kustomizeFolder(Draft d, String path, UnitRenderer.Options options) {
    d.renderOptions = options.node();
    d.renderFolders.add(path);
    d.renderWith.add(options);
  }

  private static String rootRelative(RepoTree tree, String displayPath) {
    return tree.rootRelativeOf.getOrDefault(displayPath, displayPath);
  }

  private void applicationSet(RepoTree tree, LoadedDocument doc, List<Draft> drafts, List<Diagnostic> notifications) {
    JsonNode spec = doc.root().path("spec");
    String name = doc.root().path("metadata").path("name").asText("");
    boolean go = spec.path("goTemplate").asBoolean(false);
    JsonNode template = spec.path("template");
    Location at = new Location(doc.path(), doc.positionOf("/metadata/name"));
    if (!template.isObject()) {
      notifications.add(Diagnostic.at(Diagnostic.Kind.SKIPPED, at.path(), at.position(),
          "ApplicationSet " + name + " has no template: it generates no Application ambient-lint can follow"));
      return;
    }
    List<Map<String, Object>> all = new ArrayList<>();
    JsonNode generators = spec.path("generators");
    for (int i = 0; i < generators.size(); i++) {
      try {
        all.addAll(generate(tree, generators.get(i), go));
      } catch (AppSetTemplate.NotExpanded e) {
        SourcePosition p = doc.positionOf("/spec/generators/" + i);
        notifications.add(Diagnostic.at(Diagnostic.Kind.SKIPPED, doc.path(), p,
            "ApplicationSet " + name + ": " + e.getMessage() + "; the Applications it generates are not analyzed"));
      }
    }
    for (Map<String, Object> params : all) {
      try {
        JsonNode app = AppSetTemplate.fill(template, params, go);
        application(tree, doc, app, "/spec/template", drafts, notifications);
      } catch (AppSetTemplate.NotExpanded e) {
        notifications.add(Diagnostic.at(Diagnostic.Kind.SKIPPED, at.path(), at.position(),
            "ApplicationSet " + name + ": " + e.getMessage() + "; that Application is not analyzed"));
      }
    }
  }

  private List<Map<String, Object>> generate(RepoTree tree, JsonNode generator, boolean go)
      throws AppSetTemplate.NotExpanded {
    List<Map<String, Object>> out = new ArrayList<>();
    if (generator.has("list")) {
      JsonNode elements = generator.path("list").path("elements");
      if (!elements.isArray()) {
        throw new AppSetTemplate.NotExpanded("list generator without elements (elementsYaml) is not expanded");
      }
      for (JsonNode element : elements) {
        AppSetTemplate.params(element).ifPresent(out::add);
      }
    } else if (generator.has("git")) {
      JsonNode git = generator.get("git");
      String repoURL = git.path("repoURL").asText("");
      Optional<String> base = repositoryFolder(tree, repoURL, "");
      if (base.isEmpty() && !settings.repositories().isEmpty()) {
        throw new AppSetTemplate.NotExpanded("git generator on " + repoURL + " (not mapped to a local folder by the "
            + "config key repositories) is not expanded");
      }
      String prefix = base.orElse("");
      if (git.has("directories")) {
        List<PathMatcher> include = new ArrayList<>();
        List<PathMatcher> exclude = new ArrayList<>();
        for (JsonNode d : git.get("directories")) {
          String pattern = RepoTree.normalise(d.path("path").asText(""));
          (d.path("exclude").asBoolean(false) ? exclude : include).add(RepoTree.glob(pattern));
        }
        for (String folder : tree.folders) {
          String relative = relativeTo(prefix, folder);
          if (relative != null && anyMatch(include, relative) && !anyMatch(exclude, relative)) {
            out.add(AppSetTemplate.pathParams(relative, null, go));
          }
        }
      }
      if (git.has("files")) {
        for (JsonNode f : git.get("files")) {
          PathMatcher m = RepoTree.glob(RepoTree.normalise(f.path("path").asText("")));
          for (String file : tree.displayOf.keySet()) {
            String relative = relativeTo(prefix, file);
            if (relative == null || !RepoTree.matches(m, relative)) {
              continue;
            }
            for (LoadedDocument doc : tree.documentsOf.getOrDefault(tree.displayOf.get(file), List.of())) {
              Optional<Map<String, Object>> params = AppSetTemplate.params(doc.root());
              if (params.isPresent()) {
                Map<String, Object> all = new LinkedHashMap<>(params.get());
                all.putAll(AppSetTemplate.pathParams(RepoTree.parent(relative),
                    relative.substring(relative.lastIndexOf('/') + 1), go));
                out.add(all);
              }
            }
          }
        }
      }
    } else if (generator.has("clusters")) {
      if (settings.clusters().isEmpty()) {
        throw new AppSetTemplate.NotExpanded("clusters generator is not expanded: list the clusters Argo CD knows "
            + "under the config key clusters");
      }
      JsonNode matchLabels = generator.path("clusters").path("selector").path("matchLabels");
      for (GitopsSettings.ClusterSetting c : settings.clusters()) {
        boolean selected = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = matchLabels.fields(); it.hasNext();) {
          Map.Entry<String, JsonNode> e = it.next();
          selected &= e.getValue().asText().equals(c.labels().get(e.getKey()));
        }
        if (generator.path("clusters").path("selector").has("matchExpressions")) {
          throw new AppSetTemplate.NotExpanded("clusters generator with matchExpressions is not expanded");
        }
        if (selected) {
          Map<String, Object> params = new LinkedHashMap<>();
          params.put("name", c.name());
          params.put("nameNormalized", AppSetTemplate.normalize(c.name()));
          params.put("server", c.server());
          params.put("metadata", Map.of("labels", new LinkedHashMap<>(c.labels())));
          AppSetTemplate.params(generator.path("clusters").path("values")).ifPresent(v -> params.put("values", v));
          out.add(params);
        }
      }
    } else if (generator.has("matrix")) {
      JsonNode children = generator.path("matrix").path("generators");
      if (children.size() != 2) {
        throw new AppSetTemplate.NotExpanded("matrix generator needs exactly two generators");
      }
      for (Map<String, Object> a : generate(tree, children.get(0), go)) {
        for (Map<String, Object> b : generate(tree, children.get(1), go)) {
          Map<String, Object> both = new LinkedHashMap<>(a);
          both.putAll(b);
          out.add(both);
        }
      }
    } else if (generator.has("merge")) {
      JsonNode merge = generator.get("merge");
      List<String> keys = new ArrayList<>();
      merge.path("mergeKeys").forEach(k -> keys.add(k.asText()));
      JsonNode children = merge.path("generators");
      if (children.isEmpty()) {
        return out;
      }
      List<Map<String, Object>> base = generate(tree, children.get(0), go);
      for (int i = 1; i < children.size(); i++) {
        for (Map<String, Object> other : generate(tree, children.get(i), go)) {
          for (Map<String, Object> b : base) {
            if (keys.stream().allMatch(k -> java.util.Objects.equals(lookupKey(b, k, go), lookupKey(other, k, go)))) {
              b.putAll(other);
            }
          }
        }
      }
      out.addAll(base);
    } else {
      String kind = generator.fieldNames().hasNext() ? generator.fieldNames().next() : "(empty)";
      throw new AppSetTemplate.NotExpanded(kind + " generator is not expanded (it needs a live Argo CD or an "
          + "external service)");
    }
    return out;
  }

  private static Object lookupKey(Map<String, Object> params, String key, boolean go) {
    return go ? params.get(key) : AppSetTemplate.flatten(params).get(key);
  }

  private static String relativeTo(String prefix, String path) {
    if (prefix.isEmpty()) {
      return path;
    }
    return path.startsWith(prefix + "/") ? path.substring(prefix.length() + 1) : null;
  }

  // ---- Flux

  private void fluxKustomization(RepoTree tree, LoadedRepository repository, LoadedDocument doc, List<Draft> drafts,
      List<Diagnostic> notifications) {
    JsonNode root = doc.root();
    JsonNode spec = root.path("spec");
    Draft d = new Draft();
    d.kind = DeploymentUnit.Kind.FLUX_KUSTOMIZATION;
    d.name = root.path("metadata").path("name").asText("");
    if (d.name.isEmpty()) {
      return;
    }
    d.definer = doc;
    d.definedAt = new Location(doc.path(), doc.positionOf("/metadata/name"));
    JsonNode secret = spec.path("kubeConfig").path("secretRef").path("name");
    if (secret.isTextual() && !secret.asText().isEmpty()) {
      d.destination = "kubeConfig " + secret.asText();
      d.destinationGiven = true;
    } else if (spec.has("kubeConfig")) {
      d.destination = "kubeConfig of Kustomization " + d.name;
      d.destinationGiven = true;
    }
    if (spec.path("targetNamespace").isTextual() && !spec.path("targetNamespace").asText().isEmpty()) {
      d.namespace = spec.path("targetNamespace").asText();
      d.namespaceAt = new Location(doc.path(), doc.positionOf("/spec/targetNamespace"));
      d.namespaceForced = true;
    }
    d.namePrefix = spec.path("namePrefix").asText("");
    d.nameSuffix = spec.path("nameSuffix").asText("");
    ObjectNode options = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    for (String field : List.of("targetNamespace", "namePrefix", "nameSuffix", "patches", "images", "commonMetadata",
        "components", "ignoreMissingComponents", "patchesStrategicMerge", "patchesJson6902")) {
      if (spec.has(field)) {
        options.set(field, spec.get(field));
      }
    }
    String sourceKind = spec.path("sourceRef").path("kind").asText("GitRepository");
    if (!sourceKind.equals("GitRepository")) {
      d.notRendered.add(sourceKind + " " + spec.path("sourceRef").path("name").asText() + " (only Git sources are "
          + "taken to be this repository)");
      drafts.add(d);
      return;
    }
    JsonNode postBuild = spec.path("postBuild");
    if (postBuild.isObject()) {
      d.substitutes = true;
      String namespace = root.path("metadata").path("namespace").asText("");
      for (JsonNode from : postBuild.path("substituteFrom")) {
        String kind = from.path("kind").asText("");
        String name = from.path("name").asText("");
        Optional<LoadedDocument> configMap = kind.equals("ConfigMap") ? findConfigMap(repository, name, namespace)
            : Optional.empty();
        if (configMap.isPresent()) {
          configMap.get().root().path("data").fields()
              .forEachRemaining(e -> d.variables.put(e.getKey(), e.getValue().asText()));
        } else if (!from.path("optional").asBoolean(false)) {
          d.notRendered.add("variables of " + kind + " " + name + " (not in the analyzed files; "
              + "substitutions that use them are empty or their defaults)");
        }
      }
      postBuild.path("substitute").fields().forEachRemaining(e -> d.variables.put(e.getKey(), e.getValue().asText()));
    }
    String path = RepoTree.normalise(spec.path("path").asText(""));
    if (!tree.hasFolder(path)) {
      d.notRendered.add("path " + spec.path("path").asText() + " (not in the analyzed files)");
      notifications.add(Diagnostic.at(Diagnostic.Kind.SKIPPED, d.definedAt.path(), d.definedAt.position(),
          "Kustomization " + d.name + " applies path " + spec.path("path").asText() + ", which is not in the analyzed "
              + "files; its objects are unknown"));
    } else if (tree.kustomizationFolders.contains(path)) {
      kustomizeFolder(d, path, new UnitRenderer.Options(UnitRenderer.Options.Controller.FLUX, options, doc, "/spec",
          "Kustomization " + d.name, List.of()));
    } else if (fieldNames(options).stream().anyMatch(f -> !PLACED_WITHOUT_RENDERING.contains(f))
        && !generatedResources(tree, path).isEmpty()) {
      // Flux writes a kustomization listing the folder's manifests, then applies its options to it.
      kustomizeFolder(d, path, new UnitRenderer.Options(UnitRenderer.Options.Controller.FLUX, options, doc, "/spec",
          "Kustomization " + d.name, generatedResources(tree, path)));
    } else {
      // Flux generates a kustomization of every manifest below the path; namespace and names are set below.
      d.files.addAll(tree.filesIn(path, true));
      d.renderOptions = options;
    }
    drafts.add(d);
  }

  /** Flux options the unit applies to plain files itself (placement, {@link #transform}). */
  private static final Set<String> PLACED_WITHOUT_RENDERING = Set.of("targetNamespace", "namePrefix", "nameSuffix");

  /**
   * What Flux lists in the kustomization it writes for a folder without one (fluxcd/pkg kustomize_generator.go
   * {@code scanManifests}): each YAML manifest below it, and a sub-folder with a kustomization as a whole
   * (not descended into); relative to the folder.
   */
  private static List<String> generatedResources(RepoTree tree, String folder) {
    Set<String> out = new java.util.TreeSet<>();
    for (String file : tree.filesIn(folder, true)) {
      String relative = folder.isEmpty() ? file : file.substring(folder.length() + 1);
      String kustomized = null;
      String dir = RepoTree.parent(file);
      while (!dir.equals(folder) && dir.length() > folder.length()) {
        if (tree.kustomizationFolders.contains(dir)) {
          kustomized = dir; // the outermost one wins: keep climbing
        }
        dir = RepoTree.parent(dir);
      }
      if (kustomized != null) {
        out.add(folder.isEmpty() ? kustomized : kustomized.substring(folder.length() + 1));
      } else if ((relative.endsWith(".yaml") || relative.endsWith(".yml"))
          && !tree.documentsOf.getOrDefault(tree.displayOf.getOrDefault(file, file), List.of()).isEmpty()) {
        out.add(relative);
      }
    }
    return new ArrayList<>(out);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static Optional<LoadedDocument> findConfigMap(LoadedRepository repository, String name, String namespace) {
    LoadedDocument sameName = null;
    for (LoadedDocument doc : repository.documents()) {
      JsonNode root = doc.root();
      if (root.path("kind").asText("").equals("ConfigMap") && root.path("metadata").path("name").asText("").equals(name)) {
        String ns = root.path("metadata").path("namespace").asText("");
        if (ns.equals(namespace)) {
          return Optional.of(doc);
        }
        if (sameName == null && ns.isEmpty()) {
          sameName = doc;
        }
      }
    }
    return Optional.ofNullable(sameName);
  }

  private void helmRelease(LoadedDocument doc, List<Draft> drafts, List<Diagnostic> notifications) {
    Draft d = new Draft();
    d.kind = DeploymentUnit.Kind.HELM_RELEASE;
    d.name = doc.root().path("metadata").path("name").asText("");
    if (d.name.isEmpty()) {
      return;
    }
    d.definer = doc;
    d.definedAt = new Location(doc.path(), doc.positionOf("/metadata/name"));
    String chart = doc.root().path("spec").path("chart").path("spec").path("chart").asText("");
    d.notRendered.add("Helm chart" + (chart.isEmpty() ? "" : " " + chart) + " (Helm is not rendered)");
    notifyOnce(notifications, d, "HelmRelease " + d.name + " is not rendered (Helm charts are not rendered): "
        + "the objects it installs are unknown");
    drafts.add(d);
  }

  // ---- Kustomize roots (with a renderer)

  private void kustomizeRoots(LoadedRepository repository, List<Draft> drafts) {
    Set<String> claimed = new HashSet<>();
    drafts.forEach(d -> claimed.addAll(d.renderFolders));
    for (String folder : renderer.roots(repository)) {
      if (claimed.contains(folder)) {
        continue;
      }
      Draft d = new Draft();
      d.kind = DeploymentUnit.Kind.KUSTOMIZE_ROOT;
      d.name = folder.isEmpty() ? "." : folder;
      d.renderFolders.add(folder);
      d.renderWith.add(UnitRenderer.Options.NONE);
      drafts.add(d);
    }
    for (Draft d : drafts) {
      for (int i = 0; i < d.renderFolders.size(); i++) {
        String folder = d.renderFolders.get(i);
        UnitRenderer.Rendering out = renderer.render(repository, folder, d.renderWith.get(i));
        if (out.optionsApplied() && d.kind == DeploymentUnit.Kind.FLUX_KUSTOMIZATION) {
          // The renderer set the names as kustomize does (with the references to them): not again here.
          d.renamedByRenderer = true;
        }
        d.rendered.addAll(out.documents());
        d.consumed.addAll(out.files());
        d.notRendered.addAll(out.notRendered());
      }
    }
  }

  // ---- config units

  private void configured(RepoTree tree, List<Draft> drafts) {
    for (GitopsSettings.UnitSetting u : settings.units()) {
      Draft d = new Draft();
      d.kind = DeploymentUnit.Kind.CONFIGURED;
      d.name = u.name();
      d.destination = u.cluster();
      d.destinationGiven = true;
      d.namespace = u.namespace();
      d.environment = u.environment().isEmpty() ? "config" : u.environment();
      for (String pattern : u.paths()) {
        String folder = RepoTree.normalise(pattern);
        PathMatcher glob = RepoTree.glob(folder);
        for (String file : tree.displayOf.keySet()) {
          if ((tree.hasFolder(folder) && RepoTree.isUnder(folder, file)) || RepoTree.matches(glob, file)) {
            d.files.add(file);
          }
        }
      }
      drafts.add(d);
    }
  }

  // ---- the unit tree

  private static void uniqueNames(List<Draft> drafts) {
    Map<String, Integer> seen = new HashMap<>();
    for (Draft d : drafts) {
      int n = seen.merge(d.name, 1, Integer::sum);
      if (n > 1) {
        d.name = d.name + "#" + n;
      }
    }
  }

  /**
   * Parents, roots and environments: a unit whose defining object another unit applies is that unit's child;
   * the others are roots. Top-level Applications in one folder form one environment.
   */
  private static void link(RepoTree tree, List<Draft> drafts, List<Diagnostic> notifications) {
    Map<String, List<Draft>> definedIn = new HashMap<>();
    for (Draft d : drafts) {
      if (d.definer != null) {
        definedIn.computeIfAbsent(rootRelative(tree, d.definer.path()), p -> new ArrayList<>()).add(d);
      }
    }
    Map<Draft, List<Draft>> children = new IdentityHashMap<>();
    Set<Draft> produced = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Draft u : drafts) {
      List<Draft> out = new ArrayList<>();
      for (String file : u.files) {
        for (Draft v : definedIn.getOrDefault(file, List.of())) {
          if (v != u) {
            out.add(v);
            produced.add(v);
          }
        }
      }
      for (LoadedDocument doc : u.rendered) {
        for (Draft v : drafts) {
          if (v != u && v.definer != null && v.definer.path().equals(doc.path())
              && v.definer.documentIndex() == doc.documentIndex()) {
            out.add(v);
            produced.add(v);
          }
        }
      }
      children.put(u, out);
    }
    List<Draft> roots = new ArrayList<>();
    for (Draft d : drafts) {
      if (!produced.contains(d)) {
        roots.add(d);
      }
    }
    Set<Draft> visited = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    Set<String> cycles = new TreeSet<>();
    walk(roots, children, visited, cycles);
    // Units only reachable through a cycle: the first of each cycle stands as a root.
    for (Draft d : drafts) {
      if (!visited.contains(d)) {
        roots.add(d);
        walk(List.of(d), children, visited, cycles);
      }
    }
    for (String cycle : cycles) {
      notifications.add(Diagnostic.ofFile(Diagnostic.Kind.SKIPPED, "", "units apply each other in a cycle (" + cycle
          + "): each is analyzed once"));
    }
    Map<String, Integer> rootsPerFolder = new HashMap<>();
    for (Draft r : roots) {
      if (isArgo(r)) {
        rootsPerFolder.merge(RepoTree.parent(rootRelative(tree, r.definer.path())), 1, Integer::sum);
      }
    }
    for (Draft r : roots) {
      String folder = r.definer == null ? "" : RepoTree.parent(rootRelative(tree, r.definer.path()));
      String environment = isArgo(r) && rootsPerFolder.get(folder) > 1 ? (folder.isEmpty() ? "." : folder) : r.name;
      assignEnvironment(r, environment, children);
    }
  }

  /** Applications and the ones ApplicationSets generate: top-level ones in one folder are one environment. */
  private static boolean isArgo(Draft d) {
    return d.definer != null
        && (d.kind == DeploymentUnit.Kind.ARGO_APPLICATION || d.kind == DeploymentUnit.Kind.APPLICATION_SET);
  }

  private static void walk(List<Draft> roots, Map<Draft, List<Draft>> children, Set<Draft> visited, Set<String> cycles) {
    for (Draft root : roots) {
      if (visited.contains(root)) {
        continue;
      }
      Deque<List<Draft>> stack = new ArrayDeque<>();
      stack.push(List.of(root));
      visited.add(root);
      while (!stack.isEmpty()) {
        List<Draft> path = stack.pop();
        Draft last = path.get(path.size() - 1);
        for (Draft child : children.get(last)) {
          int at = path.indexOf(child);
          if (at >= 0) {
            List<String> names = path.subList(at, path.size()).stream().map(x -> x.name).sorted().toList();
            cycles.add(String.join(" -> ", names));
            continue;
          }
          if (visited.add(child)) {
            child.parent = last;
            List<Draft> next = new ArrayList<>(path);
            next.add(child);
            stack.push(next);
          }
        }
      }
    }
  }

  private static void assignEnvironment(Draft root, String environment, Map<Draft, List<Draft>> children) {
    Deque<Draft> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Draft d = todo.pop();
      if (d.environment != null) {
        continue;
      }
      d.environment = environment;
      for (Draft c : children.get(d)) {
        if (c.parent == d) {
          todo.push(c);
        }
      }
    }
  }

  private void applyEnvironmentSettings(List<Draft> drafts) {
    for (GitopsSettings.EnvironmentSetting e : settings.environments()) {
      List<PathMatcher> patterns = e.units().stream().map(RepoTree::glob).toList();
      for (Draft d : drafts) {
        if (e.units().contains(d.name) || anyMatch(patterns, d.name)) {
          d.environment = e.name();
        }
      }
    }
    for (Draft d : drafts) {
      if (d.environment == null) {
        d.environment = d.name;
      }
      // A unit without a destination of its own applies to the cluster of the unit that defines it.
      if (!d.destinationGiven && d.parent != null && d.parent.environment.equals(d.environment)) {
        Draft p = d.parent;
        while (p != null && !p.destinationGiven) {
          p = p.parent;
        }
        if (p != null && d.kind != DeploymentUnit.Kind.ARGO_APPLICATION && d.kind != DeploymentUnit.Kind.APPLICATION_SET) {
          d.destination = p.destination;
        }
      }
    }
  }

  // ---- finishing

  private DeploymentUnit finish(Draft d, RepoTree tree, Map<LoadedDocument, ModelBuilder.Placement> placements) {
    ModelBuilder.Placement placement = null;
    if (!d.namespace.isEmpty()) {
      NamespaceOrigin.Source source = d.kind == DeploymentUnit.Kind.FLUX_KUSTOMIZATION
          ? NamespaceOrigin.Source.FLUX_KUSTOMIZATION : NamespaceOrigin.Source.ARGO_CD_APPLICATION;
      String detail = (d.kind == DeploymentUnit.Kind.FLUX_KUSTOMIZATION ? "Kustomization " : "Application ") + d.name;
      placement = new ModelBuilder.Placement(NamespaceOrigin.of(source, d.namespace, d.namespaceAt, detail), d.namespaceForced);
    }
    // A set: a unit's files are listed once each, and a rendered unit's consumed files are checked against thousands.
    Set<String> displayFiles = new LinkedHashSet<>();
    List<LoadedDocument> documents = new ArrayList<>();
    for (String file : d.files) {
      String display = tree.displayOf.getOrDefault(file, file);
      displayFiles.add(display);
      for (LoadedDocument doc : tree.documentsOf.getOrDefault(display, List.of())) {
        documents.add(transform(d, doc, true));
      }
    }
    for (LoadedDocument doc : d.rendered) {
      documents.add(transform(d, doc, !d.renamedByRenderer));
    }
    for (String file : d.consumed) {
      displayFiles.add(tree.displayOf.getOrDefault(file, file));
    }
    if (placement != null) {
      for (LoadedDocument doc : documents) {
        placements.put(doc, placement);
      }
    }
    Optional<String> parent = Optional.ofNullable(d.parent).map(p -> p.name);
    return new DeploymentUnit(d.name, d.kind, Optional.ofNullable(d.definedAt), parent, d.environment, d.destination,
        d.namespace, List.copyOf(displayFiles), d.notRendered, documents, placement, d.renderOptions);
  }

  /**
   * The document as this unit applies it: a copy of its own (so two units applying one file are two
   * definitions), with Flux substitution and name prefix/suffix applied to a copy of the tree when they change it.
   */
  private static LoadedDocument transform(Draft d, LoadedDocument doc, boolean rename) {
    JsonNode root = doc.root();
    if (d.substitutes && !"disabled".equals(root.path("metadata").path("annotations")
        .path("kustomize.toolkit.fluxcd.io/substitute").asText())) {
      root = FluxSubstitution.apply(root, d.variables);
    }
    if (rename && (!d.namePrefix.isEmpty() || !d.nameSuffix.isEmpty()) && root.path("metadata").path("name").isTextual()
        && !KEEPS_NAME.contains(root.path("kind").asText())) {
      root = root.deepCopy();
      ((ObjectNode) root.get("metadata")).set("name",
          TextNode.valueOf(d.namePrefix + root.path("metadata").path("name").asText() + d.nameSuffix));
    }
    return new LoadedDocument(doc.path(), doc.documentIndex(), root, doc.source(), doc.pointerPrefix());
  }

  /** Kinds kustomize's prefix/suffix transformer leaves alone. */
  private static final Set<String> KEEPS_NAME = Set.of("CustomResourceDefinition", "Namespace");

  // ---- clusters

  private static List<ClusterPlan> clusters(List<DeploymentUnit> units, LoadedRepository repository,
      Map<LoadedDocument, ModelBuilder.Placement> placements) {
    Map<String, List<DeploymentUnit>> byCluster = new TreeMap<>();
    for (DeploymentUnit u : units) {
      byCluster.computeIfAbsent(u.clusterId(), k -> new ArrayList<>()).add(u);
    }
    Map<String, SourceFile> files = new HashMap<>();
    repository.files().forEach(f -> files.put(f.path(), f));
    Map<String, List<Diagnostic>> fileDiagnostics = new HashMap<>();
    for (Diagnostic d : repository.diagnostics()) {
      if (d.kind().isFinding()) {
        fileDiagnostics.computeIfAbsent(d.path(), p -> new ArrayList<>()).add(d);
      }
    }
    List<ClusterPlan> out = new ArrayList<>();
    for (List<DeploymentUnit> members : byCluster.values()) {
      List<LoadedDocument> documents = new ArrayList<>();
      Set<String> paths = new LinkedHashSet<>();
      for (DeploymentUnit u : members) {
        documents.addAll(u.documents());
        paths.addAll(u.sourceFiles());
      }
      List<SourceFile> clusterFiles = new ArrayList<>();
      List<Diagnostic> diagnostics = new ArrayList<>();
      for (String p : paths) {
        if (files.containsKey(p)) {
          clusterFiles.add(files.get(p));
        }
        diagnostics.addAll(fileDiagnostics.getOrDefault(p, List.of()));
      }
      LoadedRepository part = new LoadedRepository(documents, clusterFiles, diagnostics, repository.kustomizeNamespaces());
      DeploymentUnit first = members.get(0);
      out.add(new ClusterPlan(first.environment(), first.cluster(), members, part, placements::get));
    }
    return out;
  }
}
