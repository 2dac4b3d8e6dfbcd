package io.ambientlint.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every resource of the repository in load order, indexed by id and by group/kind. Several resources may
 * share an id (a duplicate: AL903); {@link #resource} answers with the first.
 */
public final class Model {

  private final List<Resource> resources;
  private final Map<ResourceId, List<Resource>> byId;
  private final Map<GroupKind, List<Resource>> byGroupKind;

  /** The by-kind key: two strings whose hashes are cached, instead of a concatenation per resource. */
  private record GroupKind(String group, String kind) {}

  public Model(List<Resource> resources) {
    this.resources = List.copyOf(resources);
    // Almost every id is unique: store a one-element list at once and rebuild only for duplicates.
    Map<ResourceId, List<Resource>> ids = new LinkedHashMap<>(this.resources.size() * 4 / 3 + 1);
    Map<GroupKind, List<Resource>> kinds = new HashMap<>();
    GroupKind lastKey = null;
    List<Resource> lastKind = null;
    for (Resource r : this.resources) {
      List<Resource> previous = ids.putIfAbsent(r.id(), List.of(r));
      if (previous != null) {
        List<Resource> all = new ArrayList<>(previous);
        all.add(r);
        ids.put(r.id(), List.copyOf(all));
      }
      // Files usually hold runs of one kind: reuse the last list while the kind does not change.
      if (lastKey == null || !lastKey.kind().equals(r.kind()) || !lastKey.group().equals(r.group())) {
        lastKey = new GroupKind(r.group(), r.kind());
        lastKind = kinds.computeIfAbsent(lastKey, k -> new ArrayList<>());
      }
      lastKind.add(r);
    }
    kinds.replaceAll((k, v) -> List.copyOf(v));
    this.byId = Collections.unmodifiableMap(ids);
    this.byGroupKind = Map.copyOf(kinds);
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

  /** All resources of one group and kind ({@code ""} for the core group), in load order. */
  public List<Resource> ofKind(String group, String kind) {
    return byGroupKind.getOrDefault(new GroupKind(group, kind), List.of());
  }
}
