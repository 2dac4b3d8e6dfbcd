package io.ambientlint.core.explain;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.graph.UseWaypointLabel;
import io.ambientlint.core.graph.NamespaceAdmission;
import io.ambientlint.core.graph.WaypointFor;
import io.ambientlint.core.graph.WaypointResolver;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.model.Listener;
import io.ambientlint.core.model.Resource;
import java.util.List;
import java.util.Optional;

/** For a Gateway: is it a waypoint and why, its class, waypoint-for, bound listener, allowed namespaces, users. */
final class GatewaySection implements ExplainSection {

  @Override
  public void explain(MeshGraph graph, Resource subject, ExplainWriter out) {
    Optional<Gateway> found = Subjects.gateway(graph, subject);
    if (found.isEmpty()) {
      return;
    }
    Gateway gw = found.get();
    out.section("Waypoint");
    Optional<String> classReason = graph.waypointClassReason(gw.className());
    List<UseWaypointLabel> uses = graph.usesOf(gw);
    List<UseWaypointLabel> canaries = graph.canaryUsesOf(gw);
    if (!graph.isWaypoint(gw)) {
      out.fact("not a waypoint: class " + gw.className() + " is not a waypoint class and no use-waypoint label names it",
          gw.classNode());
      return;
    }
    out.fact("is a waypoint: " + classReason.map(r -> "class " + gw.className() + " is " + r)
        .orElse("a use-waypoint label names it (class " + gw.className() + ")"), gw.classNode());
    graph.gatewayClass(gw.className()).ifPresentOrElse(
        c -> out.fact("GatewayClass " + c.name() + " (controller " + c.controllerName() + ")", c.resource().nameNode()),
        () -> out.fact("GatewayClass " + gw.className() + " is not in the repository"));
    out.fact(!graph.isThirdPartyClass(gw) ? "owned by an Istio controller"
        : "owned by a controller other than Istio: Istio leaves its routes and policies to it (AL107)");
    WaypointFor waypointFor = graph.waypointFor(gw);
    out.fact("waypoint-for " + waypointFor.value() + (waypointFor.decidedBy().isEmpty() ? " (default)" : ""),
        waypointFor.decidedBy());
    out.fact(graph.isReady(gw) ? (gw.hasStatus() ? "ready: status.addresses " + gw.statusAddresses()
        : "taken as ready (no status in the manifest)") : "not ready: no usable status.addresses",
        gw.hasStatus() ? Optional.of(gw.node("/status")) : Optional.empty());
    graph.inboundBinding(gw).ifPresent(b -> out.fact("inbound binding " + b.value()
        + (b.valid() ? "" : " (invalid: ignored)"), b.source()));
    Optional<Listener> listener = graph.boundListener(gw);
    listener.ifPresentOrElse(l -> out.fact("bound listener " + l.name() + " (port " + l.port() + ", " + l.protocol() + ")",
        gw.node(l.pointer())), () -> out.fact("no bound listener: no HBONE listener on 15008 nor inbound-binding listener"));
    NamespaceAdmission admission = graph.admits(gw, gw.namespace());
    out.fact("allowed namespaces: " + admission.rule(), admission.decidedBy());
    if (uses.isEmpty() && canaries.isEmpty()) {
      out.fact("used by nothing: no use-waypoint label in the repository names it");
    }
    uses.forEach(u -> out.fact("named by " + u.describe(), u.label()));
    canaries.forEach(u -> out.fact("named as canary by " + u.describe(), u.label()));
    List<WaypointResolver.Use> bindings = graph.bindingsTo(gw).stream()
        .filter(u -> u.binding().isBound() || u.binding().isFailed()).toList();
    if (!bindings.isEmpty()) {
      out.fact("serves:");
      out.nested(() -> bindings.forEach(u -> out.fact(u.subject().displayName() + ": "
          + (u.binding().isBound() ? "bound" : u.binding().status() + ": " + u.binding().reason()),
          u.subject().resource().nameNode())));
    }
  }
}
