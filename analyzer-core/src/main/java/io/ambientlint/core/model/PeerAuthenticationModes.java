package io.ambientlint.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The mTLS modes a PeerAuthentication sets: {@code spec.mtls.mode} and each {@code spec.portLevelMtls} entry, with
 * the pointer of each mode node; modes are upper-cased as written ({@code UNSET} when absent).
 */
public record PeerAuthenticationModes(TargetablePolicy policy, Optional<Mode> workloadMode, List<Mode> portModes) {

  /** @param port the port key as written (a container port number), empty for the workload-wide mode */
  public record Mode(String mode, Optional<String> port, String pointer) {}

  public static PeerAuthenticationModes of(TargetablePolicy policy) {
    JsonNode spec = policy.resource().spec();
    Optional<Mode> top = Fields.text(spec.path("mtls"), "mode")
        .map(m -> new Mode(m.toUpperCase(Locale.ROOT), Optional.empty(), "/spec/mtls/mode"));
    List<Mode> ports = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = spec.path("portLevelMtls").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      Fields.text(e.getValue(), "mode").ifPresent(m -> ports.add(new Mode(m.toUpperCase(Locale.ROOT), Optional.of(e.getKey()),
          io.ambientlint.core.load.JsonPointers.child("/spec/portLevelMtls", e.getKey()) + "/mode")));
    }
    return new PeerAuthenticationModes(policy, top, List.copyOf(ports));
  }

  /** Every mode node set to {@code mode}, workload-wide first. */
  public List<Mode> modesSetTo(String mode) {
    List<Mode> out = new ArrayList<>();
    workloadMode.filter(m -> m.mode().equals(mode)).ifPresent(out::add);
    portModes.stream().filter(m -> m.mode().equals(mode)).forEach(out::add);
    return out;
  }
}
