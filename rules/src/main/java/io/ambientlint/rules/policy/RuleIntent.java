package io.ambientlint.rules.policy;

import io.ambientlint.core.model.AuthorizationPolicy;
import java.util.ArrayList;
import java.util.List;

/** What an AuthorizationPolicy rule was written to match, in words: "GET requests to /cart from namespace shop". */
final class RuleIntent {
  private RuleIntent() {}

  static String describe(AuthorizationPolicy.Rule rule) {
    List<String> methods = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    List<String> hosts = new ArrayList<>();
    List<String> ports = new ArrayList<>();
    for (AuthorizationPolicy.Clause to : rule.to()) {
      methods.addAll(to.values("methods"));
      paths.addAll(to.values("paths"));
      hosts.addAll(to.values("hosts"));
      ports.addAll(to.values("ports"));
    }
    List<String> sources = new ArrayList<>();
    for (AuthorizationPolicy.Clause from : rule.from()) {
      from.values("namespaces").forEach(n -> sources.add("namespace " + n));
      from.values("principals").forEach(n -> sources.add(n));
      from.values("serviceAccounts").forEach(n -> sources.add("service account " + n));
      from.values("requestPrincipals").forEach(n -> sources.add("request principal " + n));
      from.values("ipBlocks").forEach(n -> sources.add(n));
    }
    StringBuilder out = new StringBuilder();
    out.append(methods.isEmpty() ? "" : String.join("/", methods) + " ").append("requests");
    if (!hosts.isEmpty()) {
      out.append(" for ").append(String.join(", ", hosts));
    }
    if (!paths.isEmpty()) {
      out.append(" to ").append(String.join(", ", paths));
    }
    if (!ports.isEmpty()) {
      out.append(" on port ").append(String.join(", ", ports));
    }
    if (!sources.isEmpty()) {
      out.append(" from ").append(String.join(", ", sources));
    }
    if (!rule.when().isEmpty()) {
      out.append(" matching its when conditions");
    }
    return out.toString();
  }
}
