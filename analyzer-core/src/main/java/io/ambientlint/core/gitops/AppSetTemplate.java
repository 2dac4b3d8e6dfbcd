package io.ambientlint.core.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills an ApplicationSet template with one parameter set, the way Argo CD does for the forms it documents:
 * fasttemplate ({@code {{path.basename}}}, {@code {{path[0]}}}, keys of flattened parameters) and goTemplate
 * field chains ({@code {{.path.basename}}}, {@code {{index .path.segments 0}}}). Anything else (functions,
 * pipelines) is not guessed: the template is reported as not expanded.
 */
final class AppSetTemplate {

  private static final Pattern ACTION = Pattern.compile("\\{\\{-?\\s*(.*?)\\s*-?}}");
  private static final Pattern FIELD_CHAIN = Pattern.compile("\\.[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
  private static final Pattern INDEX = Pattern.compile("index\\s+(\\.[A-Za-z_][A-Za-z0-9_.]*)\\s+(\\d+)");

  private AppSetTemplate() {}

  /** Thrown when a template uses a form this class does not evaluate. */
  static final class NotExpanded extends Exception {
    NotExpanded(String message) {
      super(message);
    }
  }

  /** A copy of {@code template} with every string value filled in. */
  static JsonNode fill(JsonNode template, Map<String, Object> params, boolean goTemplate) throws NotExpanded {
    Map<String, String> flat = goTemplate ? Map.of() : flatten(params);
    return fill(template.deepCopy(), params, flat, goTemplate);
  }

  private static JsonNode fill(JsonNode node, Map<String, Object> params, Map<String, String> flat, boolean go)
      throws NotExpanded {
    if (node.isTextual()) {
      return TextNode.valueOf(go ? goString(node.asText(), params) : fastString(node.asText(), flat));
    }
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        object.set(name, fill(object.get(name), params, flat, go));
      }
    } else if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        array.set(i, fill(array.get(i), params, flat, go));
      }
    }
    return node;
  }

  /** fasttemplate: a known key is replaced, an unknown one is left as written (as Argo CD leaves it). */
  static String fastString(String text, Map<String, String> flat) {
    Matcher m = ACTION.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = flat.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(out);
    return out.toString();
  }

  static String goString(String text, Map<String, Object> params) throws NotExpanded {
    Matcher m = ACTION.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String action = m.group(1);
      Object value;
      Matcher index = INDEX.matcher(action);
      if (FIELD_CHAIN.matcher(action).matches()) {
        value = lookup(params, action.substring(1).split("\\."));
      } else if (index.matches()) {
        Object list = lookup(params, index.group(1).substring(1).split("\\."));
        int i = Integer.parseInt(index.group(2));
        value = list instanceof List<?> l && i < l.size() ? l.get(i) : null;
      } else {
        throw new NotExpanded("goTemplate action {{" + action + "}} is not evaluated by ambient-lint");
      }
      if (value == null || value instanceof Map || value instanceof List) {
        throw new NotExpanded("goTemplate {{" + action + "}} has no value in the generator's parameters");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value.toString()));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Object lookup(Map<String, Object> params, String[] chain) {
    Object current = params;
    for (String key : chain) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(key);
    }
    return current;
  }

  /** Nested parameters as fasttemplate keys: {@code a.b}, and {@code a[0]} for list items. */
  static Map<String, String> flatten(Map<String, Object> params) {
    Map<String, String> out = new LinkedHashMap<>();
    flatten("", params, out);
    return out;
  }

  private static void flatten(String prefix, Object value, Map<String, String> out) {
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        flatten(prefix.isEmpty() ? e.getKey().toString() : prefix + "." + e.getKey(), e.getValue(), out);
      }
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        flatten(prefix + "[" + i + "]", list.get(i), out);
      }
    } else if (value != null) {
      out.put(prefix, value.toString());
    }
  }

  /** A YAML/JSON tree as parameters (maps, lists and scalar strings). */
  static Optional<Map<String, Object>> params(JsonNode node) {
    Object value = plain(node);
    if (!(value instanceof Map)) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) value;
    return Optional.of(map);
  }

  private static Object plain(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        map.put(e.getKey(), plain(e.getValue()));
      }
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(n -> list.add(plain(n)));
      return list;
    }
    return node.isNull() || node.isMissingNode() ? null : node.asText();
  }

  /**
   * The parameters Argo CD's git generator gives a directory or file path: in fasttemplate form {@code path},
   * {@code path.basename}, {@code path[N]}, ...; in goTemplate form {@code .path.path}, {@code .path.segments}, ...
   */
  static Map<String, Object> pathParams(String dir, String fileName, boolean goTemplate) {
    List<String> segments = dir.isEmpty() ? List.of() : List.of(dir.split("/"));
    String basename = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
    Map<String, Object> path = new LinkedHashMap<>();
    path.put("path", dir);
    path.put("basename", basename);
    path.put("basenameNormalized", normalize(basename));
    if (fileName != null) {
      path.put("filename", fileName);
      path.put("filenameNormalized", normalize(fileName));
    }
    path.put("segments", segments);
    Map<String, Object> params = new LinkedHashMap<>();
    if (goTemplate) {
      params.put("path", path);
      return params;
    }
    params.put("path", dir);
    for (Map.Entry<String, Object> e : path.entrySet()) {
      if (!e.getKey().equals("path") && !e.getKey().equals("segments")) {
        params.put("path." + e.getKey(), e.getValue());
      }
    }
    for (int i = 0; i < segments.size(); i++) {
      params.put("path[" + i + "]", segments.get(i));
    }
    return params;
  }

  /** Argo CD's normalisation for names: lower-case, anything but letters, digits, '-' and '.' becomes '-'. */
  static String normalize(String s) {
    return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
  }
}
