package io.ambientlint.core.kustomize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The name suffix kustomize gives generated ConfigMaps and Secrets: SHA-256 of a JSON encoding of the kind,
 * an empty name, type and data (keys sorted, HTML characters escaped as Go's encoding/json does), its first ten hex
 * digits with 0, 1, 3, a, e spelled g, h, k, m, t.
 */
final class Hashes {

  private Hashes() {}

  static String suffix(PNode object) {
    String kind = object.textAt("kind");
    TreeMap<String, Object> m = new TreeMap<>();
    m.put("kind", kind);
    // kustomize looks the name up as one field called "metadata/name", finds nothing, and hashes "".
    m.put("name", "");
    m.put("data", mapOrEmpty(object.get("data")));
    if ("Secret".equals(kind)) {
      m.put("type", text(object.textAt("type")));
      if (object.get("stringData") != null && object.get("stringData").isMap()) {
        m.put("stringData", mapOrEmpty(object.get("stringData")));
      }
    } else if (object.get("binaryData") != null && object.get("binaryData").isMap()) {
      m.put("binaryData", mapOrEmpty(object.get("binaryData")));
    }
    StringBuilder json = new StringBuilder();
    encode(m, json);
    return encodeHex(sha256(json.toString()));
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  private static Object mapOrEmpty(PNode node) {
    if (node == null || !node.isMap()) {
      return "";
    }
    TreeMap<String, Object> m = new TreeMap<>();
    for (Map.Entry<String, PNode> e : node.fields().entrySet()) {
      m.put(e.getKey(), text(e.getValue().text()));
    }
    return m;
  }

  @SuppressWarnings("unchecked")
  private static void encode(Object value, StringBuilder out) {
    if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(e.getKey(), out);
        out.append(':');
        encode(e.getValue(), out);
      }
      out.append('}');
    } else {
      string((String) value, out);
    }
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** A JSON string as Go's encoding/json writes it (escapes {@code < > &} and U+2028/U+2029). */
  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            out.append("\\u00").append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            if (c >= 0x2000) {
              out.setLength(out.length() - 6);
              out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                  .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            }
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static String sha256(String data) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(data.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (byte b : digest) {
        hex.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static String encodeHex(String hex) {
    StringBuilder out = new StringBuilder();
    for (char c : hex.substring(0, 10).toCharArray()) {
      out.append(switch (c) {
        case '0' -> 'g';
        case '1' -> 'h';
        case '3' -> 'k';
        case 'a' -> 'm';
        case 'e' -> 't';
        default -> c;
      });
    }
    return out.toString();
  }
}
