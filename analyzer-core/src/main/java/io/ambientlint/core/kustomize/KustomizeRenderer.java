package io.ambientlint.core.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.load.LoadLimits;
import io.ambientlint.core.load.SourceMap;
import io.ambientlint.core.load.SourcePosition;
import io.ambientlint.core.load.YamlDocumentReader;
import io.ambientlint.core.model.Location;
import io.ambientlint.core.severity.Severity;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Renders a kustomization folder as {@code kustomize build} (v5) does, in Java: no binary, no network, nothing
 * from the repository executed, no file outside the base directory read. Every node of the output remembers
 * the YAML node that gave it its value. What is not rendered (remote bases, Helm charts, KRM functions,
 * replacements and vars) is a notification naming the file; what kustomize would reject is an error at the
 * line, and the root renders to nothing (its objects are unknown).
 */
public final class KustomizeRenderer {

  public static final List<String> FILE_NAMES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  private static final Set<String> KNOWN_FIELDS = Set.of("apiVersion", "kind", "metadata", "resources", "bases",
      "components", "namespace", "namePrefix", "nameSuffix", "labels", "commonLabels", "commonAnnotations",
      "patches", "patchesStrategicMerge", "patchesJson6902", "images", "replicas", "transformers",
      "configMapGenerator", "secretGenerator", "generatorOptions", "sortOptions", "buildMetadata");
  /** Fields kustomize knows and this renderer does not apply: a notification, the output may differ. */
  private static final Map<String, String> NOT_RENDERED = Map.ofEntries(
      Map.entry("helmCharts", "Helm charts are not inflated"),
      Map.entry("helmGlobals", "Helm charts are not inflated"),
      Map.entry("helmChartInflationGenerator", "Helm charts are not inflated"),
      Map.entry("generators", "generator plugins (KRM functions, exec plugins) are not run"),
      Map.entry("validators", "validator plugins are not run"),
      Map.entry("replacements", "replacements are not applied: the values they set are unknown"),
      Map.entry("vars", "vars are not substituted: the values they set are unknown"),
      Map.entry("configurations", "custom transformer configurations are not applied"),
      Map.entry("crds", "CRD name-reference configurations are not applied"),
      Map.entry("openapi", "custom OpenAPI schemas are not used for merge keys"));

  private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "Node", "PersistentVolume", "ClusterRole",
      "ClusterRoleBinding", "CustomResourceDefinition", "StorageClass", "PriorityClass", "IngressClass",
      "RuntimeClass", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "ValidatingAdmissionPolicy",
      "ValidatingAdmissionPolicyBinding", "APIService", "CSIDriver", "CSINode", "VolumeAttachment",
      "CertificateSigningRequest", "PodSecurityPolicy", "ComponentStatus", "FlowSchema",
      "PriorityLevelConfiguration", "TokenReview", "SubjectAccessReview", "SelfSubjectAccessReview",
      "SelfSubjectRulesReview");

  private static final List<String> ORDER_FIRST = List.of("Namespace", "ResourceQuota", "StorageClass",
      "CustomResourceDefinition", "ServiceAccount", "PodSecurityPolicy", "Role", "ClusterRole", "RoleBinding",
      "ClusterRoleBinding", "ConfigMap", "Secret", "Endpoints", "Service", "LimitRange", "PriorityClass",
      "PersistentVolume", "PersistentVolumeClaim", "Deployment", "StatefulSet", "CronJob", "PodDisruptionBudget");
  private static final List<String> ORDER_LAST = List.of("MutatingWebhookConfiguration", "ValidatingWebhookConfiguration");

  private static final Pattern REMOTE = Pattern.compile("^(?:[a-zA-Z][a-zA-Z0-9+.-]*://|git@|git::|github\\.com/|gitlab\\.com/|bitbucket\\.org/).*");

  private final Path base;
  private final Path realBase;
  private final LoadLimits limits;

  public KustomizeRenderer(Path baseDirectory, LoadLimits limits) {
    this.base = baseDirectory.toAbsolutePath().normalize();
    Path real;
    try {
      real = base.toRealPath();
    } catch (IOException e) {
      real = base;
    }
    this.realBase = real;
    this.limits = limits;
  }

  /** The folders being analyzed (absolute, normalised); empty: the base directory. */
  private volatile List<Path> analyzedFolders = List.of();

  /** Resources outside these folders are not read: their objects are unknown (an upstream base beside the repository). */
  public void analyzedFolders(List<Path> folders) {
    analyzedFolders = folders.stream().map(f -> base.resolve(f).normalize()).toList();
    List<Path> real = new ArrayList<>();
    for (Path f : analyzedFolders) {
      try {
        real.add(f.toRealPath());
      } catch (IOException e) {
        // not there: nothing below it can be read either
      }
    }
    realAnalyzedFolders = List.copyOf(real);
  }

  private volatile List<Path> realAnalyzedFolders = List.of();

  /**
   * Whether a path may be read: inside the working directory, or inside a folder given to analyze (which may lie
   * beside it: {@code ambient-lint check ../gitops}).
   */
  private boolean readable(Path p) {
    return p.startsWith(base) || analyzedFolders.stream().anyMatch(p::startsWith);
  }

  private boolean outsideAnalyzedFolders(Path p) {
    List<Path> folders = analyzedFolders;
    if (!readable(p)) {
      return true;
    }
    return !folders.isEmpty() && folders.stream().noneMatch(p::startsWith) && !Files.exists(p);
  }

  /** The kustomization file of {@code dir}, or null. */
  public static Path kustomizationIn(Path dir) {
    for (String name : FILE_NAMES) {
      Path p = dir.resolve(name);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  private static final java.util.Comparator<Diagnostic> BY_POSITION = java.util.Comparator.comparing(Diagnostic::path)
      .thenComparingInt(d -> d.position().line()).thenComparingInt(d -> d.position().column());

  /** Renders the kustomization in {@code directory} (relative to the base directory). Never throws. */
  public RenderResult render(String directory) {
    return render(directory, null);
  }

  /**
   * What a GitOps controller changes when it builds a folder: Argo CD and Flux both rewrite the folder's own
   * kustomization before {@code kustomize build} (Flux writes one for a folder without it), and Flux changes
   * the built objects' metadata afterwards. See {@link ControllerOverlay}.
   */
  interface Overlay {
    /** Edits the root kustomization (of {@code folder}) as the controller does before building. */
    void editRoot(PNode kustomization, Path folder);

    /** The kustomization the controller writes for a folder without one, or null: the build fails as without. */
    default PNode generatedRoot(String folderDisplay) {
      return null;
    }

    /** Changes to the built objects, after name references are updated. */
    default void afterBuild(List<Obj> objects) {}

    /** The controller object's file and text, so that its inline patches keep their lines. */
    default Map<String, String> texts() {
      return Map.of();
    }
  }

  /** Renders {@code directory} with what a controller changes (null: as it is). Never throws. */
  RenderResult render(String directory, Overlay overlay) {
    RenderResult r = renderUnsorted(directory, overlay);
    List<Diagnostic> sorted = new ArrayList<>(r.diagnostics());
    sorted.sort(BY_POSITION);
    return new RenderResult(r.directory(), r.kustomizationPath(), r.objects(), sorted, r.filesRead(), r.failed());
  }

  /** The {@link RenderResult#kustomizationPath} a render of {@code directory} gives, without rendering it. */
  String kustomizationPath(String directory) {
    Path dir = base.resolve(directory).normalize();
    Path file = kustomizationIn(dir);
    return file == null ? display(dir) : display(file);
  }

  private RenderResult renderUnsorted(String directory, Overlay overlay) {
    Run run = new Run(overlay);
    Path dir = base.resolve(directory).normalize();
    String kustomizationPath = kustomizationPath(directory);
    try {
      if (!readable(dir)) {
        throw new RenderException(new Location(display(dir), SourcePosition.FILE_START),
            "folder is outside the analyzed folder; refused, not read");
      }
      Build root = run.build(dir, null, new ArrayDeque<>(), false, null);
      List<Obj> objects = root.objects;
      addHashes(objects);
      NameReferences.fix(objects);
      if (overlay != null) {
        overlay.afterBuild(objects);
      }
      if (!"fifo".equals(root.sortOrder)) {
        objects = sortLegacy(objects);
      }
      List<RenderedObject> out = new ArrayList<>();
      for (Obj o : objects) {
        o.chain.add(new SourceMap.RenderStep(kustomizationPath, SourcePosition.FILE_START,
            "rendered by the kustomization root " + display(dir)));
        out.add(o.rendered(kustomizationPath));
      }
      return new RenderResult(display(dir), kustomizationPath, out, run.diagnostics, run.filesRead, false);
    } catch (RenderException e) {
      run.diagnostics.add(Diagnostic.at(Diagnostic.Kind.RENDER_ERROR, e.at.path(), e.at.position(),
          e.getMessage() + "; kustomize build fails on " + display(dir) + ", so its objects are not analyzed"));
    } catch (Patches.PatchException e) {
      run.diagnostics.add(Diagnostic.at(Diagnostic.Kind.RENDER_ERROR, e.at.path(), e.at.position(),
          e.getMessage() + "; kustomize build fails on " + display(dir) + ", so its objects are not analyzed"));
    } catch (RuntimeException | StackOverflowError e) {
      run.diagnostics.add(Diagnostic.ofFile(Diagnostic.Kind.RENDER_ERROR, kustomizationPath,
          "could not be rendered because of an internal error (" + e.getClass().getName()
              + "); its objects are not analyzed, please report it"));
    }
    return new RenderResult(display(dir), kustomizationPath, List.of(), run.diagnostics, run.filesRead, true);
  }

  /** An error kustomize itself would raise, at the line that causes it. */
  static final class RenderException extends RuntimeException {
    final Location at;

    RenderException(Location at, String message) {
      super(message);
      this.at = at;
    }
  }

  /** One object being rendered. */
  static final class Obj {
    PNode root;
    final String definedIn;
    final List<SourceMap.RenderStep> chain = new ArrayList<>();
    /** Every name it had, oldest first (prefixes, suffixes, hashes add one each). */
    final List<String> names = new ArrayList<>();
    boolean hashSuffix;
    /** Where the object was last declared (its document, or the generator entry). */
    Location declaredAt;

    Obj(PNode root, String definedIn, Location declaredAt) {
      this.root = root;
      this.definedIn = definedIn;
      this.declaredAt = declaredAt;
      names.add(name());
    }

    String kind() {
      String k = root.textAt("kind");
      return k == null ? "" : k;
    }

    String apiVersion() {
      String v = root.textAt("apiVersion");
      return v == null ? "" : v;
    }

    String group() {
      String v = apiVersion();
      int slash = v.indexOf('/');
      return slash < 0 ? "" : v.substring(0, slash);
    }

    String version() {
      String v = apiVersion();
      int slash = v.indexOf('/');
      return slash < 0 ? v : v.substring(slash + 1);
    }

    String name() {
      String n = root.textAt("metadata", "name");
      return n == null ? "" : n;
    }

    String namespace() {
      String n = root.textAt("metadata", "namespace");
      return n == null ? "" : n;
    }

    boolean clusterScoped() {
      return CLUSTER_SCOPED.contains(kind()) && Patches.isBuiltIn(group());
    }

    void rename(String newName, Location at) {
      PNode meta = root.mapChild("metadata", at);
      PNode old = meta.get("name");
      PNode n = PNode.text(newName, at);
      n.keyAt = old != null ? old.keyAt : at;
      meta.put("name", n);
      names.add(newName);
    }

    String id() {
      return kind() + " " + (namespace().isEmpty() ? "" : namespace() + "/") + name();
    }

    RenderedObject rendered(String rootKustomization) {
      Map<String, SourcePosition> positions = new HashMap<>();
      Map<String, String> files = new HashMap<>();
      root.record("", positions, files);
      // The object as a whole is where it was declared, not where a transformer last touched its top.
      positions.put("", declaredAt.position());
      files.put("", declaredAt.path());
      return new RenderedObject(definedIn, root.toJson(), SourceMap.rendered(positions, files, chain));
    }
  }

  /** The outcome of one kustomization (or component) of the tree. */
  private static final class Build {
    final List<Obj> objects;
    String sortOrder;

    Build(List<Obj> objects) {
      this.objects = objects;
    }
  }

  /** A kustomization file: its tree with positions. */
  private record Kust(String path, Path dir, PNode tree) {
    Location at(String... keys) {
      PNode n = tree.at(keys);
      return n == null ? new Location(path, SourcePosition.FILE_START) : n.at;
    }
  }

  /** A parsed YAML document of a resource or patch file. */
  private record Doc(String path, JsonNode json, PNode tree) {}

  /** State of one render: what was read, what to report. */
  private final class Run {
    final List<Diagnostic> diagnostics = new ArrayList<>();
    final Set<String> filesRead = new LinkedHashSet<>();
    /** Text of the files read, to locate the lines of inline patches. */
    private final Map<String, String> texts = new HashMap<>();
    private final Overlay overlay;
    /** Some resources were not read (remote, outside the folder): a patch may target one of their objects. */
    boolean unknownObjects;

    Run(Overlay overlay) {
      this.overlay = overlay;
      if (overlay != null) {
        texts.putAll(overlay.texts());
      }
    }

    Build build(Path dir, Location from, Deque<Path> stack, boolean asComponent, List<Obj> into) {
      if (stack.contains(dir)) {
        List<String> cycle = new ArrayList<>();
        boolean inCycle = false;
        for (java.util.Iterator<Path> it = stack.descendingIterator(); it.hasNext(); ) {
          Path p = it.next();
          inCycle |= p.equals(dir);
          if (inCycle) {
            cycle.add(display(p));
          }
        }
        cycle.add(display(dir));
        throw new RenderException(from, "kustomizations form a cycle: " + String.join(" -> ", cycle));
      }
      Path file = kustomizationIn(dir);
      boolean root = overlay != null && stack.isEmpty() && !asComponent;
      PNode generated = root && file == null ? overlay.generatedRoot(display(dir)) : null;
      if (file == null && generated == null) {
        throw new RenderException(from != null ? from : new Location(display(dir), SourcePosition.FILE_START),
            "no kustomization.yaml, kustomization.yml or Kustomization in " + display(dir));
      }
      if (file != null) {
        confine(file, from);
      }
      stack.push(dir);
      try {
        Kust k = file != null ? readKustomization(file, from) : new Kust(generated.at.path(), dir, generated);
        if (root) {
          overlay.editRoot(k.tree, dir);
        }
        String kind = k.tree.textAt("kind");
        if (asComponent && !"Component".equals(kind)) {
          throw new RenderException(from, display(file) + " is a " + (kind == null ? "Kustomization" : kind)
              + ", not a Component; kustomize only accepts kind: Component under components:");
        }
        if (!asComponent && "Component".equals(kind)) {
          throw new RenderException(from != null ? from : k.at("kind"), display(file)
              + " is a Component: it can only be used under components:, not built or listed as a resource");
        }
        if (kind != null && !kind.equals("Kustomization") && !kind.equals("Component")) {
          warn(k.at("kind"), "unknown kind '" + kind + "' for a kustomization (expected Kustomization or Component)");
        }
        checkFields(k);
        List<Obj> objects = into != null ? into : new ArrayList<>();
        accumulate(k, objects, stack, "resources");
        accumulate(k, objects, stack, "bases");
        generate(k, objects);
        components(k, objects, stack);
        transform(k, objects);
        Build b = new Build(objects);
        b.sortOrder = k.tree.textAt("sortOptions", "order");
        return b;
      } finally {
        stack.pop();
      }
    }

    private void checkFields(Kust k) {
      for (Map.Entry<String, PNode> e : k.tree.fields().entrySet()) {
        String field = e.getKey();
        if (NOT_RENDERED.containsKey(field)) {
          note(e.getValue().keyAt, field + ": " + NOT_RENDERED.get(field)
              + " (not rendered by ambient-lint; objects they produce or change are unknown, not absent)");
        } else if (!KNOWN_FIELDS.contains(field)) {
          warn(e.getValue().keyAt, "unknown kustomization field '" + field + "': ignored");
        }
      }
    }

    // ---- resources ----

    private void accumulate(Kust k, List<Obj> objects, Deque<Path> stack, String field) {
      PNode list = k.tree.get(field);
      if (list == null || list.isNull()) {
        return;
      }
      if (!list.isList()) {
        throw new RenderException(list.at, field + " must be a list of paths");
      }
      for (PNode entry : list.items()) {
        String ref = entry.text();
        if (ref == null) {
          throw new RenderException(entry.at, field + " entries must be paths");
        }
        if (REMOTE.matcher(ref).matches()) {
          note(entry.at, "remote resource " + ref + " is not fetched (ambient-lint never uses the network): "
              + "its objects are unknown, not absent");
          unknownObjects = true;
          continue;
        }
        if (outsideAnalyzedFolders(k.dir.resolve(ref).normalize())) {
          // An upstream install vendored beside the repository, a submodule not checked out: like a remote base.
          note(entry.at, "resource " + ref + " is outside the analyzed folders and not read: its objects are "
              + "unknown, not absent");
          unknownObjects = true;
          continue;
        }
        Path p = resolve(k.dir, ref, entry.at);
        if (Files.isDirectory(p)) {
          Build nested = build(p, entry.at, stack, false, null);
          for (Obj o : nested.objects) {
            add(objects, o, entry.at);
          }
        } else {
          for (Doc doc : readDocuments(p, entry.at)) {
            for (Obj o : objectsOf(doc)) {
              o.chain.add(new SourceMap.RenderStep(o.declaredAt.path(), o.declaredAt.position(), "defined here"));
              add(objects, o, entry.at);
            }
          }
        }
      }
    }

    private List<Obj> objectsOf(Doc doc) {
      List<Obj> out = new ArrayList<>();
      PNode tree = doc.tree;
      if (!tree.isMap()) {
        throw new RenderException(tree.at, "a resource must be a mapping with apiVersion, kind and metadata");
      }
      String kind = tree.textAt("kind");
      PNode items = tree.get("items");
      if (kind != null && kind.endsWith("List") && items != null && items.isList()) {
        for (PNode item : items.items()) {
          out.add(new Obj(item, doc.path, item.at));
        }
        return out;
      }
      if (kind == null || kind.isEmpty()) {
        throw new RenderException(tree.at, "missing kind in a resource of " + doc.path);
      }
      out.add(new Obj(tree, doc.path, tree.at));
      return out;
    }

    private void add(List<Obj> objects, Obj o, Location includedAt) {
      for (Obj existing : objects) {
        if (existing.kind().equals(o.kind()) && existing.group().equals(o.group()) && existing.name().equals(o.name())
            && existing.namespace().equals(o.namespace())) {
          throw new RenderException(includedAt, "may not add resource with an already registered id: " + o.id()
              + " (also defined at " + existing.declaredAt + ")");
        }
      }
      objects.add(o);
    }

    // ---- generators ----

    private void generate(Kust k, List<Obj> objects) {
      PNode options = k.tree.get("generatorOptions");
      generate(k, objects, "configMapGenerator", "ConfigMap", options);
      generate(k, objects, "secretGenerator", "Secret", options);
    }

    private void generate(Kust k, List<Obj> objects, String field, String kind, PNode globalOptions) {
      PNode list = k.tree.get(field);
      if (list == null || !list.isList()) {
        return;
      }
      for (PNode g : list.items()) {
        String name = g.textAt("name");
        if (name == null) {
          throw new RenderException(g.at, field + " entry needs a name");
        }
        Location at = g.get("name").at;
        Map<String, PNode> data = new LinkedHashMap<>();
        PNode literals = g.get("literals");
        if (literals != null && literals.isList()) {
          for (PNode lit : literals.items()) {
            String text = lit.text();
            int eq = text == null ? -1 : text.indexOf('=');
            if (eq <= 0) {
              throw new RenderException(lit.at, "literal '" + text + "' must be KEY=VALUE");
            }
            data.put(text.substring(0, eq), PNode.text(unquote(text.substring(eq + 1)), lit.at));
          }
        }
        PNode files = g.get("files");
        if (files != null && files.isList()) {
          for (PNode f : files.items()) {
            String spec = f.text();
            int eq = spec.indexOf('=');
            String key = eq < 0 ? spec.substring(spec.lastIndexOf('/') + 1) : spec.substring(0, eq);
            String path = eq < 0 ? spec : spec.substring(eq + 1);
            data.put(key, PNode.text(readText(resolve(k.dir, path, f.at), f.at), f.at));
          }
        }
        List<PNode> envFiles = new ArrayList<>();
        PNode envs = g.get("envs");
        if (envs != null && envs.isList()) {
          envFiles.addAll(envs.items());
        }
        if (g.get("env") != null && g.get("env").text() != null) {
          envFiles.add(g.get("env"));
        }
        for (PNode env : envFiles) {
          String text = readText(resolve(k.dir, env.text(), env.at), env.at);
          String[] lines = text.split("\r?\n", -1);
          for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
              continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
              // kustomize would read this variable from its own environment: not reproducible, so unknown.
              warn(env.at, "line " + (i + 1) + " of " + env.text() + " names no value ('" + line
                  + "'): kustomize takes it from the environment of the build, so it is left out here");
              continue;
            }
            data.put(line.substring(0, eq), PNode.text(line.substring(eq + 1), env.at));
          }
        }
        String behavior = g.textAt("behavior");
        String namespace = g.textAt("namespace");
        PNode options = g.get("options");
        boolean disableHash = bool(globalOptions, "disableNameSuffixHash") || bool(options, "disableNameSuffixHash");
        Map<String, PNode> labels = new LinkedHashMap<>();
        Map<String, PNode> annotations = new LinkedHashMap<>();
        for (PNode o : new PNode[] {globalOptions, options}) {
          if (o != null && o.get("labels") != null && o.get("labels").isMap()) {
            labels.putAll(o.get("labels").fields());
          }
          if (o != null && o.get("annotations") != null && o.get("annotations").isMap()) {
            annotations.putAll(o.get("annotations").fields());
          }
        }
        boolean immutable = bool(globalOptions, "immutable") || bool(options, "immutable");
        if (behavior != null && (behavior.equals("merge") || behavior.equals("replace"))) {
          Obj existing = null;
          for (Obj o : objects) {
            if (o.kind().equals(kind) && o.names.get(0).equals(name)
                && (namespace == null || namespace.equals(o.namespace()))) {
              existing = o;
            }
          }
          if (existing == null) {
            throw new RenderException(g.get("behavior").at, "id " + kind + " " + name
                + " does not exist; cannot merge or replace");
          }
          PNode dataNode = existing.root.mapChild(kind.equals("Secret") ? "data" : "data", at);
          if (behavior.equals("replace")) {
            dataNode.fields().clear();
          }
          data.forEach((key, v) -> dataNode.put(key, encodeValue(kind, v)));
          if (!labels.isEmpty()) {
            PNode l = existing.root.mapChild("metadata", at).mapChild("labels", at);
            labels.forEach((key, v) -> l.put(key, v.deepCopy()));
          }
          if (!annotations.isEmpty()) {
            PNode a = existing.root.mapChild("metadata", at).mapChild("annotations", at);
            annotations.forEach((key, v) -> a.put(key, v.deepCopy()));
          }
          existing.hashSuffix = !disableHash;
          existing.chain.add(new SourceMap.RenderStep(at.path(), at.position(), behavior + "d by " + field));
          continue;
        }
        PNode root = PNode.map(at);
        root.put("apiVersion", PNode.text("v1", at));
        root.put("kind", PNode.text(kind, at));
        PNode meta = root.mapChild("metadata", at);
        meta.put("name", PNode.text(name, at));
        if (namespace != null) {
          meta.put("namespace", PNode.text(namespace, at));
        }
        if (!labels.isEmpty()) {
          PNode l = meta.mapChild("labels", at);
          labels.forEach((key, v) -> l.put(key, v.deepCopy()));
        }
        if (!annotations.isEmpty()) {
          PNode a = meta.mapChild("annotations", at);
          annotations.forEach((key, v) -> a.put(key, v.deepCopy()));
        }
        if (kind.equals("Secret")) {
          String type = g.textAt("type");
          root.put("type", PNode.text(type == null ? "Opaque" : type, g.get("type") != null ? g.get("type").at : at));
        }
        if (!data.isEmpty()) {
          PNode d = root.mapChild("data", at);
          data.forEach((key, v) -> d.put(key, encodeValue(kind, v)));
        }
        if (immutable) {
          root.put("immutable", PNode.scalar(BooleanNode.TRUE, at));
        }
        Obj o = new Obj(root, k.path, at);
        o.hashSuffix = !disableHash;
        o.chain.add(new SourceMap.RenderStep(at.path(), at.position(), "generated by " + field));
        add(objects, o, at);
      }
    }

    private PNode encodeValue(String kind, PNode value) {
      if (!kind.equals("Secret")) {
        return value;
      }
      return PNode.text(base64Lines(value.text()), value.at);
    }

    // ---- components ----

    private void components(Kust k, List<Obj> objects, Deque<Path> stack) {
      PNode list = k.tree.get("components");
      if (list == null || !list.isList()) {
        return;
      }
      for (PNode entry : list.items()) {
        String ref = entry.text();
        if (ref == null) {
          continue;
        }
        if (REMOTE.matcher(ref).matches()) {
          note(entry.at, "remote component " + ref + " is not fetched: what it adds or changes is unknown");
          unknownObjects = true;
          continue;
        }
        Path p = resolve(k.dir, ref, entry.at);
        if (!Files.isDirectory(p)) {
          throw new RenderException(entry.at, "component " + ref + " must be a folder with a kustomization of kind Component");
        }
        build(p, entry.at, stack, true, objects);
      }
    }

    // ---- transformers ----

    private void transform(Kust k, List<Obj> objects) {
      PNode psm = k.tree.get("patchesStrategicMerge");
      if (psm != null && psm.isList()) {
        for (PNode entry : psm.items()) {
          for (Doc patch : patchDocuments(k, entry)) {
            applySmById(objects, patch, patch.path.equals(k.path) ? entry.at : patch.tree.at);
          }
        }
      }
      PNode patches = k.tree.get("patches");
      if (patches != null && patches.isList()) {
        for (PNode entry : patches.items()) {
          applyPatchEntry(k, objects, entry);
        }
      }
      String ns = k.tree.textAt("namespace");
      if (ns != null && !ns.isEmpty()) {
        Transformers.namespace(objects, ns, k.at("namespace"), false);
      }
      String prefix = k.tree.textAt("namePrefix");
      String suffix = k.tree.textAt("nameSuffix");
      if ((prefix != null && !prefix.isEmpty()) || (suffix != null && !suffix.isEmpty())) {
        Transformers.prefixSuffix(objects, prefix == null ? "" : prefix, suffix == null ? "" : suffix,
            prefix != null ? k.at("namePrefix") : k.at("nameSuffix"));
      }
      PNode labels = k.tree.get("labels");
      if (labels != null && labels.isList()) {
        for (PNode entry : labels.items()) {
          PNode pairs = entry.get("pairs");
          if (pairs == null || !pairs.isMap()) {
            continue;
          }
          List<FieldSpecs.Spec> specs = new ArrayList<>();
          if (bool(entry, "includeSelectors")) {
            specs.addAll(FieldSpecs.SELECTOR_LABELS);
            specs.addAll(FieldSpecs.METADATA_LABELS);
            specs.addAll(FieldSpecs.TEMPLATE_LABELS);
          } else {
            if (bool(entry, "includeTemplates")) {
              specs.addAll(FieldSpecs.TEMPLATE_LABELS);
            }
            specs.addAll(FieldSpecs.METADATA_LABELS);
          }
          specs.addAll(Transformers.fieldSpecs(entry.get("fields")));
          Transformers.setMap(objects, pairs, specs);
        }
      }
      PNode common = k.tree.get("commonLabels");
      if (common != null && common.isMap()) {
        List<FieldSpecs.Spec> specs = new ArrayList<>(FieldSpecs.SELECTOR_LABELS);
        specs.addAll(FieldSpecs.METADATA_LABELS);
        specs.addAll(FieldSpecs.TEMPLATE_LABELS);
        Transformers.setMap(objects, common, specs);
      }
      PNode annotations = k.tree.get("commonAnnotations");
      if (annotations != null && annotations.isMap()) {
        Transformers.setMap(objects, annotations, FieldSpecs.ANNOTATIONS);
      }
      PNode json = k.tree.get("patchesJson6902");
      if (json != null && json.isList()) {
        for (PNode entry : json.items()) {
          applyPatchEntry(k, objects, entry);
        }
      }
      PNode replicas = k.tree.get("replicas");
      if (replicas != null && replicas.isList()) {
        for (PNode r : replicas.items()) {
          Transformers.replicas(objects, r, FieldSpecs.REPLICAS);
        }
      }
      PNode images = k.tree.get("images");
      if (images != null && images.isList()) {
        for (PNode image : images.items()) {
          Transformers.images(objects, image);
        }
      }
      PNode transformers = k.tree.get("transformers");
      if (transformers != null && transformers.isList()) {
        for (PNode entry : transformers.items()) {
          transformerConfig(k, objects, entry);
        }
      }
    }

    private void transformerConfig(Kust k, List<Obj> objects, PNode entry) {
      List<Doc> docs;
      String ref = entry.text();
      if (ref == null) {
        warn(entry.at, "transformers entry is not a path: ignored");
        return;
      }
      if (ref.contains("\n") || ref.startsWith("apiVersion")) {
        docs = parse(k.path, ref, entry.at, true);
      } else if (REMOTE.matcher(ref).matches()) {
        note(entry.at, "remote transformer " + ref + " is not fetched: what it changes is unknown");
        return;
      } else {
        Path p = resolve(k.dir, ref, entry.at);
        if (Files.isDirectory(p)) {
          note(entry.at, "transformer configs produced by the kustomization " + ref
              + " are not applied: what they change is unknown");
          return;
        }
        docs = readDocuments(p, entry.at);
      }
      for (Doc d : docs) {
        PNode c = d.tree;
        String kind = c.textAt("kind");
        String apiVersion = c.textAt("apiVersion");
        boolean function = c.at("metadata", "annotations", "config.kubernetes.io/function") != null
            || c.at("metadata", "annotations", "config.k8s.io/function") != null;
        if (function || !"builtin".equals(apiVersion) || kind == null) {
          note(c.at, "transformer " + (kind == null ? "" : kind + " ") + "in " + d.path
              + " is a plugin or KRM function, not run (ambient-lint never executes anything): what it changes is unknown");
          continue;
        }
        switch (kind) {
          case "LabelTransformer" -> Transformers.setMap(objects, c.get("labels"), Transformers.fieldSpecs(c.get("fieldSpecs")));
          case "AnnotationsTransformer" -> Transformers.setMap(objects, c.get("annotations"), Transformers.fieldSpecs(c.get("fieldSpecs")));
          case "NamespaceTransformer" -> {
            String ns = c.textAt("metadata", "namespace");
            if (ns != null) {
              Transformers.namespace(objects, ns, c.get("metadata").get("namespace").at, bool(c, "unsetOnly"));
            }
          }
          case "PrefixSuffixTransformer", "PrefixTransformer", "SuffixTransformer" -> Transformers.prefixSuffix(objects,
              c.textAt("prefix") == null ? "" : c.textAt("prefix"), c.textAt("suffix") == null ? "" : c.textAt("suffix"),
              c.get("prefix") != null ? c.get("prefix").at : c.get("suffix") != null ? c.get("suffix").at : c.at);
          case "ImageTagTransformer" -> {
            if (c.get("imageTag") != null) {
              Transformers.images(objects, c.get("imageTag"));
            }
          }
          case "ReplicaCountTransformer" -> {
            if (c.get("replica") != null) {
              List<FieldSpecs.Spec> specs = Transformers.fieldSpecs(c.get("fieldSpecs"));
              Transformers.replicas(objects, c.get("replica"), specs.isEmpty() ? FieldSpecs.REPLICAS : specs);
            }
          }
          case "PatchTransformer", "PatchJson6902Transformer" -> applyPatchEntry(k, objects, c);
          case "PatchStrategicMergeTransformer" -> {
            PNode paths = c.get("paths");
            if (paths != null && paths.isList()) {
              for (PNode p : paths.items()) {
                for (Doc patch : patchDocuments(k, p)) {
                  applySmById(objects, patch, p.at);
                }
              }
            }
            PNode inline = c.get("patches");
            if (inline != null && inline.text() != null) {
              for (Doc patch : parse(d.path, inline.text(), inline.at, true)) {
                applySmById(objects, patch, inline.at);
              }
            }
          }
          default -> warn(c.at, "unknown built-in transformer kind '" + kind + "': not applied");
        }
      }
    }

    /** A {@code patches} / {@code patchesJson6902} entry or a PatchTransformer config. */
    private void applyPatchEntry(Kust k, List<Obj> objects, PNode entry) {
      PNode pathNode = entry.get("path");
      PNode inline = entry.get("patch");
      if (inline == null) {
        inline = entry.get("jsonOp");
      }
      List<Doc> docs;
      Location source;
      if (pathNode != null && inline != null) {
        throw new RenderException(entry.at, "patch and path can't be set at the same time");
      } else if (pathNode != null) {
        docs = readDocuments(resolve(k.dir, pathNode.text(), pathNode.at), pathNode.at);
        source = docs.isEmpty() ? pathNode.at : docs.get(0).tree.at;
      } else if (inline != null && inline.text() != null) {
        source = inline.at;
        docs = parse(k.path, inline.text(), inline.at, true);
      } else {
        throw new RenderException(entry.at, "must specify one of patch and path");
      }
      PNode target = entry.get("target");
      if (docs.size() == 1 && Patches.looksLikeJsonPatch(docs.get(0).json)) {
        if (target == null) {
          throw new RenderException(entry.at, "must specify a target for JSON patch");
        }
        for (Obj o : select(objects, target)) {
          Patches.json6902(o.root, docs.get(0).tree);
          o.chain.add(new SourceMap.RenderStep(source.path(), source.position(), "patched (JSON6902) by this patch"));
          o.names.add(o.name());
        }
        return;
      }
      if (target == null) {
        for (Doc d : docs) {
          applySmById(objects, d, source);
        }
        return;
      }
      if (docs.size() > 1) {
        throw new RenderException(entry.at, "a patches entry with a target may hold only one strategic merge patch");
      }
      for (Obj o : select(objects, target)) {
        applySm(objects, o, docs.get(0), source);
      }
    }

    private void applySmById(List<Obj> objects, Doc patch, Location source) {
      PNode p = patch.tree;
      if (!p.isMap()) {
        throw new RenderException(p.at, "a strategic merge patch must be a mapping");
      }
      String kind = p.textAt("kind");
      String name = p.textAt("metadata", "name");
      String ns = p.textAt("metadata", "namespace");
      String apiVersion = p.textAt("apiVersion");
      String group = apiVersion == null || !apiVersion.contains("/") ? "" : apiVersion.substring(0, apiVersion.indexOf('/'));
      List<Obj> matches = new ArrayList<>();
      for (Obj o : objects) {
        if (o.kind().equals(kind) && (apiVersion == null || o.group().equals(group)) && o.names.contains(name)
            && (ns == null || ns.equals(o.namespace()) || (ns.equals("default") && o.namespace().isEmpty()))) {
          matches.add(o);
        }
      }
      if (matches.isEmpty() && unknownObjects) {
        // kustomize finds it in the base it fetches; here the patched object stays unknown.
        note(p.at("metadata", "name") != null ? p.at("metadata", "name").at : p.at, "strategic merge patch "
            + kind + " " + (ns == null ? "" : ns + "/") + name + " patches an object of a base that is not read: "
            + "the patched object is unknown, not absent");
        return;
      }
      if (matches.isEmpty()) {
        throw new RenderException(p.at("metadata", "name") != null ? p.at("metadata", "name").at : p.at,
            "no resource matches strategic merge patch " + kind + " " + (ns == null ? "" : ns + "/") + name
                + " (kustomize build fails: the patch applies to nothing)");
      }
      if (matches.size() > 1) {
        throw new RenderException(p.at, "strategic merge patch " + kind + " " + name
            + " matches several resources; give metadata.namespace");
      }
      applySm(objects, matches.get(0), patch, source);
    }

    private void applySm(List<Obj> objects, Obj o, Doc patch, Location source) {
      PNode p = patch.tree.deepCopy();
      // A targeted patch's own name and kind do not rename the object.
      PNode meta = p.get("metadata");
      if (meta != null && meta.isMap()) {
        meta.remove("name");
        meta.remove("namespace");
      }
      p.remove("kind");
      p.remove("apiVersion");
      boolean keep = Patches.strategicMerge(o.root, p, Patches.isBuiltIn(o.group()));
      if (!keep) {
        objects.remove(o);
        return;
      }
      o.chain.add(new SourceMap.RenderStep(source.path(), source.position(), "patched by this patch"));
    }

    private List<Obj> select(List<Obj> objects, PNode target) {
      List<Obj> out = new ArrayList<>();
      for (Obj o : objects) {
        if (matches(target, "group", o.group()) && matches(target, "version", o.version())
            && matches(target, "kind", o.kind()) && matchesName(target, o)
            && matches(target, "namespace", o.namespace())
            && Selectors.matches(target.textAt("labelSelector"), target.get("labelSelector"), o.root.at("metadata", "labels"))
            && Selectors.matches(target.textAt("annotationSelector"), target.get("annotationSelector"),
                o.root.at("metadata", "annotations"))) {
          out.add(o);
        }
      }
      return out;
    }

    private boolean matchesName(PNode target, Obj o) {
      if (target.textAt("name") == null) {
        return true;
      }
      for (String n : o.names) {
        if (regexMatch(target.get("name"), n)) {
          return true;
        }
      }
      return false;
    }

    private boolean matches(PNode target, String field, String value) {
      PNode t = target.get(field);
      return t == null || t.text() == null || regexMatch(t, value);
    }

    private boolean regexMatch(PNode t, String value) {
      try {
        return Pattern.compile("^(?:" + t.text() + ")$").matcher(value).matches();
      } catch (PatternSyntaxException e) {
        throw new RenderException(t.at, "target '" + t.text() + "' is not a valid regular expression");
      }
    }

    private List<Doc> patchDocuments(Kust k, PNode entry) {
      String ref = entry.text();
      if (ref == null) {
        throw new RenderException(entry.at, "patch entry must be a path or an inline patch");
      }
      if (ref.contains("\n") || ref.contains(": ")) {
        return parse(k.path, ref, entry.at, true);
      }
      return readDocuments(resolve(k.dir, ref, entry.at), entry.at);
    }

    // ---- files ----

    private Kust readKustomization(Path file, Location from) {
      List<Doc> docs = readDocuments(file, from);
      if (docs.isEmpty()) {
        return new Kust(display(file), file.getParent(), PNode.map(new Location(display(file), SourcePosition.FILE_START)));
      }
      Doc d = docs.get(0);
      if (!d.tree.isMap()) {
        throw new RenderException(d.tree.at, "a kustomization must be a mapping");
      }
      return new Kust(display(file), file.getParent(), d.tree);
    }

    private List<Doc> readDocuments(Path file, Location from) {
      String path = display(file);
      return parse(path, readText(file, from), new Location(path, SourcePosition.FILE_START), false);
    }

    /**
     * Documents of {@code text}. An inline patch written as a literal block ({@code patch: |-}) keeps the lines
     * and columns of its nodes in the kustomization; other inline text is located at its field.
     */
    private List<Doc> parse(String path, String text, Location at, boolean inline) {
      YamlDocumentReader reader = new YamlDocumentReader(limits);
      YamlDocumentReader.Result result = reader.read(path, text);
      for (Diagnostic d : result.diagnostics()) {
        if (d.level() == Severity.ERROR) {
          throw new RenderException(inline ? at : new Location(path, d.position()), d.message());
        }
      }
      int[] shift = inline ? literalBlockOffset(at) : null;
      List<SourceMap> maps = inline && shift == null ? List.of() : reader.sourceMaps(path, text);
      List<Doc> docs = new ArrayList<>();
      for (YamlDocumentReader.ParsedDocument doc : result.documents()) {
        if (doc.root().isNull() || doc.root().isMissingNode()) {
          continue;
        }
        PNode tree;
        if (inline && shift == null) {
          tree = PNode.of(doc.root(), at);
        } else {
          SourceMap map = doc.index() < maps.size() ? maps.get(doc.index()) : SourceMap.of(Map.of());
          tree = PNode.of(doc.root(), at.path(), map, "");
          if (shift != null) {
            shift(tree, shift[0], shift[1]);
          }
        }
        docs.add(new Doc(path, doc.root(), tree));
      }
      return docs;
    }

    /** Line and column offsets of a literal block scalar's content, or null when the value at {@code at} is not one. */
    private int[] literalBlockOffset(Location at) {
      String text = texts.get(at.path());
      if (text == null) {
        return null;
      }
      String[] lines = text.split("\r?\n", -1);
      int line = at.position().line();
      int column = at.position().column();
      if (line < 1 || line >= lines.length || column < 1 || column > lines[line - 1].length()
          || lines[line - 1].charAt(column - 1) != '|') {
        return null;
      }
      for (int i = line; i < lines.length; i++) {
        if (!lines[i].isBlank()) {
          int indent = 0;
          while (indent < lines[i].length() && lines[i].charAt(indent) == ' ') {
            indent++;
          }
          return new int[] {line, indent};
        }
      }
      return null;
    }

    private void shift(PNode node, int lines, int columns) {
      node.at = shifted(node.at, lines, columns);
      if (node.keyAt != null) {
        node.keyAt = shifted(node.keyAt, lines, columns);
      }
      if (node.isMap()) {
        node.fields().values().forEach(v -> shift(v, lines, columns));
      } else if (node.isList()) {
        node.items().forEach(i -> shift(i, lines, columns));
      }
    }

    private Location shifted(Location l, int lines, int columns) {
      SourcePosition p = l.position();
      return new Location(l.path(), new SourcePosition(p.line() + lines, p.column() + columns,
          p.endLine() + lines, p.endColumn() + columns));
    }

    private String readText(Path file, Location from) {
      confine(file, from);
      if (!Files.isRegularFile(file)) {
        throw new RenderException(from, display(file) + ": no such file"
            + (Files.isDirectory(file) ? " (it is a folder)" : ""));
      }
      try {
        long size = Files.size(file);
        if (size > limits.maxFileBytes()) {
          throw new RenderException(from, display(file) + " is " + size + " bytes, over the limit of "
              + limits.maxFileBytes() + " (limits.maxFileBytes)");
        }
        byte[] bytes = Files.readAllBytes(file);
        filesRead.add(display(file));
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString()
            .replaceFirst("^\uFEFF", "");
        texts.put(display(file), text);
        return text;
      } catch (CharacterCodingException e) {
        throw new RenderException(from, display(file) + " is not UTF-8 text");
      } catch (IOException | SecurityException e) {
        throw new RenderException(from, "cannot read " + display(file) + ": " + e.getClass().getSimpleName());
      }
    }

    private Path resolve(Path dir, String ref, Location at) {
      Path p = dir.resolve(ref).normalize();
      if (!readable(p)) {
        throw new RenderException(at, "'" + ref + "' leaves the analyzed folder; refused, not read");
      }
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        throw new RenderException(at, "'" + ref + "': no such file or folder");
      }
      confine(p, at);
      return p;
    }

    private void warn(Location at, String message) {
      diagnostics.add(Diagnostic.at(Diagnostic.Kind.RENDER_WARNING, at.path(), at.position(), message));
    }

    private void note(Location at, String message) {
      diagnostics.add(Diagnostic.at(Diagnostic.Kind.SKIPPED, at.path(), at.position(), message));
    }
  }

  /** Refuses a path whose real location (after symbolic links) is outside every folder {@link #readable} allows. */
  private void confine(Path p, Location at) {
    try {
      Path real = p.toRealPath();
      if (!real.startsWith(realBase) && realAnalyzedFolders.stream().noneMatch(real::startsWith)) {
        throw new RenderException(at, display(p) + " is a link out of the analyzed folder; refused, not read");
      }
    } catch (IOException e) {
      // Missing: reported by the caller with its own words.
    }
  }

  /** Base64 as kustomize writes Secret data: lines of 70 characters, each ended by a newline once there are several. */
  static String base64Lines(String value) {
    String encoded = Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    if (encoded.length() < 70) {
      return encoded;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < encoded.length(); i += 70) {
      out.append(encoded, i, Math.min(encoded.length(), i + 70)).append('\n');
    }
    return out.toString();
  }

  private static boolean bool(PNode node, String field) {
    if (node == null) {
      return false;
    }
    PNode v = node.get(field);
    return v != null && v.isScalar() && v.scalarValue().asBoolean(false);
  }

  private static String unquote(String v) {
    if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }

  private String display(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    String rel = base.relativize(abs).toString().replace('\\', '/');
    return rel.isEmpty() ? "." : rel;
  }

  // ---- the steps kustomize runs once, at the root ----

  private static void addHashes(List<Obj> objects) {
    for (Obj o : objects) {
      if (o.hashSuffix) {
        String hash = Hashes.suffix(o.root);
        o.rename(o.name() + "-" + hash, o.root.at("metadata", "name").at);
      }
    }
  }

  private static List<Obj> sortLegacy(List<Obj> objects) {
    Map<String, Integer> rank = new HashMap<>();
    for (int i = 0; i < ORDER_FIRST.size(); i++) {
      rank.put(ORDER_FIRST.get(i), -ORDER_FIRST.size() + i);
    }
    for (int i = 0; i < ORDER_LAST.size(); i++) {
      rank.put(ORDER_LAST.get(i), 1 + i);
    }
    Comparator<Obj> order = (a, b) -> {
      boolean sameGvk = a.group().equals(b.group()) && a.version().equals(b.version()) && a.kind().equals(b.kind());
      if (!sameGvk) {
        int ra = rank.getOrDefault(a.kind(), 0);
        int rb = rank.getOrDefault(b.kind(), 0);
        if (ra != rb) {
          return Integer.compare(ra, rb);
        }
        if (a.kind().equals("Namespace") && b.kind().equals("Namespace") && (a.group().isEmpty() || b.group().isEmpty())) {
          return gvkString(b).compareTo(gvkString(a));
        }
        return gvkString(a).compareTo(gvkString(b));
      }
      return idString(a).compareTo(idString(b));
    };
    List<Obj> sorted = new ArrayList<>(objects);
    sorted.sort(order);
    return sorted;
  }

  private static String gvkString(Obj o) {
    return (o.group().isEmpty() ? "~G" : o.group()) + "_" + (o.version().isEmpty() ? "~V" : o.version()) + "_"
        + (o.kind().isEmpty() ? "~K" : o.kind());
  }

  private static String idString(Obj o) {
    String gvk = (o.kind().isEmpty() ? "~K" : o.kind()) + "." + (o.version().isEmpty() ? "~V" : o.version()) + "."
        + (o.group().isEmpty() ? "~G" : o.group());
    return gvk + "|" + (o.namespace().isEmpty() ? "~X" : o.namespace()) + "|" + (o.name().isEmpty() ? "~N" : o.name());
  }

  static JsonNodeFactory json() {
    return JsonNodeFactory.instance;
  }

  static PNode intNode(int value, Location at) {
    return PNode.scalar(IntNode.valueOf(value), at);
  }

  static PNode textNode(String value, Location at) {
    return PNode.scalar(TextNode.valueOf(value), at);
  }

  static Map<String, String> sorted(Map<String, String> m) {
    return new TreeMap<>(m);
  }
}
