package io.ambientlint.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Every resource of the repository in load order, indexed by id and by group/kind, with the typed view of each
 * resource whose kind has one ({@link TypedViews}). Several resources may share an id (a duplicate: AL903);
 * {@link #resource} answers with the first.
 */
public final class Model {

  private final List<Resource> resources;
  private final Map<ResourceId, List<Resource>> byId;
  private final Map<Kind, List<Resource>> byKind;
  /** Views aligned with {@link #byKind}: a kind with views has one per resource, a kind without, none. */
  private final Map<Kind, List<ResourceView>> viewsByKind;
  private final List<Workload> workloads;
  private final Set<String> namespaces;
  private final Map<String, List<Resource>> byPath;

  public Model(List<Resource> resources) {
    this.resources = List.copyOf(resources);
    // Reading a view touches only its own resource's tree: read them all in parallel, each into its own slot.
    ResourceView[] views = new ResourceView[this.resources.size()];
    IntStream.range(0, views.length).parallel().forEach(i -> views[i] = TypedViews.of(this.resources.get(i)));
    // Almost every id is unique: store a one-element list at once and rebuild only for duplicates.
    Map<ResourceId, List<Resource>> ids = new LinkedHashMap<>(this.resources.size() * 4 / 3 + 1);
    Map<Kind, List<Resource>> kinds = new HashMap<>();
    Map<Kind, List<ResourceView>> viewKinds = new HashMap<>();
    List<Workload> allWorkloads = new ArrayList<>();
    Set<String> usedNamespaces = new HashSet<>();
    String lastNamespace = null;
    Map<String, List<Resource>> paths = new HashMap<>();
    List<Resource> lastFile = null;
    Kind lastKey = null;
    List<Resource> lastKind = null;
    List<ResourceView> lastViews = null;
    for (int i = 0; i < views.length; i++) {
      Resource r = this.resources.get(i);
      List<Resource> previous = ids.putIfAbsent(r.id(), List.of(r));
      if (previous != null) {
        List<Resource> all = new ArrayList<>(previous);
        all.add(r);
        ids.put(r.id(), List.copyOf(all));
      }
      // Files usually hold runs of one kind: reuse the last list while the kind does not change.
      if (lastKey == null || !lastKey.kind().equals(r.kind()) || !lastKey.group().equals(r.group())) {
        lastKey = r.id().type();
        lastKind = kinds.computeIfAbsent(lastKey, k -> new ArrayList<>());
        lastViews = viewKinds.computeIfAbsent(lastKey, k -> new ArrayList<>());
      }
      lastKind.add(r);
      if (lastFile == null || !lastFile.get(0).path().equals(r.path())) { // a file's documents load together
        lastFile = paths.computeIfAbsent(r.path(), k -> new ArrayList<>());
      }
      lastFile.add(r);
      if (!r.namespace().equals(lastNamespace)) { // files hold runs of one namespace too
        lastNamespace = r.namespace();
        if (!lastNamespace.isEmpty()) {
          usedNamespaces.add(lastNamespace);
        }
      }
      if (views[i] != null) {
        lastViews.add(views[i]);
        if (views[i] instanceof Workload w) {
          allWorkloads.add(w);
        }
      }
    }
    kinds.replaceAll((k, v) -> List.copyOf(v));
    viewKinds.replaceAll((k, v) -> List.copyOf(v));
    this.byId = Collections.unmodifiableMap(ids);
    this.byKind = Map.copyOf(kinds);
    this.viewsByKind = Map.copyOf(viewKinds);
    this.workloads = List.copyOf(allWorkloads);
    this.namespaces = Set.copyOf(usedNamespaces);
    this.byPath = paths;
  }

  /** The resources read from one file, in load order. */
  public List<Resource> resourcesIn(String path) {
    return Collections.unmodifiableList(byPath.getOrDefault(path, List.of()));
  }

  /** The namespace of every namespaced resource (declared as a Namespace object or not). */
  public Set<String> namespacesInUse() {
    return namespaces;
  }

  public List<Resource> resources() {
    return resources;
  }

  public Optional<Resource> resource(ResourceId id) {
    List<Resource> found = byId.get(id);
    return found == null ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Every resource that declares {@code id}: more than one is a duplicate. */
  public List<Resource> resourcesWithId(ResourceId id) {
    return byId.getOrDefault(id, List.of());
  }

  public Map<ResourceId, List<Resource>> resourcesById() {
    return byId;
  }

  /**
   * The typed views of all resources of one group and kind, in load order (aligned with {@link #ofKind});
   * empty for a kind without views.
   *
   * @throws ClassCastException when {@code type} is not the view class of the kind
   */
  public <T extends ResourceView> List<T> views(Kind kind, Class<T> type) {
    List<ResourceView> views = viewsByKind.getOrDefault(kind, List.of());
    if (!views.isEmpty()) {
      type.cast(views.get(0));
    }
    @SuppressWarnings("unchecked") // every view of one kind is of that kind's class, checked on the first above
    List<T> typed = (List<T>) views;
    return typed;
  }

  /** Every workload (pod-running kinds and WorkloadEntry), across kinds, in load order. */
  public List<Workload> workloads() {
    return workloads;
  }

  /** All resources of one kind, in load order. */
  public List<Resource> ofKind(Kind kind) {
    return byKind.getOrDefault(kind, List.of());
  }
}
