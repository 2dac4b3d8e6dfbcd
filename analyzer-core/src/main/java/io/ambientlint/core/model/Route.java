package io.ambientlint.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.load.JsonPointers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Gateway API route of any kind (HTTPRoute, GRPCRoute, TLSRoute, TCPRoute, UDPRoute) at any served version
 * (v1, v1beta1, v1alpha2, v1alpha3): its parentRefs, hostnames and rules with their backendRefs, each with
 * its JSON pointer so findings can point at the exact entry.
 */
public record Route(Resource resource, RouteKind kind, List<ParentRef> parentRefs, List<String> hostnames,
    List<RouteRule> rules, Optional<String> creationTimestamp) implements ResourceView {

  public static final String HOSTNAMES_POINTER = "/spec/hostnames";

  /** The route view of a resource, or empty when the resource is not a Gateway API route kind. */
  public static Optional<Route> of(Resource resource) {
    return RouteKind.of(resource.group(), resource.kind()).map(kind -> of(resource, kind));
  }

  private static Route of(Resource resource, RouteKind kind) {
    JsonNode spec = resource.spec();
    List<ParentRef> parents = new ArrayList<>();
    List<JsonNode> refs = Fields.array(spec, "parentRefs");
    for (int i = 0; i < refs.size(); i++) {
      parents.add(ParentRef.of(refs.get(i), i, resource.namespace(), JsonPointers.child("/spec/parentRefs", i)));
    }
    List<RouteRule> rules = new ArrayList<>();
    List<JsonNode> ruleNodes = Fields.array(spec, "rules");
    for (int i = 0; i < ruleNodes.size(); i++) {
      JsonNode rule = ruleNodes.get(i);
      String rulePointer = JsonPointers.child("/spec/rules", i);
      List<BackendRef> backends = new ArrayList<>();
      List<JsonNode> backendNodes = Fields.array(rule, "backendRefs");
      for (int j = 0; j < backendNodes.size(); j++) {
        backends.add(BackendRef.of(backendNodes.get(j), resource.namespace(),
            JsonPointers.child(rulePointer + "/backendRefs", j)));
      }
      rules.add(new RouteRule(i, Fields.text(rule, "name"), rule.path("matches"), List.copyOf(backends), rulePointer));
    }
    return new Route(resource, kind, List.copyOf(parents), Fields.stringList(spec, "hostnames"), List.copyOf(rules),
        Fields.text(resource.root().path("metadata"), "creationTimestamp"));
  }

  /** {@code books/reviews}. */
  public String namespacedName() {
    return resource.id().namespacedName();
  }

  public boolean hasHostnames() {
    return !hostnames.isEmpty();
  }

  public NodeRef hostnamesNode() {
    return resource.node(HOSTNAMES_POINTER);
  }

  /** True when every parentRef is a Service, ServiceEntry or Hostname: a mesh (GAMMA) route. */
  public boolean isMeshOnly() {
    return !parentRefs.isEmpty() && parentRefs.stream().allMatch(ParentRef::isMeshParent);
  }
}
