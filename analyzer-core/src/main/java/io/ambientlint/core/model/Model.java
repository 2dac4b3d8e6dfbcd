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
  private final Map<String, List<Resource>> byGroupKind;

  public Model(List<Resource> resources) {
    this.resources = List.copyOf(resources);
    Map<ResourceId, List<Resource>> ids = new LinkedHashMap<>();
    Map<String, List<Resource>> kinds = new HashMap<>();
    for (Resource r : this.resources) {
      ids.computeIfAbsent(r.id(), k -> new ArrayList<>(1)).add(r);
      kinds.computeIfAbsent(r.group() + "/" + r.kind(), k -> new ArrayList<>()).add(r);
    }
    ids.replaceAll((k, v) -> List.copyOf(v));
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
    return byGroupKind.getOrDefault(group + "/" + kind, List.of());
  }
}
