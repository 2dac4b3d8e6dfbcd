package io.ambientlint.rules.classic;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.model.MeshService;
import io.ambientlint.core.model.ServicePort;
import io.ambientlint.core.model.VirtualService;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.severity.Severity;
import java.util.List;
import java.util.Optional;

/** A VirtualService destination port the Service lacks (E), or no port on a multi-port Service (W, IST0112). */
public final class DestinationPortNotFound implements Rule {

  static final RuleMetadata META = RuleMetadata.builder("AL409", "destination-port-not-found")
      .severity(Severity.ERROR)
      .summary("VirtualService destination port is not a port of the Service, or missing on a multi-port Service")
      .description("""
          Istio builds the destination cluster `outbound|PORT||HOST` from `destination.port.number`; when the port \
          is not set it takes the Service's only port, or, for a Service with several ports, the port the request \
          arrived on (pilot/pkg/networking/core/route GetDestinationCluster). A port the Service or ServiceEntry \
          does not declare names a cluster that does not exist: requests routed there fail with 503 (error, istioctl \
          IST0101 `host:port`). No port on a multi-port destination works only while callers use a port the \
          destination also has (warning, istioctl IST0112). Route destinations and mirrors of http, tcp and tls \
          routes are checked; destinations that name no Service or ServiceEntry of the repository are AL408's \
          business.""")
      .help("Set `destination.port.number` to one of the Service's `port` values (not its targetPort).")
      .tags("virtualservice", "routing")
      .build();

  @Override
  public RuleMetadata metadata() {
    return META;
  }

  @Override
  public void check(MeshGraph graph, Findings findings) {
    for (VirtualService vs : graph.virtualServices()) {
      for (VirtualService.Destination d : vs.destinations()) {
        Optional<MeshService> target = graph.meshServiceForHost(d.host(), vs.namespace());
        if (target.isEmpty()) {
          continue;
        }
        List<ServicePort> ports = target.get() instanceof io.ambientlint.core.model.Service s ? s.ports()
            : ((io.ambientlint.core.model.ServiceEntry) target.get()).ports();
        if (ports.isEmpty()) {
          continue; // an ExternalName Service, or ports unreadable: nothing to compare with
        }
        String known = String.join(", ", ports.stream().map(p -> String.valueOf(p.number())).distinct().toList());
        String what = d.mirror() ? "mirror" : "destination";
        if (d.port().isPresent()) {
          int port = d.port().getAsInt();
          if (ports.stream().noneMatch(p -> p.number() == port)) {
            findings.report(META, vs.node(d.pointer() + "/port/number"),
                    "%s %s %s:%d names port %d, but %s has only port(s) %s: the cluster outbound|%d||%s does not exist and "
                        + "requests routed there fail with 503; use one of the Service's ports",
                    vs.displayName(), what, d.host(), port, port, target.get().displayName(), known, port, d.host())
                .related(target.get().node("/spec/ports"), "the ports of " + target.get().displayName());
          }
        } else if (ports.stream().map(ServicePort::number).distinct().count() > 1) {
          findings.report(META, vs.node(d.hostPointer()),
                  "%s %s %s names no port, and %s has several (%s): Istio then uses the port each request arrived on, "
                      + "and requests on any other port fail with 503; set destination.port.number (IST0112)",
                  vs.displayName(), what, d.host(), target.get().displayName(), known)
              .severity(Severity.WARNING)
              .related(target.get().node("/spec/ports"), "the ports of " + target.get().displayName());
        }
      }
    }
  }
}
