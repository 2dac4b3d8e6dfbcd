package io.ambientlint.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The packages of analyzer-core form layers: no package depends, directly or through others, on a package that
 * depends on it. Dependencies are read from the compiled classes with jdeps, so a fully qualified name in the
 * code counts like an import (a compile-time constant inlined by javac is the one reference it cannot see).
 */
class PackageCyclesTest {

  private static final String PREFIX = "io.ambientlint.";

  @Test
  void analyzerCoreHasNoPackageCycles() throws URISyntaxException {
    Path classes = Path.of(Analyzer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    PackageGraph graph = PackageGraph.ofClasses(classes);

    // A jdeps that read nothing would find no cycle either.
    assertThat(graph.packages()).as("packages jdeps found in " + classes)
        .contains("io.ambientlint.core", "io.ambientlint.core.graph", "io.ambientlint.core.rule",
            "io.ambientlint.core.severity");
    assertThat(graph.dependsOn("io.ambientlint.core.rule", "io.ambientlint.core.graph")).isTrue();

    assertThat(graph.describeCycles()).as("package cycles in analyzer-core").isEmpty();
  }

  @Test
  void namesEachCycleWithAClassOnEveryEdge() {
    PackageGraph graph = new PackageGraph();
    graph.add("a.graph.MeshGraph", "a.config.Config");
    graph.add("a.config.ConfigLoader", "a.rule.Severity");
    graph.add("a.rule.Rule", "a.graph.MeshGraph");
    graph.add("a.core.Analyzer", "a.baseline.Comparison");
    graph.add("a.baseline.Baseline", "a.core.Analyzer");
    graph.add("a.report.Reporter", "a.core.Analyzer"); // depends on a cycle, is in none

    assertThat(graph.describeCycles()).containsExactly(
        "a.baseline -> a.core -> a.baseline"
            + "\n    a.baseline.Baseline -> a.core.Analyzer\n    a.core.Analyzer -> a.baseline.Comparison",
        "a.config -> a.rule -> a.graph -> a.config"
            + "\n    a.config.ConfigLoader -> a.rule.Severity\n    a.rule.Rule -> a.graph.MeshGraph"
            + "\n    a.graph.MeshGraph -> a.config.Config");
  }

  @Test
  void layeredPackagesHaveNoCycle() {
    PackageGraph graph = new PackageGraph();
    graph.add("a.rule.Rule", "a.graph.MeshGraph");
    graph.add("a.graph.MeshGraph", "a.config.Config");
    graph.add("a.rule.Rule", "a.config.Config");
    graph.add("a.rule.Finding", "a.rule.Findings"); // same package

    assertThat(graph.describeCycles()).isEmpty();
  }

  /** Package dependencies, each with the first class dependency that made it. */
  static final class PackageGraph {
    private final Map<String, Map<String, String>> edges = new TreeMap<>();

    static PackageGraph ofClasses(Path classes) {
      ToolProvider jdeps = ToolProvider.findFirst("jdeps")
          .orElseThrow(() -> new IllegalStateException("jdeps not found: the build needs a full JDK"));
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int exit = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:class", "-e",
          PREFIX.replace(".", "\\.") + ".*", classes.toString());
      if (exit != 0) {
        throw new IllegalStateException("jdeps failed (" + exit + "): " + err);
      }
      PackageGraph graph = new PackageGraph();
      for (String line : out.toString().split("\n")) {
        String[] words = line.trim().split("\\s+");
        if (words.length >= 3 && words[1].equals("->") && words[0].startsWith(PREFIX) && words[2].startsWith(PREFIX)) {
          graph.add(words[0], words[2]);
        }
      }
      return graph;
    }

    void add(String fromClass, String toClass) {
      String from = packageOf(fromClass);
      String to = packageOf(toClass);
      edges.computeIfAbsent(from, p -> new TreeMap<>());
      edges.computeIfAbsent(to, p -> new TreeMap<>());
      if (!from.equals(to)) {
        edges.get(from).putIfAbsent(to, fromClass.replace('$', '.') + " -> " + toClass.replace('$', '.'));
      }
    }

    TreeSet<String> packages() {
      return new TreeSet<>(edges.keySet());
    }

    boolean dependsOn(String from, String to) {
      return edges.getOrDefault(from, Map.of()).containsKey(to);
    }

    /**
     * One shortest cycle through each set of mutually dependent packages (strongly connected component), as
     * {@code a -> b -> a} followed by the class dependency behind each edge; sorted.
     */
    List<String> describeCycles() {
      List<String> out = new ArrayList<>();
      for (List<String> component : stronglyConnected()) {
        if (component.size() < 2) {
          continue;
        }
        String start = component.stream().min(String::compareTo).orElseThrow();
        List<String> cycle = shortestCycle(start, new TreeSet<>(component));
        StringBuilder b = new StringBuilder(String.join(" -> ", cycle));
        for (int i = 0; i + 1 < cycle.size(); i++) {
          b.append("\n    ").append(edges.get(cycle.get(i)).get(cycle.get(i + 1)));
        }
        out.add(b.toString());
      }
      out.sort(null);
      return out;
    }

    /** Breadth-first from {@code start} back to it, inside its component: start, ..., start. */
    private List<String> shortestCycle(String start, TreeSet<String> component) {
      Map<String, String> previous = new HashMap<>();
      Deque<String> queue = new ArrayDeque<>(List.of(start));
      while (!queue.isEmpty()) {
        String at = queue.removeFirst();
        for (String next : edges.get(at).keySet()) {
          if (next.equals(start)) {
            List<String> path = new ArrayList<>(List.of(start));
            for (String p = at; !p.equals(start); p = previous.get(p)) {
              path.add(1, p);
            }
            path.add(start);
            return path;
          }
          if (component.contains(next) && !previous.containsKey(next)) {
            previous.put(next, at);
            queue.addLast(next);
          }
        }
      }
      throw new IllegalStateException("no cycle through " + start);
    }

    /** Tarjan's algorithm; the graph is a few dozen packages, so recursion depth is no concern. */
    private List<List<String>> stronglyConnected() {
      Map<String, Integer> index = new LinkedHashMap<>();
      Map<String, Integer> low = new HashMap<>();
      Deque<String> stack = new ArrayDeque<>();
      List<List<String>> components = new ArrayList<>();
      for (String p : edges.keySet()) {
        if (!index.containsKey(p)) {
          connect(p, index, low, stack, components);
        }
      }
      return components;
    }

    private void connect(String v, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
        List<List<String>> components) {
      index.put(v, index.size());
      low.put(v, index.get(v));
      stack.push(v);
      for (String w : edges.get(v).keySet()) {
        if (!index.containsKey(w)) {
          connect(w, index, low, stack, components);
          low.put(v, Math.min(low.get(v), low.get(w)));
        } else if (stack.contains(w)) {
          low.put(v, Math.min(low.get(v), index.get(w)));
        }
      }
      if (low.get(v).equals(index.get(v))) {
        List<String> component = new ArrayList<>();
        String w;
        do {
          w = stack.pop();
          component.add(w);
        } while (!w.equals(v));
        components.add(component);
      }
    }

    private static String packageOf(String className) {
      return className.substring(0, className.lastIndexOf('.'));
    }
  }
}
