package io.ambientlint.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A cheap walk that decides most manifests without the general validator. networknt builds paths, contexts and
 * message sets for every node it visits; nearly every manifest is valid, so that work is wasted on it. This
 * check handles the keywords {@link CrdSchemaConverter} emits with networknt's exact semantics (JDK regex with
 * {@code find}, lengths in code points, {@code uniqueItems} by {@link JsonNode#equals}) and answers
 * {@link Verdict#UNKNOWN} wherever it is not sure: any other keyword, numbers that are not integral against
 * numeric keywords, enums of non-string values, null against a non-null type. Only a {@link Verdict#VALID}
 * answer is acted upon (it skips networknt); every other answer takes the general path, which reports.
 */
final class QuickCheck {

  /** What the check can prove of an instance. INVALID is exact too, so that oneOf/not can be decided. */
  enum Verdict { VALID, INVALID, UNKNOWN }

  private static final Set<String> HANDLED = Set.of("$schema", "default", "type", "enum", "minimum", "maximum",
      "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "pattern", "minItems", "maxItems",
      "uniqueItems", "required", "minProperties", "maxProperties", "properties", "additionalProperties", "items",
      "allOf", "anyOf", "oneOf", "not", "if", "then", "else");

  private final Node root;

  QuickCheck(JsonNode convertedSchema) {
    this.root = compile(convertedSchema);
  }

  Verdict check(JsonNode instance) {
    return root.check(instance);
  }

  private static Node compile(JsonNode s) {
    if (s.isBoolean()) {
      return s.asBoolean() ? Node.ANYTHING : Node.NOTHING;
    }
    if (!s.isObject()) {
      return Node.UNSURE;
    }
    for (Iterator<String> names = s.fieldNames(); names.hasNext(); ) {
      if (!HANDLED.contains(names.next())) {
        return Node.UNSURE;
      }
    }
    try {
      return new Schema(s);
    } catch (Unsupported | RuntimeException e) {
      return Node.UNSURE;
    }
  }

  /** A keyword value of a shape this check does not model. */
  private static final class Unsupported extends Exception {
    Unsupported() {
      super(null, null, false, false);
    }
  }

  private interface Node {
    Verdict check(JsonNode instance);

    Node ANYTHING = i -> Verdict.VALID;
    Node NOTHING = i -> Verdict.INVALID;
    Node UNSURE = i -> Verdict.UNKNOWN;
  }

  /** Bit per JSON type, for {@code type}. */
  private static final int OBJECT = 1, ARRAY = 2, STRING = 4, INTEGER = 8, NUMBER = 16, BOOLEAN = 32, NULL = 64;

  private static final class Schema implements Node {
    private final int types; // 0: no type keyword
    private final Set<JsonNode> enumValues;
    private final long minimum, maximum; // inclusive bounds over integers, after folding exclusive ones
    private final boolean hasMinimum, hasMaximum;
    private final int minLength, maxLength, minItems, maxItems, minProperties, maxProperties;
    private final Pattern pattern;
    private final boolean uniqueItems;
    private final String[] required;
    private final Map<String, Node> properties;
    private final String[] propertyNames;
    private final Node[] propertyNodes;
    /** null: any extra field is fine (absent or true). */
    private final Node additional;
    private final Node items;
    private final Node[] allOf, anyOf, oneOf;
    private final Node not, ifSchema, thenSchema, elseSchema;

    Schema(JsonNode s) throws Unsupported {
      types = types(s.get("type"));
      JsonNode e = s.get("enum");
      if (e != null) {
        if (!e.isArray()) {
          throw new Unsupported();
        }
        enumValues = new HashSet<>();
        e.forEach(enumValues::add);
      } else {
        enumValues = null;
      }
      long min = Long.MIN_VALUE;
      long max = Long.MAX_VALUE;
      boolean hasMin = false;
      boolean hasMax = false;
      if (s.has("minimum")) {
        min = integralBound(s.get("minimum"));
        hasMin = true;
      }
      if (s.has("exclusiveMinimum")) {
        long x = integralBound(s.get("exclusiveMinimum"));
        if (x == Long.MAX_VALUE) {
          throw new Unsupported();
        }
        min = hasMin ? Math.max(min, x + 1) : x + 1;
        hasMin = true;
      }
      if (s.has("maximum")) {
        max = integralBound(s.get("maximum"));
        hasMax = true;
      }
      if (s.has("exclusiveMaximum")) {
        long x = integralBound(s.get("exclusiveMaximum"));
        if (x == Long.MIN_VALUE) {
          throw new Unsupported();
        }
        max = hasMax ? Math.min(max, x - 1) : x - 1;
        hasMax = true;
      }
      minimum = min;
      maximum = max;
      hasMinimum = hasMin;
      hasMaximum = hasMax;
      minLength = count(s, "minLength", 0);
      maxLength = count(s, "maxLength", Integer.MAX_VALUE);
      minItems = count(s, "minItems", 0);
      maxItems = count(s, "maxItems", Integer.MAX_VALUE);
      minProperties = count(s, "minProperties", 0);
      maxProperties = count(s, "maxProperties", Integer.MAX_VALUE);
      JsonNode p = s.get("pattern");
      if (p != null && !p.isTextual()) {
        throw new Unsupported();
      }
      pattern = p == null ? null : Pattern.compile(p.asText());
      JsonNode u = s.get("uniqueItems");
      if (u != null && !u.isBoolean()) {
        throw new Unsupported();
      }
      uniqueItems = u != null && u.asBoolean();
      JsonNode r = s.get("required");
      if (r != null) {
        if (!r.isArray()) {
          throw new Unsupported();
        }
        List<String> names = new ArrayList<>();
        for (JsonNode n : r) {
          if (!n.isTextual()) {
            throw new Unsupported();
          }
          names.add(n.asText());
        }
        required = names.toArray(String[]::new);
      } else {
        required = new String[0];
      }
      JsonNode props = s.get("properties");
      if (props != null) {
        if (!props.isObject()) {
          throw new Unsupported();
        }
        properties = new HashMap<>();
        props.fields().forEachRemaining(f -> properties.put(f.getKey(), compile(f.getValue())));
      } else {
        properties = Map.of();
      }
      propertyNames = properties.keySet().toArray(String[]::new);
      propertyNodes = new Node[propertyNames.length];
      for (int k = 0; k < propertyNames.length; k++) {
        propertyNodes[k] = properties.get(propertyNames[k]);
      }
      JsonNode a = s.get("additionalProperties");
      additional = a == null || (a.isBoolean() && a.asBoolean()) ? null : compile(a);
      JsonNode i = s.get("items");
      if (i != null && !i.isObject() && !i.isBoolean()) {
        throw new Unsupported(); // tuple items
      }
      items = i == null ? null : compile(i);
      allOf = branches(s.get("allOf"));
      anyOf = branches(s.get("anyOf"));
      oneOf = branches(s.get("oneOf"));
      not = optional(s.get("not"));
      ifSchema = optional(s.get("if"));
      thenSchema = optional(s.get("then"));
      elseSchema = optional(s.get("else"));
    }

    private static int types(JsonNode t) throws Unsupported {
      if (t == null) {
        return 0;
      }
      if (t.isTextual()) {
        return type(t.asText());
      }
      if (!t.isArray() || t.isEmpty()) {
        throw new Unsupported();
      }
      int bits = 0;
      for (JsonNode n : t) {
        if (!n.isTextual()) {
          throw new Unsupported();
        }
        bits |= type(n.asText());
      }
      return bits;
    }

    private static int type(String name) throws Unsupported {
      return switch (name) {
        case "object" -> OBJECT;
        case "array" -> ARRAY;
        case "string" -> STRING;
        case "integer" -> INTEGER;
        case "number" -> NUMBER;
        case "boolean" -> BOOLEAN;
        case "null" -> NULL;
        default -> throw new Unsupported();
      };
    }

    private static long integralBound(JsonNode n) throws Unsupported {
      if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
        throw new Unsupported();
      }
      return n.asLong();
    }

    private static int count(JsonNode s, String keyword, int absent) throws Unsupported {
      JsonNode n = s.get(keyword);
      if (n == null) {
        return absent;
      }
      if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 0) {
        throw new Unsupported();
      }
      return n.asInt();
    }

    private static Node[] branches(JsonNode b) throws Unsupported {
      if (b == null) {
        return null;
      }
      if (!b.isArray() || b.isEmpty()) {
        throw new Unsupported();
      }
      Node[] out = new Node[b.size()];
      for (int k = 0; k < out.length; k++) {
        out[k] = compile(b.get(k));
      }
      return out;
    }

    private static Node optional(JsonNode s) {
      return s == null ? null : compile(s);
    }

    @Override
    public Verdict check(JsonNode node) {
      boolean unsure = false;
      if (types != 0) {
        Verdict v = checkType(node);
        if (v == Verdict.INVALID) {
          return v;
        }
        unsure = v == Verdict.UNKNOWN;
      }
      if (enumValues != null) {
        if (node.isTextual() || node.isBoolean()) {
          if (!enumValues.contains(node)) {
            return Verdict.INVALID;
          }
        } else {
          unsure = true; // numbers, containers and null are compared with conversions we do not model
        }
      }
      if (node.isObject()) {
        Verdict v = checkObject(node);
        if (v == Verdict.INVALID) {
          return v;
        }
        // networknt's uniqueItems also compares the values of an object: left to it.
        unsure |= v == Verdict.UNKNOWN || uniqueItems;
      } else if (node.isArray()) {
        Verdict v = checkArray(node);
        if (v == Verdict.INVALID) {
          return v;
        }
        unsure |= v == Verdict.UNKNOWN;
      } else if (node.isTextual()) {
        String text = node.textValue();
        if (minLength > 0 || maxLength != Integer.MAX_VALUE) {
          int length = text.codePointCount(0, text.length());
          if (length < minLength || length > maxLength) {
            return Verdict.INVALID;
          }
        }
        if (pattern != null && !pattern.matcher(text).find()) {
          return Verdict.INVALID;
        }
      } else if (node.isNumber() && (hasMinimum || hasMaximum)) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
          long value = node.longValue();
          if (value < minimum || value > maximum) {
            return Verdict.INVALID;
          }
        } else {
          unsure = true;
        }
      }
      Verdict v = checkJunctions(node);
      if (v == Verdict.INVALID) {
        return v;
      }
      return unsure || v == Verdict.UNKNOWN ? Verdict.UNKNOWN : Verdict.VALID;
    }

    private Verdict checkType(JsonNode node) {
      int actual = switch (node.getNodeType()) {
        case OBJECT -> OBJECT;
        case ARRAY -> ARRAY;
        case STRING -> STRING;
        case BOOLEAN -> BOOLEAN;
        case NULL -> NULL;
        case NUMBER -> node.isIntegralNumber() ? INTEGER : NUMBER;
        default -> 0;
      };
      if (actual == 0) {
        return Verdict.UNKNOWN;
      }
      if ((types & actual) != 0 || (actual == INTEGER && (types & NUMBER) != 0)) {
        return Verdict.VALID;
      }
      // A fractional-looking number may still count as an integer, and null may be excused by "nullable":
      // networknt decides those.
      return actual == NUMBER || actual == NULL ? Verdict.UNKNOWN : Verdict.INVALID;
    }

    private Verdict checkObject(JsonNode node) {
      int size = node.size();
      if (size < minProperties || size > maxProperties) {
        return Verdict.INVALID;
      }
      for (String name : required) {
        if (!node.has(name)) {
          return Verdict.INVALID;
        }
      }
      boolean unsure = false;
      if (additional == null || additional == Node.NOTHING) {
        // Closed or open objects: look the declared fields up, and count them to find any unknown one.
        int declared = 0;
        for (int k = 0; k < propertyNames.length; k++) {
          JsonNode value = node.get(propertyNames[k]);
          if (value != null) {
            declared++;
            Verdict v = propertyNodes[k].check(value);
            if (v == Verdict.INVALID) {
              return v;
            }
            unsure |= v == Verdict.UNKNOWN;
          }
        }
        if (additional != null && declared != size) {
          return Verdict.INVALID;
        }
        return unsure ? Verdict.UNKNOWN : Verdict.VALID;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        Node child = properties.get(field.getKey());
        if (child == null) {
          child = additional;
        }
        if (child != null) {
          Verdict v = child.check(field.getValue());
          if (v == Verdict.INVALID) {
            return v;
          }
          unsure |= v == Verdict.UNKNOWN;
        }
      }
      return unsure ? Verdict.UNKNOWN : Verdict.VALID;
    }

    private Verdict checkArray(JsonNode node) {
      int size = node.size();
      if (size < minItems || size > maxItems) {
        return Verdict.INVALID;
      }
      if (uniqueItems && size > 1) {
        Set<JsonNode> seen = new HashSet<>();
        for (JsonNode item : node) {
          if (!seen.add(item)) {
            return Verdict.INVALID;
          }
        }
      }
      if (items == null) {
        return Verdict.VALID;
      }
      boolean unsure = false;
      for (int k = 0; k < size; k++) { // by index: an iterator per array adds up over a repository
        Verdict v = items.check(node.get(k));
        if (v == Verdict.INVALID) {
          return v;
        }
        unsure |= v == Verdict.UNKNOWN;
      }
      return unsure ? Verdict.UNKNOWN : Verdict.VALID;
    }

    private Verdict checkJunctions(JsonNode node) {
      boolean unsure = false;
      if (allOf != null) {
        for (Node b : allOf) {
          Verdict v = b.check(node);
          if (v == Verdict.INVALID) {
            return v;
          }
          unsure |= v == Verdict.UNKNOWN;
        }
      }
      if (anyOf != null) {
        Verdict any = Verdict.INVALID;
        for (Node b : anyOf) {
          Verdict v = b.check(node);
          if (v == Verdict.VALID) {
            any = v;
            break;
          }
          if (v == Verdict.UNKNOWN) {
            any = v;
          }
        }
        if (any == Verdict.INVALID) {
          return any;
        }
        unsure |= any == Verdict.UNKNOWN;
      }
      if (oneOf != null) {
        int valid = 0;
        int unknown = 0;
        for (Node b : oneOf) {
          Verdict v = b.check(node);
          valid += v == Verdict.VALID ? 1 : 0;
          unknown += v == Verdict.UNKNOWN ? 1 : 0;
        }
        if (valid > 1 || (valid == 0 && unknown == 0)) {
          return Verdict.INVALID;
        }
        unsure |= unknown > 0;
      }
      if (not != null) {
        Verdict v = not.check(node);
        if (v == Verdict.VALID) {
          return Verdict.INVALID;
        }
        unsure |= v == Verdict.UNKNOWN;
      }
      if (ifSchema != null) {
        Verdict condition = ifSchema.check(node);
        if (condition == Verdict.UNKNOWN) {
          return Verdict.UNKNOWN;
        }
        Node branch = condition == Verdict.VALID ? thenSchema : elseSchema;
        if (branch != null) {
          Verdict v = branch.check(node);
          if (v == Verdict.INVALID) {
            return v;
          }
          unsure |= v == Verdict.UNKNOWN;
        }
      }
      return unsure ? Verdict.UNKNOWN : Verdict.VALID;
    }
  }
}
