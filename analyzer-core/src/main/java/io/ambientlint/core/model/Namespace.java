package io.ambientlint.core.model;

import java.util.Map;
import java.util.Optional;

/**
 * A namespace: declared in the repository, declared in config {@code namespaces:} (managed elsewhere), or
 * implicit (used by some object, not declared). An implicit namespace's labels are unknown (DESIGN §2b) unless
 * config {@code assumeUndeclaredNamespaces: unlabelled} says it has none.
 */
public record Namespace(String name, Map<String, String> labels, Optional<Resource> declaration, boolean labelsKnown) {

  /** Referenced, not declared: only {@code kubernetes.io/metadata.name} is known. */
  public static Namespace implicit(String name) {
    return new Namespace(name, Map.of(), Optional.empty(), false);
  }

  /** Referenced, not declared, and assumed unlabelled by config. */
  public static Namespace assumedUnlabelled(String name) {
    return new Namespace(name, Map.of(), Optional.empty(), true);
  }

  /** Managed elsewhere, its labels given in config {@code namespaces:}. */
  public static Namespace configured(String name, Map<String, String> labels) {
    return new Namespace(name, Map.copyOf(labels), Optional.empty(), true);
  }

  public static Namespace declared(Resource resource) {
    return new Namespace(resource.name(), resource.labels(), Optional.of(resource), true);
  }

  public boolean isDeclared() {
    return declaration.isPresent();
  }

  /** The label node on the declaration, if declared and labelled (labels from config have no node). */
  public Optional<NodeRef> labelNode(String key) {
    return declaration.filter(r -> r.labels().containsKey(key)).map(r -> r.labelNode(key));
  }

  public String displayName() {
    return "Namespace " + name;
  }
}
