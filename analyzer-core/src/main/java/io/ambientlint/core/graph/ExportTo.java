package io.ambientlint.core.graph;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where an Istio config object (VirtualService, DestinationRule, ServiceEntry) is visible, from its
 * {@code exportTo}: empty or {@code *} means every namespace, {@code .} its own, {@code ~} none, else the
 * namespaces named.
 */
public record ExportTo(boolean all, Set<String> namespaces) {

  public static ExportTo of(List<String> exportTo, String ownNamespace) {
    if (exportTo.isEmpty() || exportTo.contains("*")) {
      return new ExportTo(true, Set.of());
    }
    Set<String> out = new TreeSet<>();
    for (String e : exportTo) {
      if (e.equals(".")) {
        out.add(ownNamespace);
      } else if (!e.equals("~") && !e.isEmpty()) {
        out.add(e);
      }
    }
    return new ExportTo(false, Set.copyOf(out));
  }

  public boolean visibleTo(String namespace) {
    return all || namespaces.contains(namespace);
  }

  /** Is there a namespace that sees both? */
  public boolean overlaps(ExportTo other) {
    if (all) {
      return other.all || !other.namespaces.isEmpty();
    }
    if (other.all) {
      return !namespaces.isEmpty();
    }
    return namespaces.stream().anyMatch(other.namespaces::contains);
  }

  public String describe() {
    return all ? "all namespaces" : namespaces.isEmpty() ? "no namespace" : "namespaces " + new TreeSet<>(namespaces);
  }
}
