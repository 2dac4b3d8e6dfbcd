package io.ambientlint.core.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Parses YAML (and JSON, which is YAML) text into Jackson trees with source maps, using snakeyaml-engine's
 * compose API so every node keeps its marks. Safe by configuration: only the core schema's tags, no recursive
 * keys, a bounded number of aliases, a code-point limit; depth and expanded size are bounded here.
 */
public final class YamlDocumentReader {

  /** The documents read from one text, and the problems met; a syntax error ends the file but keeps what came before. */
  public record Result(List<ParsedDocument> documents, List<Diagnostic> diagnostics) {}

  /** One YAML document: its tree and source map. */
  public record ParsedDocument(int index, JsonNode root, SourceMap sourceMap, SourcePosition position) {}

  private final LoadLimits limits;

  public YamlDocumentReader(LoadLimits limits) {
    this.limits = limits;
  }

  public Result read(String path, String text) {
    LoadSettings settings = LoadSettings.builder()
        .setLabel(path)
        .setSchema(new CoreSchema())
        .setAllowRecursiveKeys(false)
        .setAllowDuplicateKeys(true) // compose keeps every key; duplicates are reported below as AL905
        .setMaxAliasesForCollections(limits.maxAliasesPerDocument())
        .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()))
        .setUseMarks(true)
        .build();
    List<ParsedDocument> documents = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    try {
      Iterator<Node> nodes = new Compose(settings).composeAllFromString(text).iterator();
      int index = 0;
      while (nodes.hasNext()) {
        Node node = nodes.next();
        if (index >= limits.maxDocumentsPerFile()) {
          diagnostics.add(Diagnostic.at(Diagnostic.Kind.LIMIT, path, start(node),
              "more than " + limits.maxDocumentsPerFile() + " documents in one file; the rest of the file is not analyzed"
                  + " (limits.maxDocumentsPerFile)"));
          break;
        }
        Converter converter = new Converter(path, diagnostics);
        try {
          JsonNode root = converter.convert(node, "", 0);
          documents.add(new ParsedDocument(index, root, new SourceMap(converter.positions), start(node)));
        } catch (LimitExceeded e) {
          diagnostics.add(Diagnostic.at(Diagnostic.Kind.LIMIT, path, e.position, e.getMessage()));
        }
        index++;
      }
    } catch (MarkedYamlEngineException e) {
      diagnostics.add(Diagnostic.at(Diagnostic.Kind.YAML_INVALID, path, positionOf(e), describe(e)));
    } catch (YamlEngineException e) {
      diagnostics.add(Diagnostic.ofFile(Diagnostic.Kind.YAML_INVALID, path, "invalid YAML: " + oneLine(e.getMessage())));
    } catch (StackOverflowError e) {
      diagnostics.add(Diagnostic.ofFile(Diagnostic.Kind.LIMIT, path,
          "nesting is too deep to parse; the file is not analyzed (limits.maxDepth)"));
    }
    return new Result(documents, diagnostics);
  }

  private static SourcePosition positionOf(MarkedYamlEngineException e) {
    Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
    return mark.map(m -> SourcePosition.point(m.getLine() + 1, m.getColumn() + 1)).orElse(SourcePosition.FILE_START);
  }

  private static String describe(MarkedYamlEngineException e) {
    StringBuilder message = new StringBuilder("invalid YAML: ");
    if (e.getContext() != null) {
      message.append(e.getContext()).append(", ");
    }
    message.append(e.getProblem() == null ? "syntax error" : e.getProblem());
    return oneLine(message.toString());
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").trim();
  }

  static SourcePosition start(Node node) {
    Optional<Mark> startMark = node.getStartMark();
    Optional<Mark> endMark = node.getEndMark();
    if (startMark.isEmpty()) {
      return SourcePosition.FILE_START;
    }
    Mark s = startMark.get();
    Mark e = endMark.orElse(s);
    return new SourcePosition(s.getLine() + 1, s.getColumn() + 1, e.getLine() + 1, e.getColumn() + 1);
  }

  private static final class LimitExceeded extends RuntimeException {
    final SourcePosition position;

    LimitExceeded(String message, SourcePosition position) {
      super(message, null, false, false);
      this.position = position;
    }
  }

  /** Node tree to Jackson tree, recording each node's position under its JSON pointer. */
  private final class Converter {
    private final String path;
    private final List<Diagnostic> diagnostics;
    final Map<String, SourcePosition> positions = new HashMap<>();
    private final Map<Node, Boolean> onPath = new IdentityHashMap<>();
    private int nodes;

    Converter(String path, List<Diagnostic> diagnostics) {
      this.path = path;
      this.diagnostics = diagnostics;
    }

    JsonNode convert(Node node, String pointer, int depth) {
      if (++nodes > limits.maxNodesPerDocument()) {
        throw new LimitExceeded("document expands to more than " + limits.maxNodesPerDocument()
            + " nodes (aliases?); it is not analyzed (limits.maxNodesPerDocument)", start(node));
      }
      if (depth > limits.maxDepth()) {
        throw new LimitExceeded("document nests deeper than " + limits.maxDepth()
            + " levels; it is not analyzed (limits.maxDepth)", start(node));
      }
      positions.put(pointer, start(node));
      if (node instanceof ScalarNode scalar) {
        return scalar(scalar);
      }
      if (onPath.put(node, Boolean.TRUE) != null) {
        throw new LimitExceeded("document contains a recursive alias; it is not analyzed", start(node));
      }
      try {
        if (node instanceof SequenceNode sequence) {
          ArrayNode array = JsonNodeFactory.instance.arrayNode(sequence.getValue().size());
          int i = 0;
          for (Node item : sequence.getValue()) {
            array.add(convert(item, JsonPointers.child(pointer, i++), depth + 1));
          }
          return array;
        }
        MappingNode mapping = (MappingNode) node;
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        Set<String> seen = new HashSet<>();
        for (NodeTuple tuple : mapping.getValue()) {
          Node keyNode = tuple.getKeyNode();
          if (!(keyNode instanceof ScalarNode keyScalar)) {
            diagnostics.add(Diagnostic.at(Diagnostic.Kind.YAML_INVALID, path, start(keyNode),
                "a mapping key must be a plain value, not a " + (keyNode instanceof MappingNode ? "mapping" : "sequence")));
            continue;
          }
          String key = keyScalar.getValue();
          String childPointer = JsonPointers.child(pointer, key);
          if (!seen.add(key)) {
            diagnostics.add(Diagnostic.at(Diagnostic.Kind.DUPLICATE_KEY, path, start(keyNode),
                "key \"" + key + "\" is repeated in this mapping; Kubernetes' strict decoding rejects the object, "
                    + "and lenient tools keep only the last value"));
          }
          positions.put(childPointer + SourceMap.KEY_SUFFIX, start(keyNode));
          object.set(key, convert(tuple.getValueNode(), childPointer, depth + 1));
        }
        return object;
      } finally {
        onPath.remove(node);
      }
    }

    private JsonNode scalar(ScalarNode scalar) {
      String value = scalar.getValue();
      Tag tag = scalar.getTag();
      JsonNodeFactory f = JsonNodeFactory.instance;
      try {
        if (Tag.NULL.equals(tag)) {
          return f.nullNode();
        }
        if (Tag.BOOL.equals(tag)) {
          return f.booleanNode(Boolean.parseBoolean(value.toLowerCase(java.util.Locale.ROOT)));
        }
        if (Tag.INT.equals(tag)) {
          BigInteger big = parseInteger(value);
          return big.bitLength() < 32 ? f.numberNode(big.intValue())
              : big.bitLength() < 64 ? f.numberNode(big.longValue()) : f.numberNode(big);
        }
        if (Tag.FLOAT.equals(tag)) {
          String v = value.toLowerCase(java.util.Locale.ROOT);
          if (v.endsWith(".nan") || v.endsWith(".inf")) {
            return f.textNode(value);
          }
          return f.numberNode(Double.parseDouble(value));
        }
      } catch (NumberFormatException e) {
        return f.textNode(value);
      }
      return f.textNode(value);
    }
  }

  private static BigInteger parseInteger(String value) {
    String v = value.replace("_", "");
    int sign = 1;
    if (v.startsWith("-")) {
      sign = -1;
      v = v.substring(1);
    } else if (v.startsWith("+")) {
      v = v.substring(1);
    }
    BigInteger result;
    if (v.startsWith("0x")) {
      result = new BigInteger(v.substring(2), 16);
    } else if (v.startsWith("0o")) {
      result = new BigInteger(v.substring(2), 8);
    } else {
      result = new BigInteger(v);
    }
    return sign < 0 ? result.negate() : result;
  }
}
