package io.ambientlint.rules.waypoint;

import io.ambientlint.core.graph.IstioLabels;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.Gateway;
import io.ambientlint.core.model.Listener;
import io.ambientlint.core.model.NodeRef;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;
import java.util.Optional;

/** A waypoint without the listener ztunnel sends to, or an istio-waypoint Gateway with listeners Istio rejects. */
public final class WaypointListeners implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL106", "waypoint-listeners")
      .severity(Severity.ERROR)
      .summary("A waypoint has no HBONE 15008 or inbound-binding listener, or istio-waypoint has extra listeners")
      .description("""
          ztunnel sends traffic to a waypoint over HBONE on port 15008, or, with the \
          `ambient.istio.io/waypoint-inbound-binding` annotation on the Gateway or its GatewayClass, to the listener \
          of that binding (its port, or protocol `istio.io/PROXY`). For Istio-deployed waypoints the waypoint \
          Service's ports come from the listeners, so without such a listener traffic to bound services fails (error \
          for Istio's waypoint classes: `istio-waypoint`, `istio-agentgateway-waypoint` and any GatewayClass of \
          controller `istio.io/mesh-controller`; warning for other classes, whose controller may add it; nothing for \
          another controller's class that declares an inbound binding, which ztunnel uses whatever the listeners \
          are). On Envoy waypoint classes (`istio-waypoint`, or controller `istio.io/mesh-controller`) every other \
          listener is rejected (`Accepted=False`: "Expected a single listener on port 15008 with protocol HBONE"), \
          reported as an error at the listener.""")
      .help("""
          Give the waypoint a listener `{name: mesh, port: 15008, protocol: HBONE}` (or the inbound-binding listener \
          its class expects), and remove other listeners from `istio-waypoint` Gateways.""")
      .tags("waypoint", "gateway-api")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (Gateway gw : graph.waypoints()) {
      boolean istioClass = graph.isIstioWaypointClass(gw.className());
      // makeInboundBinding (pilot/pkg/serviceregistry/ambient/waypoints.go) hands ztunnel the annotated
      // protocol/port whatever the listeners say: another controller's proxy may serve it without a listener.
      boolean declaredBinding = graph.inboundBinding(gw).filter(b -> b.valid()).isPresent();
      if (graph.boundListener(gw).isEmpty() && (istioClass || !declaredBinding)) {
        NodeRef at = gw.node("/spec/listeners").isPresent() ? gw.node("/spec/listeners") : gw.classNode();
        Optional<Listener> proxy = gw.listeners().stream()
            .filter(l -> l.protocol().equals(IstioLabels.PROXY_PROTOCOL)).findFirst();
        String fix = proxy.map(l -> "annotate the Gateway or its GatewayClass with "
                + IstioLabels.WAYPOINT_INBOUND_BINDING + ": PROXY/" + l.port() + " so ztunnel uses listener " + l.name()
                + ", or add a listener {name: mesh, port: 15008, protocol: HBONE}")
            .orElse("add a listener {name: mesh, port: 15008, protocol: HBONE}");
        Findings.Draft d = findings.report(META, at,
                "waypoint %s (class %s) has no HBONE listener on port 15008 and no inbound-binding listener: ztunnel "
                    + "has nowhere to send traffic, so requests to the services bound to it fail; %s",
                gw.displayName(), gw.className(), fix)
            .severity(istioClass ? Severity.ERROR : Severity.WARNING);
        graph.inboundBinding(gw).ifPresent(b -> d.related(b.source(), "the inbound-binding annotation"));
      }
      // buildListener (pilot/pkg/config/kube/gateway/conversion.go) rejects other listeners for controller
      // istio.io/mesh-controller, whatever the class is called.
      if (!graph.isEnvoyWaypointClass(gw.className())) {
        continue;
      }
      for (Listener l : gw.listeners()) {
        if (l.isHbone() && l.port() == IstioLabels.HBONE_PORT) {
          continue;
        }
        findings.report(META, gw.node(l.pointer()),
                "listener %s (port %d, protocol %s) of waypoint %s is rejected by Istio (Accepted=False: expected a "
                    + "single listener on port 15008 with protocol HBONE); class %s (controller "
                    + "istio.io/mesh-controller) serves only HBONE on 15008: remove the listener",
                l.name(), l.port(), l.protocol(), gw.displayName(), gw.className())
            .related(gw.classNode(), "the waypoint's class");
      }
    }
  }
}
