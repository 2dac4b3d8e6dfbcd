package io.ambientlint.core.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flux {@code postBuild} variable substitution over string values: {@code ${var}} and {@code ${var:=default}}
 * ({@code $${var}} is an escaped, literal {@code ${var}}). A variable with no value and no default becomes
 * empty, as Flux does without strict substitution.
 */
final class FluxSubstitution {

  private static final Pattern VARIABLE = Pattern.compile("\\$(\\$?)\\{([_a-zA-Z][_a-zA-Z0-9]*)(?::=([^}]*))?}");

  private FluxSubstitution() {}

  static boolean mentionsVariables(JsonNode node) {
    if (node.isTextual()) {
      return node.asText().contains("${");
    }
    for (JsonNode child : node) {
      if (mentionsVariables(child)) {
        return true;
      }
    }
    return false;
  }

  /** A copy of {@code node} with variables replaced, or {@code node} itself when it has none. */
  static JsonNode apply(JsonNode node, Map<String, String> variables) {
    if (!mentionsVariables(node)) {
      return node;
    }
    return replace(node.deepCopy(), variables);
  }

  private static JsonNode replace(JsonNode node, Map<String, String> variables) {
    if (node.isTextual()) {
      return TextNode.valueOf(substitute(node.asText(), variables));
    }
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        object.set(name, replace(object.get(name), variables));
      }
    } else if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        array.set(i, replace(array.get(i), variables));
      }
    }
    return node;
  }

  static String substitute(String text, Map<String, String> variables) {
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (!m.group(1).isEmpty()) {
        replacement = m.group().substring(1);
      } else {
        String value = variables.get(m.group(2));
        replacement = value != null ? value : m.group(3) != null ? m.group(3) : "";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
