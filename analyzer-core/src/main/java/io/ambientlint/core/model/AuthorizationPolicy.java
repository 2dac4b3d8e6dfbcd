package io.ambientlint.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A security.istio.io AuthorizationPolicy: attachment, action and rules, each part with the JSON pointer it was
 * read from so findings can point at the exact field.
 *
 * @param action as written, upper-cased; {@code ALLOW} when absent
 * @param rulesPresent whether {@code spec.rules} is written (an ALLOW policy without rules denies everything)
 */
public record AuthorizationPolicy(TargetablePolicy attachment, String action, boolean rulesPresent, List<Rule> rules)
    implements ResourceView {

  public static final String ALLOW = "ALLOW";
  public static final String DENY = "DENY";
  public static final String AUDIT = "AUDIT";
  public static final String CUSTOM = "CUSTOM";

  /** One entry of {@code rules}: its {@code from}, {@code to} and {@code when} lists (all ANDed). */
  public record Rule(int index, String pointer, List<Clause> from, List<Clause> to, List<Condition> when) {
    public boolean isEmpty() {
      return from.isEmpty() && to.isEmpty() && when.isEmpty();
    }
  }

  /**
   * One entry of {@code from} (its {@code source}) or {@code to} (its {@code operation}): field name to values,
   * in the order written. {@code pointer} is the source/operation object, e.g. {@code /spec/rules/0/to/1/operation}.
   */
  public record Clause(int index, String pointer, Map<String, List<String>> fields) {
    public List<String> values(String field) {
      return fields.getOrDefault(field, List.of());
    }

    public String fieldPointer(String field) {
      return pointer + "/" + field;
    }
  }

  /** One entry of {@code when}. */
  public record Condition(int index, String pointer, String key, List<String> values, List<String> notValues) {}

  public static AuthorizationPolicy of(Resource resource) {
    JsonNode spec = resource.spec();
    List<Rule> rules = new ArrayList<>();
    List<JsonNode> items = Fields.array(spec, "rules");
    for (int i = 0; i < items.size(); i++) {
      String p = "/spec/rules/" + i;
      JsonNode r = items.get(i);
      rules.add(new Rule(i, p, clauses(r, "from", "source", p), clauses(r, "to", "operation", p), conditions(r, p)));
    }
    return new AuthorizationPolicy(TargetablePolicy.of(resource, PolicyKind.AUTHORIZATION_POLICY),
        Fields.text(spec, "action").map(a -> a.toUpperCase(Locale.ROOT)).orElse(ALLOW),
        spec.path("rules").isArray(), List.copyOf(rules));
  }

  private static List<Clause> clauses(JsonNode rule, String list, String inner, String rulePointer) {
    List<Clause> out = new ArrayList<>();
    List<JsonNode> entries = Fields.array(rule, list);
    for (int i = 0; i < entries.size(); i++) {
      JsonNode body = entries.get(i).path(inner);
      Map<String, List<String>> fields = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = body.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> f = it.next();
        List<String> values = scalars(f.getValue());
        if (!values.isEmpty()) {
          fields.put(f.getKey(), values);
        }
      }
      out.add(new Clause(i, rulePointer + "/" + list + "/" + i + "/" + inner, Collections.unmodifiableMap(fields)));
    }
    return List.copyOf(out);
  }

  private static List<Condition> conditions(JsonNode rule, String rulePointer) {
    List<Condition> out = new ArrayList<>();
    List<JsonNode> entries = Fields.array(rule, "when");
    for (int i = 0; i < entries.size(); i++) {
      JsonNode c = entries.get(i);
      out.add(new Condition(i, rulePointer + "/when/" + i, Fields.text(c, "key").orElse(""),
          scalars(c.path("values")), scalars(c.path("notValues"))));
    }
    return List.copyOf(out);
  }

  /** String lists; numbers written where strings belong (ports) are read as written. */
  private static List<String> scalars(JsonNode array) {
    if (!array.isArray()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (JsonNode v : array) {
      if (v.isValueNode() && !v.isNull()) {
        out.add(v.asText());
      }
    }
    return List.copyOf(out);
  }

  @Override
  public Resource resource() {
    return attachment.resource();
  }

  /** {@code istio.io/dry-run} parsed as Go's strconv.ParseBool does; anything else counts as false. */
  public boolean isDryRun() {
    String v = resource().annotations().get("istio.io/dry-run");
    return v != null && List.of("1", "t", "T", "TRUE", "true", "True").contains(v);
  }

  public NodeRef actionNode() {
    return resource().node("/spec/action");
  }

  public Optional<String> provider() {
    return Fields.text(resource().spec().path("provider"), "name");
  }
}
