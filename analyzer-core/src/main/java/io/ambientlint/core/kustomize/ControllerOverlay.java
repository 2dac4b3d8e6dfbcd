package io.ambientlint.core.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import io.ambientlint.core.gitops.UnitRenderer;
import io.ambientlint.core.gitops.UnitRenderer.Options.Controller;
import io.ambientlint.core.load.LoadedDocument;
import io.ambientlint.core.load.SourceMap;
import io.ambientlint.core.model.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The Kustomize options of an Argo CD Application ({@code source.kustomize}) or a Flux Kustomization
 * ({@code spec}), applied as the controllers apply them: both rewrite the folder's own kustomization before
 * {@code kustomize build}, so an option replaces or extends what the folder says rather than wrapping it in
 * another layer. Every value set here points at the option's line in the Application or Kustomization.
 *
 * <p>Argo CD (util/kustomize/kustomize.go, {@code Build}) runs {@code kustomize edit}: {@code set nameprefix},
 * {@code set namesuffix} and {@code set namespace} replace the field; {@code set image} replaces the entry of the
 * same image name (kustomize commands/edit/set/setimage.go); {@code set replicas} replaces the entry of the same
 * name; {@code add label} / {@code add annotation} add to commonLabels / commonAnnotations (to a {@code labels}
 * entry without selectors for {@code labelWithoutSelector}) and fail on a key already there unless forced
 * (commands/edit/add/addmetadata.go); patches and components are appended.
 *
 * <p>Flux (fluxcd/pkg kustomize/kustomize_generator.go, {@code GenerateManifest}) writes a kustomization listing
 * the folder's manifests when there is none, then sets namespace ({@code targetNamespace}), namePrefix and
 * nameSuffix, appends patches and components, and merges images by name field by field (a new tag or digest
 * replaces both). {@code commonMetadata} is set on every built object's own labels and annotations afterwards
 * (fluxcd/pkg ssa/utils/meta.go {@code SetCommonMetadata}), never on selectors or templates.
 */
public final class ControllerOverlay implements KustomizeRenderer.Overlay {

  private static final Set<String> ARGO_APPLIED = Set.of("namePrefix", "nameSuffix", "namespace", "images", "replicas",
      "commonLabels", "commonAnnotations", "forceCommonLabels", "forceCommonAnnotations", "labelWithoutSelector",
      "labelIncludeTemplates", "patches", "components", "ignoreMissingComponents", "version", "kubeVersion",
      "apiVersions", "commonAnnotationsEnvsubst");
  private static final Set<String> FLUX_APPLIED = Set.of("targetNamespace", "namePrefix", "nameSuffix", "patches",
      "components", "ignoreMissingComponents", "images", "commonMetadata");

  private final Controller controller;
  private final PNode options;
  private final List<String> generatedResources;
  private final Location generatedAt;
  private final String owner;

  private ControllerOverlay(Controller controller, PNode options, List<String> generatedResources, Location generatedAt,
      String owner) {
    this.controller = controller;
    this.options = options;
    this.generatedResources = generatedResources;
    this.generatedAt = generatedAt;
    this.owner = owner;
  }

  /** The overlay of a unit's options (see {@link UnitRenderer.Options} for what each part is). */
  public static ControllerOverlay of(UnitRenderer.Options o) {
    return of(o.controller(), o.node(), o.definer(), o.pointer(), o.owner(), o.generatedResources());
  }

  static ControllerOverlay of(Controller controller, JsonNode options, LoadedDocument definer, String pointer,
      String owner, List<String> generatedResources) {
    PNode tree = definer.hasNode(pointer)
        ? PNode.of(options, definer.path(), definer.sourceMap(), definer.pointerPrefix() + pointer)
        : PNode.of(options, new Location(definer.path(), definer.positionOf(pointer)));
    return new ControllerOverlay(controller, tree, List.copyOf(generatedResources),
        new Location(definer.path(), definer.positionOf(pointer)), owner);
  }

  /** Option fields this renderer does not apply (listed as not rendered), in the order written. */
  public List<String> notApplied() {
    Set<String> applied = controller == Controller.ARGO_CD ? ARGO_APPLIED : FLUX_APPLIED;
    List<String> out = new ArrayList<>();
    if (options.isMap()) {
      options.fields().keySet().stream().filter(k -> !applied.contains(k)).forEach(out::add);
    }
    return out;
  }

  @Override
  public PNode generatedRoot(String folderDisplay) {
    if (controller != Controller.FLUX || generatedResources.isEmpty()) {
      return null;
    }
    PNode root = PNode.map(generatedAt);
    PNode resources = PNode.list(generatedAt);
    generatedResources.forEach(r -> resources.items().add(PNode.text(r, generatedAt)));
    root.put("resources", resources);
    return root;
  }

  @Override
  public void editRoot(PNode k, java.nio.file.Path folder) {
    if (!options.isMap()) {
      return;
    }
    if (controller == Controller.ARGO_CD) {
      replace(k, "namePrefix", options.get("namePrefix"));
      replace(k, "nameSuffix", options.get("nameSuffix"));
      argoImages(k);
      argoReplicas(k);
      argoLabels(k);
      PNode annotations = options.get("commonAnnotations");
      addAll(() -> k.mapChild("commonAnnotations", annotations.at), annotations,
          isTrue("forceCommonAnnotations"), "annotation");
      replace(k, "namespace", options.get("namespace"));
    } else {
      replace(k, "namespace", options.get("targetNamespace"));
      replace(k, "namePrefix", options.get("namePrefix"));
      replace(k, "nameSuffix", options.get("nameSuffix"));
      fluxImages(k);
    }
    append(k, "patches", options.get("patches"));
    append(k, "components", existingComponents(folder));
  }

  @Override
  public void afterBuild(List<KustomizeRenderer.Obj> objects) {
    if (controller != Controller.FLUX || !options.isMap()) {
      return;
    }
    PNode metadata = options.get("commonMetadata");
    if (metadata == null || !metadata.isMap()) {
      return;
    }
    for (String field : List.of("labels", "annotations")) {
      PNode pairs = metadata.get(field);
      if (pairs == null || !pairs.isMap()) {
        continue;
      }
      for (KustomizeRenderer.Obj o : objects) {
        PNode target = o.root.mapChild("metadata", pairs.at).mapChild(field, pairs.at);
        pairs.fields().forEach((key, value) -> {
          PNode v = value.deepCopy();
          v.keyAt = value.keyAt;
          target.put(key, v);
        });
        o.chain.add(new SourceMap.RenderStep(pairs.at.path(), pairs.at.position(),
            "commonMetadata " + field + " set by " + owner));
      }
    }
  }

  private boolean isTrue(String field) {
    PNode n = options.get(field);
    return n != null && n.isScalar() && n.scalarValue().asBoolean(false);
  }

  private static void replace(PNode k, String field, PNode value) {
    if (value != null && value.text() != null && !value.text().isEmpty()) {
      k.put(field, value.deepCopy());
    }
  }

  /**
   * The components to add: with {@code ignoreMissingComponents}, those whose folder exists (Argo CD and Flux
   * both skip the others), else all (a missing one fails the build).
   */
  private PNode existingComponents(java.nio.file.Path folder) {
    PNode components = options.get("components");
    if (components == null || !components.isList() || !isTrue("ignoreMissingComponents")) {
      return components;
    }
    PNode kept = PNode.list(components.at);
    for (PNode c : components.items()) {
      String ref = c.text();
      if (ref != null && java.nio.file.Files.isDirectory(folder.resolve(ref).normalize())) {
        kept.items().add(c);
      }
    }
    return kept;
  }

  /** The kustomization's list {@code field}, created (at the option's node) when it has none. */
  private static PNode listField(PNode k, String field, PNode values) {
    PNode list = k.get(field);
    if (list == null || !list.isList()) {
      list = PNode.list(values.at);
      k.put(field, list);
    }
    return list;
  }

  private static void append(PNode k, String field, PNode values) {
    if (values == null || !values.isList() || values.items().isEmpty()) {
      return;
    }
    PNode list = listField(k, field, values);
    for (PNode v : values.items()) {
      list.items().add(v.deepCopy());
    }
  }

  /** Adds key/values to a mapping; like {@code kustomize edit add}, a key already there fails the build unless forced. */
  private void addAll(Supplier<PNode> target, PNode pairs, boolean force, String what) {
    if (pairs == null || !pairs.isMap() || pairs.fields().isEmpty()) {
      return;
    }
    PNode map = target.get();
    for (Map.Entry<String, PNode> e : pairs.fields().entrySet()) {
      if (map.get(e.getKey()) != null && !force) {
        throw new KustomizeRenderer.RenderException(e.getValue().keyAt != null ? e.getValue().keyAt : e.getValue().at,
            owner + " adds " + what + " " + e.getKey() + ", which the kustomization already sets: Argo CD's "
                + "kustomize edit add " + what + " fails (\"already in kustomization file\") unless forced");
      }
      PNode v = e.getValue().deepCopy();
      v.keyAt = e.getValue().keyAt;
      map.put(e.getKey(), v);
    }
  }

  private void argoLabels(PNode k) {
    PNode labels = options.get("commonLabels");
    if (labels == null || !labels.isMap() || labels.fields().isEmpty()) {
      return;
    }
    boolean force = isTrue("forceCommonLabels");
    if (!isTrue("labelWithoutSelector")) {
      addAll(() -> k.mapChild("commonLabels", labels.at), labels, force, "label");
      return;
    }
    boolean templates = isTrue("labelIncludeTemplates");
    PNode list = k.get("labels");
    if (list == null || !list.isList()) {
      list = PNode.list(labels.at);
      k.put("labels", list);
    }
    PNode entry = null;
    for (PNode candidate : list.items()) {
      boolean selectors = candidate.isMap() && "true".equals(candidate.textAt("includeSelectors"));
      boolean withTemplates = candidate.isMap() && "true".equals(candidate.textAt("includeTemplates"));
      if (candidate.isMap() && !selectors && withTemplates == templates) {
        entry = candidate;
        break;
      }
    }
    if (entry == null) {
      entry = PNode.map(labels.at);
      entry.put("includeSelectors", PNode.scalar(BooleanNode.FALSE, labels.at));
      if (templates) {
        entry.put("includeTemplates", PNode.scalar(BooleanNode.TRUE, labels.at));
      }
      list.items().add(entry);
    }
    PNode found = entry;
    addAll(() -> found.mapChild("pairs", labels.at), labels, force, "label");
  }

  /** Argo CD's {@code replicas}: {@code [{name, count}]}, the count a number or a numeric string. */
  private void argoReplicas(PNode k) {
    PNode replicas = options.get("replicas");
    if (replicas == null || !replicas.isList()) {
      return;
    }
    PNode entries = PNode.list(replicas.at);
    for (PNode r : replicas.items()) {
      PNode count = r.get("count");
      if (r.textAt("name") == null || count == null || count.text() == null) {
        continue;
      }
      try {
        PNode entry = PNode.map(r.at);
        entry.put("name", r.get("name").deepCopy());
        entry.put("count", PNode.scalar(IntNode.valueOf(Integer.parseInt(count.text().trim())), count.at));
        entries.items().add(entry);
      } catch (NumberFormatException e) {
        throw new KustomizeRenderer.RenderException(count.at, owner + " sets replicas of " + r.textAt("name")
            + " to " + count.text() + ", not a number: Argo CD fails to build the application");
      }
    }
    mergeByName(k, "replicas", entries);
  }

  /** Argo CD's {@code images}: strings in {@code kustomize edit set image} form, each replacing its name's entry. */
  private void argoImages(PNode k) {
    PNode images = options.get("images");
    if (images == null || !images.isList()) {
      return;
    }
    List<PNode> entries = new ArrayList<>();
    for (PNode arg : images.items()) {
      PNode image = parseImageArgument(arg);
      if (image != null) {
        entries.add(image);
      }
    }
    PNode asList = PNode.list(images.at);
    asList.items().addAll(entries);
    mergeByName(k, "images", asList);
  }

  /**
   * {@code name=newName:tag@digest}, {@code name=newName}, {@code name:tag}, {@code name@digest}; null for an
   * argument kustomize rejects (the edit fails; the entry is left out here).
   */
  static PNode parseImageArgument(PNode arg) {
    String text = arg.text();
    if (text == null || text.isBlank()) {
      return null;
    }
    String key = "";
    String value = text;
    int equals = text.indexOf('=');
    if (equals >= 0) {
      key = text.substring(0, equals);
      value = text.substring(equals + 1);
    }
    String[] reference = Transformers.split(value);
    value = reference[0];
    String tag = reference[1];
    String digest = reference[2];
    if (key.isEmpty() && tag.isEmpty() && digest.isEmpty()) {
      return null;
    }
    PNode image = PNode.map(arg.at);
    image.put("name", PNode.text(key.isEmpty() ? value : key, arg.at));
    if (!key.isEmpty()) {
      image.put("newName", PNode.text(value, arg.at));
    }
    if (!tag.isEmpty()) {
      image.put("newTag", PNode.text(tag, arg.at));
    }
    if (!digest.isEmpty()) {
      image.put("digest", PNode.text(digest, arg.at));
    }
    return image;
  }

  /** Flux's images: merged into the entry of the same name field by field; a new tag or digest replaces both. */
  private void fluxImages(PNode k) {
    PNode images = options.get("images");
    if (images == null || !images.isList()) {
      return;
    }
    PNode list = k.get("images");
    if (list == null || !list.isList()) {
      list = PNode.list(images.at);
      k.put("images", list);
    }
    for (PNode image : images.items()) {
      String name = image.textAt("name");
      if (name == null) {
        continue;
      }
      PNode existing = entryNamed(list, name);
      if (existing == null) {
        list.items().add(image.deepCopy());
        continue;
      }
      PNode newName = image.get("newName");
      if (newName != null && newName.text() != null && !newName.text().isEmpty()) {
        existing.put("newName", newName.deepCopy());
      }
      PNode tag = image.get("newTag");
      PNode digest = image.get("digest");
      if (nonEmpty(tag) || nonEmpty(digest)) {
        existing.remove("newTag");
        existing.remove("digest");
        if (nonEmpty(tag)) {
          existing.put("newTag", tag.deepCopy());
        }
        if (nonEmpty(digest)) {
          existing.put("digest", digest.deepCopy());
        }
      }
    }
  }

  private static boolean nonEmpty(PNode n) {
    return n != null && n.text() != null && !n.text().isEmpty();
  }

  /** Entries of {@code values} replace the entry of the same {@code name} in {@code field}, else are appended. */
  private static void mergeByName(PNode k, String field, PNode values) {
    if (values == null || !values.isList() || values.items().isEmpty()) {
      return;
    }
    PNode list = listField(k, field, values);
    for (PNode v : values.items()) {
      String name = v.textAt("name");
      PNode existing = name == null ? null : entryNamed(list, name);
      if (existing != null) {
        list.items().set(list.items().indexOf(existing), v.deepCopy());
      } else {
        list.items().add(v.deepCopy());
      }
    }
  }

  private static PNode entryNamed(PNode list, String name) {
    for (PNode item : list.items()) {
      if (item.isMap() && name.equals(item.textAt("name"))) {
        return item;
      }
    }
    return null;
  }
}
