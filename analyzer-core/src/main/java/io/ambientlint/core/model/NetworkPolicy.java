package io.ambientlint.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.load.JsonPointers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A networking.k8s.io/v1 NetworkPolicy, ingress side: the pods it selects, whether it isolates them for ingress,
 * and its ingress rules (peers and ports), each with the pointer of its node. Rules of all policies selecting a
 * pod are ORed: a connection is admitted when some rule admits both its source and its port.
 *
 * @param isolatesIngress {@code policyTypes} names {@code Ingress}, or is absent (Kubernetes then always adds it)
 */
public record NetworkPolicy(Resource resource, LabelSelector podSelector, boolean isolatesIngress,
    List<IngressRule> ingress) implements ResourceView {

  /**
   * One {@code spec.ingress[i]}: {@code from} absent or empty admits every source, {@code ports} absent or empty
   * every port.
   */
  public record IngressRule(int index, String pointer, List<Peer> from, List<PortRange> ports) {

    public boolean admitsEverySource() {
      return from.isEmpty();
    }

    public boolean admitsEveryPort() {
      return ports.isEmpty();
    }

    /** Is TCP {@code port} of a pod with these named container ports admitted? */
    public boolean admitsTcpPort(int port, Map<String, Integer> namedPorts) {
      return ports.isEmpty() || ports.stream().anyMatch(p -> p.coversTcp(port, namedPorts));
    }

    /** Does some peer admit connections from this IPv4 address (a source that is no pod)? */
    public boolean admitsAddress(String ipv4) {
      return from.isEmpty() || from.stream().anyMatch(p -> p.admitsAddress(ipv4));
    }

    /** Does some peer admit pods (a pod or namespace selector), or every source? */
    public boolean admitsSomePods() {
      return from.isEmpty() || from.stream().anyMatch(Peer::selectsPods);
    }

    public String fromPointer() {
      return pointer + "/from";
    }

    public String portsPointer() {
      return pointer + "/ports";
    }
  }

  /** One {@code from} entry: pod and/or namespace selectors, or an ipBlock. */
  public record Peer(boolean selectsPods, Optional<String> cidr, List<String> except) {
    boolean admitsAddress(String ipv4) {
      return cidr.isPresent() && Ipv4.contains(cidr.get(), ipv4) && except.stream().noneMatch(e -> Ipv4.contains(e, ipv4));
    }
  }

  /**
   * One {@code ports} entry: protocol (TCP when absent), a number or a named container port (every port when
   * absent), and {@code endPort} for a range.
   */
  public record PortRange(String protocol, OptionalInt port, Optional<String> namedPort, OptionalInt endPort,
      String pointer) {
    boolean coversTcp(int number, Map<String, Integer> namedPorts) {
      if (!protocol.equals("TCP")) {
        return false;
      }
      if (namedPort.isPresent()) {
        return Integer.valueOf(number).equals(namedPorts.get(namedPort.get()));
      }
      if (port.isEmpty()) {
        return true;
      }
      int from = port.getAsInt();
      int to = endPort.orElse(from);
      return number >= from && number <= to;
    }

    /** {@code 8080}, {@code 8000-8100}, {@code http} as written. */
    public String describe() {
      String what = namedPort.orElseGet(() -> port.isEmpty() ? "all ports"
          : port.getAsInt() + (endPort.isPresent() ? "-" + endPort.getAsInt() : ""));
      return protocol.equals("TCP") ? what : what + "/" + protocol;
    }
  }

  public static NetworkPolicy of(Resource resource) {
    JsonNode spec = resource.spec();
    List<String> types = Fields.stringList(spec, "policyTypes");
    boolean isolates = !spec.path("policyTypes").isArray() || types.contains("Ingress");
    List<IngressRule> rules = new ArrayList<>();
    List<JsonNode> items = Fields.array(spec, "ingress");
    for (int i = 0; i < items.size(); i++) {
      JsonNode rule = items.get(i);
      String pointer = JsonPointers.child("/spec/ingress", i);
      List<Peer> peers = new ArrayList<>();
      for (JsonNode from : Fields.array(rule, "from")) {
        JsonNode block = from.path("ipBlock");
        boolean pods = from.path("podSelector").isObject() || from.path("namespaceSelector").isObject();
        peers.add(new Peer(pods, Fields.text(block, "cidr"), Fields.stringList(block, "except")));
      }
      List<PortRange> ports = new ArrayList<>();
      List<JsonNode> portNodes = Fields.array(rule, "ports");
      for (int j = 0; j < portNodes.size(); j++) {
        JsonNode p = portNodes.get(j);
        ports.add(new PortRange(Fields.text(p, "protocol").map(s -> s.toUpperCase(Locale.ROOT)).orElse("TCP"),
            Fields.integer(p, "port"), Fields.text(p, "port"), Fields.integer(p, "endPort"),
            JsonPointers.child(pointer + "/ports", j)));
      }
      rules.add(new IngressRule(i, pointer, List.copyOf(peers), List.copyOf(ports)));
    }
    return new NetworkPolicy(resource, LabelSelector.parse(spec.path("podSelector")), isolates, List.copyOf(rules));
  }

  public NodeRef podSelectorNode() {
    return resource.node("/spec/podSelector");
  }

  /** IPv4 CIDR arithmetic on literals only: no name is ever resolved. */
  static final class Ipv4 {
    private Ipv4() {}

    private static final Pattern ADDRESS = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    static boolean contains(String cidr, String address) {
      int slash = cidr.indexOf('/');
      long net = parse(slash < 0 ? cidr : cidr.substring(0, slash));
      long ip = parse(address);
      if (net < 0 || ip < 0) {
        return false; // IPv6 or malformed: cannot hold an IPv4 address
      }
      int bits;
      try {
        bits = slash < 0 ? 32 : Integer.parseInt(cidr.substring(slash + 1));
      } catch (NumberFormatException e) {
        return false;
      }
      if (bits < 0 || bits > 32) {
        return false;
      }
      long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
      return (net & mask) == (ip & mask);
    }

    private static long parse(String address) {
      Matcher m = ADDRESS.matcher(address);
      if (!m.matches()) {
        return -1;
      }
      long out = 0;
      for (int i = 1; i <= 4; i++) {
        int octet = Integer.parseInt(m.group(i));
        if (octet > 255) {
          return -1;
        }
        out = out << 8 | octet;
      }
      return out;
    }
  }
}
