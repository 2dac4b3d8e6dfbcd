package io.ambientlint.core.rule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/** The rules on the class path, found with {@link ServiceLoader}, in id order. */
public final class RuleRegistry {

  private final List<Rule> rules;

  public RuleRegistry(List<Rule> rules) {
    List<Rule> sorted = new ArrayList<>(rules);
    sorted.sort(Comparator.comparing(r -> r.metadata().id()));
    Set<String> ids = new HashSet<>();
    for (Rule r : sorted) {
      if (!ids.add(r.metadata().id())) {
        throw new IllegalStateException("two rules share id " + r.metadata().id());
      }
    }
    this.rules = List.copyOf(sorted);
  }

  public static RuleRegistry load() {
    return load(RuleRegistry.class.getClassLoader());
  }

  public static RuleRegistry load(ClassLoader loader) {
    List<Rule> found = new ArrayList<>();
    ServiceLoader.load(Rule.class, loader).forEach(found::add);
    return new RuleRegistry(found);
  }

  public List<Rule> rules() {
    return rules;
  }

  public List<RuleMetadata> metadata() {
    return rules.stream().map(Rule::metadata).toList();
  }

  public Optional<Rule> rule(String id) {
    return rules.stream().filter(r -> r.metadata().id().equals(id)).findFirst();
  }
}
