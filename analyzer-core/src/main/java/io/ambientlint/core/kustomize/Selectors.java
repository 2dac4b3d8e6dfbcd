package io.ambientlint.core.kustomize;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Kubernetes label selector strings ({@code app=web,tier!=db,env in (a,b),!legacy}) as patch targets use them. */
final class Selectors {

  private Selectors() {}

  /** True when {@code selector} is absent or the map matches it. */
  static boolean matches(String selector, PNode selectorNode, PNode map) {
    if (selector == null || selector.isBlank()) {
      return true;
    }
    for (String term : terms(selector)) {
      if (!matchesTerm(term.strip(), map, selectorNode)) {
        return false;
      }
    }
    return true;
  }

  private static List<String> terms(String selector) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(selector.substring(start, i));
        start = i + 1;
      }
    }
    out.add(selector.substring(start));
    return out;
  }

  private static String value(PNode map, String key) {
    PNode v = map == null ? null : map.get(key);
    return v == null ? null : v.text();
  }

  private static boolean matchesTerm(String term, PNode map, PNode at) {
    String lower = term.replaceAll("\\s+", " ");
    int in = lower.indexOf(" in ");
    int notin = lower.indexOf(" notin ");
    if (notin > 0 || in > 0) {
      boolean negate = notin > 0;
      String key = lower.substring(0, negate ? notin : in).strip();
      String list = lower.substring(lower.indexOf('(') + 1, lower.lastIndexOf(')'));
      Set<String> values = Set.copyOf(List.of(list.split("\\s*,\\s*")).stream().map(String::strip).toList());
      String v = value(map, key);
      return negate ? v == null || !values.contains(v) : v != null && values.contains(v);
    }
    if (term.startsWith("!")) {
      return value(map, term.substring(1).strip()) == null;
    }
    int ne = term.indexOf("!=");
    if (ne > 0) {
      String v = value(map, term.substring(0, ne).strip());
      return v == null || !v.equals(term.substring(ne + 2).strip());
    }
    int eq = term.indexOf("==");
    int len = 2;
    if (eq < 0) {
      eq = term.indexOf('=');
      len = 1;
    }
    if (eq > 0) {
      String v = value(map, term.substring(0, eq).strip());
      return v != null && v.equals(term.substring(eq + len).strip());
    }
    if (term.isEmpty()) {
      throw new KustomizeRenderer.RenderException(at.at, "empty term in selector");
    }
    return value(map, term) != null;
  }
}
