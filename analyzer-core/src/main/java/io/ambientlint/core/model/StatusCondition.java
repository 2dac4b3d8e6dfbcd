package io.ambientlint.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.load.JsonPointers;
import java.util.ArrayList;
import java.util.List;

/**
 * A condition from exported {@code status} (manifests dumped from a cluster): on the object itself
 * ({@code status.conditions}), on one of a route's parents ({@code status.parents[].conditions}) or on one of a
 * Gateway's listeners ({@code status.listeners[].conditions}). {@code scope} says which ({@code parent
 * Service default/reviews}, {@code listener mesh}); empty for the object itself.
 */
public record StatusCondition(Resource resource, String type, String status, String reason, String message,
    String scope, String pointer) {

  /** Kinds whose exported status conditions AL906 reads. */
  private static final List<Kind> STATUS_KINDS = List.of(Kind.SERVICE, Kind.SERVICE_ENTRY, Kind.WORKLOAD_ENTRY,
      Kind.AUTHORIZATION_POLICY, Kind.GATEWAY, Kind.HTTP_ROUTE, Kind.GRPC_ROUTE, Kind.TCP_ROUTE, Kind.TLS_ROUTE,
      Kind.UDP_ROUTE);

  /** The conditions of exported status on Services, ServiceEntries, WorkloadEntries, AuthorizationPolicies, Gateways, routes. */
  public static List<StatusCondition> exported(Model model) {
    List<StatusCondition> conditions = new ArrayList<>();
    for (Kind kind : STATUS_KINDS) {
      model.ofKind(kind).forEach(r -> conditions.addAll(of(r)));
    }
    return List.copyOf(conditions);
  }

  /** Every condition the object's status carries, in document order. */
  public static List<StatusCondition> of(Resource resource) {
    JsonNode status = resource.status();
    if (!status.isObject()) {
      return List.of();
    }
    List<StatusCondition> out = new ArrayList<>();
    read(resource, status, "/status", "", out);
    List<JsonNode> parents = Fields.array(status, "parents");
    for (int i = 0; i < parents.size(); i++) {
      JsonNode ref = parents.get(i).path("parentRef");
      String kind = Fields.text(ref, "kind").orElse("Gateway");
      String ns = Fields.text(ref, "namespace").orElse(resource.namespace());
      read(resource, parents.get(i), JsonPointers.child("/status/parents", i),
          "parent " + kind + " " + ns + "/" + Fields.text(ref, "name").orElse("?"), out);
    }
    List<JsonNode> listeners = Fields.array(status, "listeners");
    for (int i = 0; i < listeners.size(); i++) {
      read(resource, listeners.get(i), JsonPointers.child("/status/listeners", i),
          "listener " + Fields.text(listeners.get(i), "name").orElse("?"), out);
    }
    return List.copyOf(out);
  }

  private static void read(Resource resource, JsonNode holder, String pointer, String scope, List<StatusCondition> out) {
    List<JsonNode> conditions = Fields.array(holder, "conditions");
    for (int i = 0; i < conditions.size(); i++) {
      JsonNode c = conditions.get(i);
      out.add(new StatusCondition(resource, Fields.text(c, "type").orElse(""), Fields.scalarText(c, "status").orElse(""),
          Fields.text(c, "reason").orElse(""), Fields.text(c, "message").orElse(""), scope,
          JsonPointers.child(pointer + "/conditions", i)));
    }
  }

  /** {@code WaypointBound} for {@code istio.io/WaypointBound}: the type without its domain prefix. */
  public String shortType() {
    return type.substring(type.lastIndexOf('/') + 1);
  }

  public NodeRef node() {
    return resource.node(pointer);
  }
}
