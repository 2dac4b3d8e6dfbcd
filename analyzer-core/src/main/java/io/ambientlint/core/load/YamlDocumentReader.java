package io.ambientlint.core.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.LoadSettingsBuilder;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Parses YAML (and JSON, which is YAML) text into Jackson trees, straight from snakeyaml-engine's event
 * stream: no intermediate node tree, so loading costs little more than scanning.
 *
 * <p>Two passes share this one builder, so they agree on every pointer: {@link #read} builds the trees and
 * reports problems with their positions; {@link #sourceMaps} records the position of every node under its
 * JSON pointer, and is run only for files that have a finding to locate ({@link #documentMap}: for one document
 * cut from its file).
 *
 * <p>Safe by construction: only the core schema's tags are interpreted (custom tags are plain text, nothing is
 * ever instantiated), an alias to an unfinished anchor (a recursive structure) is refused, and the number of
 * aliases, the expanded size, the nesting depth and the code points are bounded by {@link LoadLimits}.
 */
public final class YamlDocumentReader {

  /** The documents read from one text, and the problems met; a syntax error ends the file but keeps what came before. */
  public record Result(List<ParsedDocument> documents, List<Diagnostic> diagnostics) {}

  /** One YAML document: its tree and where it starts. */
  public record ParsedDocument(int index, JsonNode root, SourcePosition position) {}

  private static final ScalarResolver RESOLVER = new CoreSchema().getScalarResolver();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final LoadLimits limits;

  public YamlDocumentReader(LoadLimits limits) {
    this.limits = limits;
  }

  public Result read(String path, String text) {
    // Marks (positions) cost an allocation per token; the fast pass goes without them and, in the rare file
    // with a problem to report, a second pass with marks gives each problem its position.
    Builder fast = new Builder(path, false, false);
    fast.run(text);
    if (fast.diagnostics.isEmpty()) {
      return new Result(fast.documents, fast.diagnostics);
    }
    Builder marked = new Builder(path, false, true);
    marked.run(text);
    return new Result(marked.documents, marked.diagnostics);
  }

  /** The source map of each document of {@code text}, by document index (the same indexes {@link #read} gives). */
  public List<SourceMap> sourceMaps(String path, String text) {
    Builder builder = new Builder(path, true, true);
    builder.run(text);
    return builder.sourceMaps;
  }

  /** The shape of one document (its scalars are not read) and its source map. */
  record DocumentMap(JsonNode shape, SourceMap map) {}

  /**
   * The shape and source map of the one document that {@code text} holds, where {@code text} is the part of a
   * file that starts after its first {@code linesAbove} lines; empty if it holds no document, several, or any
   * problem.
   */
  Optional<DocumentMap> documentMap(String path, String text, int linesAbove) {
    Builder builder = new Builder(path, true, true);
    builder.linesAbove = linesAbove;
    builder.run(text);
    if (builder.documents.size() != 1 || builder.sourceMaps.size() != 1 || !builder.diagnostics.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DocumentMap(builder.documents.get(0).root(), builder.sourceMaps.get(0)));
  }

  /** Read-only once built, so shared by every parse. */
  private static final CoreSchema SCHEMA = new CoreSchema();
  /**
   * A new builder builds two schemas (regular expressions compiled anew), which cost a tenth of a small run when
   * done per file: each thread keeps one, and every setting is set again for each file.
   */
  private static final ThreadLocal<LoadSettingsBuilder> SETTINGS = ThreadLocal.withInitial(LoadSettings::builder);

  private LoadSettings settings(String path, boolean marks) {
    return SETTINGS.get()
        .setLabel(path)
        .setSchema(SCHEMA)
        .setAllowRecursiveKeys(false)
        .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()))
        .setUseMarks(marks)
        .build();
  }

  static SourcePosition span(Optional<Mark> start, Optional<Mark> end) {
    if (start.isEmpty()) {
      return SourcePosition.FILE_START;
    }
    Mark s = start.get();
    Mark e = end.orElse(s);
    return new SourcePosition(s.getLine() + 1, s.getColumn() + 1, e.getLine() + 1, e.getColumn() + 1);
  }

  private static SourcePosition startOf(Event e) {
    return span(e.getStartMark(), e.getEndMark());
  }

  /** A problem that abandons the current document (a limit, a recursive alias) but not the file. */
  private static final class DocumentAbandoned extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Diagnostic diagnostic;

    DocumentAbandoned(Diagnostic diagnostic) {
      super(diagnostic.message(), null, false, false);
      this.diagnostic = diagnostic;
    }
  }

  /** Repeated keys listed one by one per file; the rest are counted in one more diagnostic. */
  static final int MAX_LISTED_DUPLICATE_KEYS = 100;
  /** Longest key quoted in a message (Kubernetes keys are at most 316 characters: prefix and name). */
  static final int MAX_QUOTED_KEY_CHARS = 320;
  /** Longer integers are no Kubernetes number (int64 has 19 digits), and parsing them costs quadratic time. */
  static final int MAX_INTEGER_DIGITS = 100;

  static String abbreviate(String text) {
    if (text.length() <= MAX_QUOTED_KEY_CHARS) {
      return text;
    }
    int end = MAX_QUOTED_KEY_CHARS - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "\u2026";
  }

  /** A collection being built, with what the next event means for it. */
  private static final class Frame {
    final JsonNode container;
    /** A mapping's fields (null for a sequence). */
    final SmallFieldMap fields;
    /** Where this collection's positions go (precise mode only). */
    final int node;
    /** The source-map node of the value of {@link #pendingKey} (precise mode only). */
    int pendingNode;
    final Optional<Mark> start;
    final String anchor;
    final int nodesAtStart;
    final long charsAtStart;
    String pendingKey;
    /** The next node is the value of an unusable key: skip it. */
    boolean skipNextValue;
    /** An unusable key is being skipped; once it ends, its value must be skipped too. */
    boolean skipValueAfterKey;
    int nextIndex;

    Frame(JsonNode container, SmallFieldMap fields, int node, Optional<Mark> start, String anchor, int nodesAtStart,
        long charsAtStart) {
      this.fields = fields;
      this.nodesAtStart = nodesAtStart;
      this.charsAtStart = charsAtStart;
      this.container = container;
      this.node = node;
      this.start = start;
      this.anchor = anchor;
    }
  }

  /** Turns one text's events into documents (and, in precise mode, source maps). */
  private final class Builder {
    private final String path;
    private final boolean precise;
    final List<ParsedDocument> documents = new ArrayList<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();
    final List<SourceMap> sourceMaps = new ArrayList<>();

    private final Deque<Frame> stack = new ArrayDeque<>();
    private Map<String, JsonNode> anchors = new HashMap<>();
    private Map<String, Integer> anchorSizes = new HashMap<>();
    /** Characters of each anchored node's keys and scalars: what an alias to it copies into every reader. */
    private Map<String, Long> anchorChars = new HashMap<>();
    /** Characters of the current document, counting what aliases repeat. */
    private long chars;
    /** Repeated keys in this file, listed one by one up to {@link #MAX_LISTED_DUPLICATE_KEYS}. */
    private int duplicateKeys;
    private SourcePosition firstUnlistedDuplicate;
    private final Set<String> unfinishedAnchors = new HashSet<>();
    /** The source map of the current document (precise mode only). */
    private SourceMap.Builder positions;
    private JsonNode root;
    private SourcePosition documentStart;
    private int index;
    private int nodes;
    private int aliases;
    /** While > 0, events belong to something being skipped (a complex key, an abandoned document). */
    private int skipDepth;
    private boolean abandoned;
    /** Nothing more of the file is read. */
    private boolean stopped;

    private final boolean marks;
    /** Lines of the file above the text parsed (precise mode reading part of a file). */
    int linesAbove;

    Builder(String path, boolean precise, boolean marks) {
      this.path = path;
      this.precise = precise;
      this.marks = marks;
    }

    void run(String input) {
      // snakeyaml counts a CR as a line break only when it sees the next character: a lone CR at the very end
      // would leave the last marks one column past the line. CR LF is the same single break, so add the LF.
      String text = input.endsWith("\r") ? input + "\n" : input;
      try {
        for (Event event : new Parse(settings(path, marks)).parseReader(new WholeCodePointReader(text))) {
          if (index >= limits.maxDocumentsPerFile()) {
            diagnostics.add(Diagnostic.at(Diagnostic.Kind.LIMIT, path, startOf(event), "more than "
                + limits.maxDocumentsPerFile() + " documents in one file; the rest of the file is not analyzed"
                + " (limits.maxDocumentsPerFile)"));
            return;
          }
          accept(event);
          if (stopped) {
            return;
          }
        }
        if (firstUnlistedDuplicate != null) {
          diagnostics.add(Diagnostic.at(Diagnostic.Kind.DUPLICATE_KEY, path, firstUnlistedDuplicate,
              (duplicateKeys - MAX_LISTED_DUPLICATE_KEYS) + " more repeated keys in this file from here on, not listed"
                  + " one by one; Kubernetes' strict decoding rejects the objects that have them"));
        }
      } catch (MarkedYamlEngineException e) {
        diagnostics.add(Diagnostic.at(Diagnostic.Kind.YAML_INVALID, path, positionOf(e), describe(e)));
      } catch (YamlEngineException e) {
        diagnostics.add(Diagnostic.ofFile(Diagnostic.Kind.YAML_INVALID, path, "invalid YAML: " + oneLine(e.getMessage())));
      }
    }

    private void accept(Event event) {
      switch (event.getEventId()) {
        case DocumentStart -> startDocument(event);
        case DocumentEnd -> endDocument();
        case MappingStart, SequenceStart -> {
          if (abandoned || skipDepth > 0 || skipsValue()) {
            skipDepth++;
          } else {
            startCollection((CollectionStartEvent) event);
          }
        }
        case MappingEnd, SequenceEnd -> {
          if (abandoned || skipDepth > 0) {
            skipDepth = Math.max(0, skipDepth - 1);
            Frame parent = stack.peek();
            if (skipDepth == 0 && !abandoned && parent != null && parent.skipValueAfterKey) {
              parent.skipValueAfterKey = false;
              parent.skipNextValue = true;
            }
          } else {
            endCollection(event);
          }
        }
        case Scalar -> {
          if (!abandoned && skipDepth == 0 && !skipsValue()) {
            scalar((ScalarEvent) event);
          }
        }
        case Alias -> {
          if (!abandoned && skipDepth == 0 && !skipsValue()) {
            alias((AliasEvent) event);
          }
        }
        default -> {
          // StreamStart, StreamEnd, comments: nothing to build.
        }
      }
    }

    /**
     * Is the next node the value of a key that could not be used (a mapping or sequence as key)? Then it is
     * skipped, and the flag is cleared.
     */
    private boolean skipsValue() {
      Frame parent = stack.peek();
      if (parent != null && parent.skipNextValue) {
        parent.skipNextValue = false;
        return true;
      }
      return false;
    }

    private void startDocument(Event event) {
      stack.clear();
      anchors = new HashMap<>();
      anchorSizes = new HashMap<>();
      anchorChars = new HashMap<>();
      chars = 0;
      unfinishedAnchors.clear();
      positions = precise ? new SourceMap.Builder(linesAbove) : null;
      root = null;
      nodes = 0;
      aliases = 0;
      skipDepth = 0;
      abandoned = false;
      documentStart = startOf(event);
    }

    private void endDocument() {
      if (!abandoned) {
        JsonNode document = root == null ? NODES.nullNode() : root;
        documents.add(new ParsedDocument(index, document, documentStart));
        if (precise) {
          sourceMaps.add(positions.build());
        }
      } else if (precise) {
        sourceMaps.add(SourceMap.empty());
      }
      index++;
    }

    private void abandon(SourcePosition at, String message) {
      diagnostics.add(Diagnostic.at(Diagnostic.Kind.LIMIT, path, at, message));
      abandoned = true;
      stack.clear();
    }

    private void countNode(Event event, int size) {
      nodes += size;
      if (nodes > limits.maxNodesPerDocument()) {
        abandon(startOf(event), "document expands to more than " + limits.maxNodesPerDocument()
            + " nodes (aliases?); it is not analyzed (limits.maxNodesPerDocument)");
      }
    }

    /** The next node is a mapping key. */
    private boolean nextIsKey() {
      Frame parent = stack.peek();
      return parent != null && !parent.container.isArray() && parent.pendingKey == null;
    }

    /** In precise mode, the source-map node of the next value; else -1. */
    private int placeNode() {
      if (!precise) {
        return -1;
      }
      if (stack.isEmpty()) {
        return SourceMap.Builder.ROOT;
      }
      Frame parent = stack.peek();
      return parent.container.isArray() ? positions.item(parent.node, parent.nextIndex) : parent.pendingNode;
    }

    private void record(int node, SourcePosition position) {
      positions.position(node, position);
    }

    private void attach(JsonNode node) {
      if (stack.isEmpty()) {
        root = node;
        return;
      }
      Frame parent = stack.peek();
      if (parent.container instanceof ArrayNode array) {
        array.add(node);
        parent.nextIndex++;
      } else {
        ((ObjectNode) parent.container).set(parent.pendingKey, node);
        parent.pendingKey = null;
      }
    }

    private void startCollection(CollectionStartEvent event) {
      if (nextIsKey()) {
        complexKey(event);
        return;
      }
      if (stack.size() >= limits.maxDepth()) {
        // Stop reading the file here: scanning on through deeper flow nesting costs snakeyaml time quadratic
        // in the depth (100,000 brackets take most of a minute), which a hostile file must not buy.
        abandon(startOf(event), "document nests deeper than " + limits.maxDepth()
            + " levels; this document and the rest of the file are not analyzed (limits.maxDepth)");
        stopped = true;
        return;
      }
      countNode(event, 1);
      if (abandoned) {
        return;
      }
      // Manifests' mappings and lists are small: start small rather than at the JDK's default 16 and 10.
      SmallFieldMap fields = event instanceof MappingStartEvent ? new SmallFieldMap(4) : null;
      JsonNode container = fields != null ? new ObjectNode(NODES, fields) : NODES.arrayNode(2);
      int node = placeNode(); // before attach() moves the parent on to its next item
      attach(container);
      String anchor = event.getAnchor().map(a -> a.getValue()).orElse(null);
      if (anchor != null) {
        unfinishedAnchors.add(anchor);
      }
      stack.push(new Frame(container, fields, node, event.getStartMark(), anchor, nodes, chars));
    }

    private void endCollection(Event event) {
      Frame frame = stack.pop();
      if (precise) {
        record(frame.node, span(frame.start, event.getEndMark()));
      }
      if (frame.fields != null) {
        frame.fields.trim();
      }
      if (frame.anchor != null) {
        unfinishedAnchors.remove(frame.anchor);
        anchors.put(frame.anchor, frame.container);
        anchorSizes.put(frame.anchor, nodes - frame.nodesAtStart + 1);
        anchorChars.put(frame.anchor, chars - frame.charsAtStart);
      }
    }

    private void complexKey(CollectionStartEvent event) {
      diagnostics.add(Diagnostic.at(Diagnostic.Kind.YAML_INVALID, path, startOf(event),
          "a mapping key must be a plain value, not a " + (event instanceof MappingStartEvent ? "mapping" : "sequence")));
      skipDepth = 1;
      stack.peek().skipValueAfterKey = true;
    }

    private void scalar(ScalarEvent event) {
      Frame parent = stack.peek();
      if (nextIsKey()) {
        key(parent, event);
        return;
      }
      countNode(event, 1);
      if (abandoned) {
        return;
      }
      chars += event.getValue().length();
      // The source-map pass keeps no tree: it needs the scalar's place, not its type.
      JsonNode value = precise ? NODES.nullNode() : scalarValue(event);
      if (precise) {
        record(placeNode(), startOf(event));
      }
      attach(value);
      event.getAnchor().ifPresent(a -> {
        anchors.put(a.getValue(), value);
        anchorSizes.put(a.getValue(), 1);
        anchorChars.put(a.getValue(), (long) event.getValue().length());
      });
    }

    private void key(Frame mapping, ScalarEvent event) {
      String key = ScalarCache.SHARED.key(event.getValue());
      chars += key.length();
      ObjectNode object = (ObjectNode) mapping.container;
      if (object.has(key)) {
        // A file of millions of repeated keys must not become millions of findings: the first ones are listed.
        if (++duplicateKeys <= MAX_LISTED_DUPLICATE_KEYS) {
          diagnostics.add(Diagnostic.at(Diagnostic.Kind.DUPLICATE_KEY, path, startOf(event), "key \""
              + abbreviate(key) + "\" is repeated in this mapping; Kubernetes' strict decoding rejects the object,"
              + " and lenient tools keep only the last value"));
        } else if (firstUnlistedDuplicate == null) {
          firstUnlistedDuplicate = startOf(event);
        }
      }
      mapping.pendingKey = key;
      if (precise) {
        // A repeated key starts afresh: the later value is the one in the tree.
        mapping.pendingNode = positions.replaceChild(mapping.node, key);
        positions.keyPosition(mapping.pendingNode, startOf(event));
      }
    }

    private void alias(AliasEvent event) {
      Frame parent = stack.peek();
      String name = event.getAlias().getValue();
      if (nextIsKey()) {
        // An alias used as a key: keys must be plain values here.
        diagnostics.add(Diagnostic.at(Diagnostic.Kind.YAML_INVALID, path, startOf(event),
            "an alias (*" + name + ") cannot be used as a mapping key here"));
        parent.skipNextValue = true;
        return;
      }
      if (unfinishedAnchors.contains(name)) {
        abandon(startOf(event), "alias *" + name + " refers to a node that contains it (a recursive structure);"
            + " the document is not analyzed");
        return;
      }
      JsonNode target = anchors.get(name);
      if (target == null) {
        diagnostics.add(Diagnostic.at(Diagnostic.Kind.YAML_INVALID, path, startOf(event),
            "alias *" + name + " refers to no anchor &" + name + " defined before it"));
        abandoned = true;
        stack.clear();
        return;
      }
      if (target.isContainerNode() && ++aliases > limits.maxAliasesPerDocument()) {
        abandon(startOf(event), "more than " + limits.maxAliasesPerDocument()
            + " aliases in one document (billion laughs?); it is not analyzed (limits.maxAliasesPerDocument)");
        return;
      }
      countNode(event, anchorSizes.getOrDefault(name, 1));
      if (abandoned) {
        return;
      }
      // Counting aliases misses one to a long scalar: 100 aliases of a 100 KB name cost 10 MB in every message
      // that names it. The expanded document may be no larger than a file may be.
      chars += anchorChars.getOrDefault(name, 0L);
      if (chars > limits.maxFileBytes()) {
        abandon(startOf(event), "document expands to more than " + limits.maxFileBytes() + " characters through"
            + " aliases; it is not analyzed (limits.maxFileBytes)");
        return;
      }
      if (precise) {
        record(placeNode(), startOf(event));
      }
      // The alias shares the anchored tree: the model never mutates it.
      attach(target);
    }

    private SourcePosition positionOf(MarkedYamlEngineException e) {
      Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
      return mark.map(m -> SourcePosition.point(m.getLine() + 1, m.getColumn() + 1)).orElse(SourcePosition.FILE_START);
    }
  }

  private static String describe(MarkedYamlEngineException e) {
    StringBuilder message = new StringBuilder("invalid YAML: ");
    if (e.getContext() != null && !e.getContext().isBlank()) {
      message.append(e.getContext()).append(", ");
    }
    message.append(e.getProblem() == null ? "syntax error" : e.getProblem());
    return oneLine(message.toString());
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").trim();
  }

  /** A scalar typed as the YAML 1.2 core schema says: quoted scalars are strings, plain ones are resolved. */
  static JsonNode scalarValue(ScalarEvent event) {
    String value = event.getValue();
    Optional<String> explicit = event.getTag();
    if (explicit.isPresent() && !explicit.get().equals("!")) {
      return typed(value, tagOf(explicit.get()));
    }
    if (event.isPlain()) {
      return ScalarCache.SHARED.plain(value, v -> typed(v, RESOLVER.resolve(v, true)));
    }
    return ScalarCache.SHARED.quoted(value, NODES::textNode);
  }

  /**
   * An explicit tag. snakeyaml's parser can produce one its own {@link Tag} refuses (a {@code %20} escape that
   * decodes to a trailing space; found by fuzzing): that is no core-schema tag, so the value is text.
   */
  private static Tag tagOf(String name) {
    try {
      return new Tag(name);
    } catch (IllegalArgumentException e) {
      return Tag.STR;
    }
  }

  private static JsonNode typed(String value, Tag tag) {
    try {
      if (Tag.NULL.equals(tag)) {
        return NODES.nullNode();
      }
      if (Tag.BOOL.equals(tag)) {
        return NODES.booleanNode(value.toLowerCase(Locale.ROOT).equals("true"));
      }
      if (Tag.INT.equals(tag)) {
        if (value.length() > MAX_INTEGER_DIGITS) {
          return NODES.textNode(value);
        }
        BigInteger big = parseInteger(value);
        return big.bitLength() < 32 ? NODES.numberNode(big.intValue())
            : big.bitLength() < 64 ? NODES.numberNode(big.longValue()) : NODES.numberNode(big);
      }
      if (Tag.FLOAT.equals(tag)) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.endsWith(".nan") || v.endsWith(".inf")) {
          return NODES.textNode(value);
        }
        return NODES.numberNode(Double.parseDouble(value));
      }
    } catch (NumberFormatException e) {
      return NODES.textNode(value);
    }
    return NODES.textNode(value);
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
