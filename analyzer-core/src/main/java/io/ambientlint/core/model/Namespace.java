package io.ambientlint.core.model;

import java.util.Map;
import java.util.Optional;

/**
 * A namespace: declared in the repository, or implicit (used by some object, not declared: no labels).
 */
public record Namespace(String name, Map<String, String> labels, Optional<Resource> declaration) {

  public static Namespace implicit(String name) {
    return new Namespace(name, Map.of(), Optional.empty());
  }

  public static Namespace declared(Resource resource) {
    return new Namespace(resource.name(), resource.labels(), Optional.of(resource));
  }

  public boolean isDeclared() {
    return declaration.isPresent();
  }

  /** The label node on the declaration, if declared and labelled. */
  public Optional<NodeRef> labelNode(String key) {
    return declaration.filter(r -> r.labels().containsKey(key)).map(r -> r.labelNode(key));
  }

  public String displayName() {
    return "Namespace " + name;
  }
}
