package io.ambientlint.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The graph's layers are built bottom-up (inventory, waypoints, then policies, routes, hosts, EnvoyFilters) and
 * {@link MeshGraph} is only the facade over them. An index that takes or keeps a {@code MeshGraph} could call back
 * into a half-built graph: this test fails as soon as any class of the package other than the facade mentions it
 * in a constructor, method (lambdas included: they compile to methods taking what they capture) or field.
 */
class GraphLayeringTest {

  @Test
  void noClassOfTheGraphPackageButTheFacadeTakesOrStoresAMeshGraph() throws Exception {
    List<Class<?>> classes = graphPackageClasses();
    assertThat(classes).contains(Inventory.class, WaypointResolver.class, PolicyIndex.class, RouteIndex.class,
        HostIndex.class, EnvoyFilterIndex.class, NetworkPolicyIndex.class, ServiceAccountIndex.class);
    List<String> backReferences = new ArrayList<>();
    for (Class<?> c : classes) {
      if (c == MeshGraph.class || c.getEnclosingClass() == MeshGraph.class) {
        continue;
      }
      for (Field f : c.getDeclaredFields()) {
        if (mentionsMeshGraph(f.getGenericType())) {
          backReferences.add("field " + c.getName() + "." + f.getName());
        }
      }
      List<Executable> executables = new ArrayList<>(Arrays.asList(c.getDeclaredConstructors()));
      executables.addAll(Arrays.asList(c.getDeclaredMethods()));
      for (Executable e : executables) {
        if (Stream.of(e.getGenericParameterTypes()).anyMatch(GraphLayeringTest::mentionsMeshGraph)
            || Stream.of(e.getParameterTypes()).anyMatch(t -> t == MeshGraph.class)) {
          backReferences.add((e instanceof Constructor<?> ? "constructor " : "method ") + c.getName() + "."
              + e.getName());
        }
      }
    }
    assertThat(backReferences).as("graph classes that take or keep a MeshGraph").isEmpty();
  }

  @Test
  void theCheckSeesAGraphWhereverATypeMentionsIt() throws Exception {
    assertThat(mentionsMeshGraph(MeshGraph.class)).isTrue();
    Method holder = Holder.class.getDeclaredMethod("supplier");
    assertThat(mentionsMeshGraph(holder.getGenericReturnType())).isTrue();
    assertThat(mentionsMeshGraph(Holder.class.getDeclaredMethod("unrelated").getGenericReturnType())).isFalse();
  }

  private interface Holder {
    java.util.function.Supplier<List<MeshGraph>> supplier();

    List<String> unrelated();
  }

  private static boolean mentionsMeshGraph(Type type) {
    return type.getTypeName().matches(".*\\b" + MeshGraph.class.getName().replace(".", "\\.") + "\\b.*");
  }

  /** Every class compiled into the graph package of analyzer-core, nested and synthetic ones included. */
  private static List<Class<?>> graphPackageClasses() throws IOException, URISyntaxException, ClassNotFoundException {
    Path root = Path.of(MeshGraph.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String pkg = MeshGraph.class.getPackageName();
    Path dir = root.resolve(pkg.replace('.', '/'));
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
        String simple = f.getFileName().toString().replace(".class", "");
        if (!simple.equals("package-info")) {
          out.add(Class.forName(pkg + "." + simple, false, MeshGraph.class.getClassLoader()));
        }
      }
    }
    return out;
  }
}
