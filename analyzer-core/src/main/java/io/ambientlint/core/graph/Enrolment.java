package io.ambientlint.core.graph;

import io.ambientlint.core.model.Namespace;
import io.ambientlint.core.model.NodeRef;
import io.ambientlint.core.model.Workload;
import java.util.Optional;

/** How a workload or namespace takes part in the mesh, and the label that decided it. */
public record Enrolment(Mode mode, String reason, Optional<NodeRef> decidedBy) {

  public enum Mode {
    /** Captured by ztunnel. */
    AMBIENT,
    /** Has (or will get) an injected sidecar: not captured by ztunnel. */
    SIDECAR,
    /** Not in the mesh at all. */
    NONE,
    /** Decided by labels of a namespace the analysis cannot see (DESIGN §2b): no verdict. */
    UNKNOWN
  }

  public boolean isUnknown() {
    return mode == Mode.UNKNOWN;
  }

  public boolean isAmbient() {
    return mode == Mode.AMBIENT;
  }

  public boolean isSidecar() {
    return mode == Mode.SIDECAR;
  }

  /**
   * Enrolment of a workload (docs/architecture.md "Enrolment"): hostNetwork pods and sidecar-injected pods are not
   * captured; otherwise the pod's own {@code istio.io/dataplane-mode} decides, else its namespace's, and
   * {@code none} opts out.
   */
  static Enrolment of(Workload w, Namespace ns) {
    // The CNI agent marks each pod it captured; istioctl reads the mark too (exported cluster state only).
    if (w.podPointer().isEmpty() && "enabled".equals(w.podAnnotations().get(IstioLabels.AMBIENT_REDIRECTION))) {
      return new Enrolment(Mode.AMBIENT, "pod annotation " + IstioLabels.AMBIENT_REDIRECTION + "=enabled "
          + "(captured by ztunnel)", Optional.of(w.podAnnotationNode(IstioLabels.AMBIENT_REDIRECTION)));
    }
    if (w.hostNetwork()) {
      return new Enrolment(Mode.NONE, "hostNetwork pods are not captured by ztunnel",
          Optional.of(w.node(w.podPointer() + "/spec/hostNetwork")));
    }
    Optional<Enrolment> sidecar = sidecarInjection(w, ns);
    if (sidecar.isPresent()) {
      return sidecar.get();
    }
    String own = w.podLabels().get(IstioLabels.DATAPLANE_MODE);
    if (own != null) {
      if (own.equals(IstioLabels.AMBIENT)) {
        return new Enrolment(Mode.AMBIENT, "pod label " + IstioLabels.DATAPLANE_MODE + "=ambient",
            Optional.of(w.podLabelNode(IstioLabels.DATAPLANE_MODE)));
      }
      if (own.equals(IstioLabels.NONE)) {
        return new Enrolment(Mode.NONE, "pod label " + IstioLabels.DATAPLANE_MODE + "=none opts out",
            Optional.of(w.podLabelNode(IstioLabels.DATAPLANE_MODE)));
      }
    }
    return of(ns);
  }

  /**
   * The sidecar the workload's pods ask for, whatever else they ask for: {@code sidecar.istio.io/inject} on the
   * pod (label, else annotation; {@code "false"} refuses), else the namespace's injection labels.
   * WorkloadEntries get no sidecar.
   */
  static Optional<Enrolment> sidecarInjection(Workload w, Namespace ns) {
    String podInject = w.podLabels().getOrDefault(IstioLabels.SIDECAR_INJECT, w.podAnnotations().get(IstioLabels.SIDECAR_INJECT));
    if ("false".equals(podInject) || w.isWorkloadEntry()) {
      return Optional.empty();
    }
    if ("true".equals(podInject)) {
      NodeRef podInjectNode = w.podLabels().containsKey(IstioLabels.SIDECAR_INJECT)
          ? w.podLabelNode(IstioLabels.SIDECAR_INJECT) : w.podAnnotationNode(IstioLabels.SIDECAR_INJECT);
      return Optional.of(new Enrolment(Mode.SIDECAR, IstioLabels.SIDECAR_INJECT + "=true on the pod",
          Optional.of(podInjectNode)));
    }
    return sidecarInjection(ns);
  }

  /** The injection a namespace's labels ask for: {@code istio-injection=enabled}, or a non-empty revision. */
  static Optional<Enrolment> sidecarInjection(Namespace ns) {
    if ("enabled".equals(ns.labels().get(IstioLabels.ISTIO_INJECTION))) {
      return Optional.of(new Enrolment(Mode.SIDECAR, "namespace label istio-injection=enabled",
          ns.labelNode(IstioLabels.ISTIO_INJECTION)));
    }
    String rev = ns.labels().get(IstioLabels.REV);
    if (rev != null && !rev.isEmpty() && !"disabled".equals(ns.labels().get(IstioLabels.ISTIO_INJECTION))) {
      return Optional.of(new Enrolment(Mode.SIDECAR, "namespace label istio.io/rev=" + rev,
          ns.labelNode(IstioLabels.REV)));
    }
    return Optional.empty();
  }

  /** Enrolment of a namespace as a whole: what a pod without labels of its own gets. */
  static Enrolment of(Namespace ns) {
    Optional<Enrolment> sidecar = sidecarInjection(ns);
    if (sidecar.isPresent()) {
      return sidecar.get();
    }
    if (IstioLabels.AMBIENT.equals(ns.labels().get(IstioLabels.DATAPLANE_MODE))) {
      return new Enrolment(Mode.AMBIENT, "namespace label " + IstioLabels.DATAPLANE_MODE + "=ambient",
          ns.labelNode(IstioLabels.DATAPLANE_MODE));
    }
    if (!ns.labelsKnown()) {
      return new Enrolment(Mode.UNKNOWN, "namespace " + ns.name() + " is not declared in the repository "
          + "nor in config namespaces:, so its labels are unknown", Optional.empty());
    }
    return new Enrolment(Mode.NONE,
        ns.isDeclared() ? "namespace " + ns.name() + " has no " + IstioLabels.DATAPLANE_MODE + "=ambient label"
            : "namespace " + ns.name() + (ns.labels().isEmpty() ? " is assumed unlabelled (config)"
                : " has no " + IstioLabels.DATAPLANE_MODE + "=ambient label in config namespaces:"),
        Optional.empty());
  }
}
