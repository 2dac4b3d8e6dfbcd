package io.ambientlint.core.graph;

import io.ambientlint.core.model.NodeRef;
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
}
