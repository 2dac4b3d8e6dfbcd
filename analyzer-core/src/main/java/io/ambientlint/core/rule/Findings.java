package io.ambientlint.core.rule;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.config.Config;
import io.ambientlint.core.model.Location;
import io.ambientlint.core.model.NodeRef;
import io.ambientlint.core.model.ResourceId;
import io.ambientlint.core.severity.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.Optional;

/**
 * Collects what rules report. Not thread-safe: each rule run gets its own.
 *
 * <p>Bounded: at most {@code maxKept} findings are kept (the rest are counted in {@link #dropped}, and the run
 * says so and exits 3), and text copied into a message from the input is shortened, so a short file that makes
 * a rule report a long name thousands of times cannot exhaust the heap.
 */
public final class Findings {

  /** Longest text argument copied into a message: far above any Kubernetes name (253). */
  public static final int MAX_ARGUMENT_CHARS = 512;
  /** Longest message kept. */
  public static final int MAX_MESSAGE_CHARS = 4096;
  /** Default of {@code limits.maxFindingsKept}. */
  public static final int DEFAULT_MAX_KEPT = Config.DEFAULT_MAX_FINDINGS_KEPT;

  /** The order of every report: path, line, column, rule, message; byte-identical output whatever the threads. */
  public static final Comparator<Finding> OUTPUT_ORDER = Comparator
      .comparing((Finding f) -> f.location().path())
      .thenComparingInt(f -> f.location().position().line())
      .thenComparingInt(f -> f.location().position().column())
      .thenComparing(Finding::ruleId)
      .thenComparing(Finding::message);

  private final List<Draft> drafts = new ArrayList<>();
  private final int maxKept;
  private long dropped;
  private final Map<JsonNode, Map<String, Integer>> listKeys = new IdentityHashMap<>();

  public Findings() {
    this(DEFAULT_MAX_KEPT);
  }

  public Findings(int maxKept) {
    this.maxKept = maxKept;
  }

  /** A finding being described; {@link #related} adds the other places it involves. */
  public final class Draft {
    private final RuleMetadata rule;
    private final String message;
    private final Location location;
    private final Optional<ResourceId> subject;
    private final String pointer;
    private final String logicalPath;
    private final List<RelatedLocation> related = new ArrayList<>();
    private Severity severity;
    private String missingObject = "";

    private Draft(RuleMetadata rule, String message, Location location, Optional<ResourceId> subject, String pointer,
        String logicalPath) {
      this.rule = rule;
      this.severity = rule.severity();
      this.message = message;
      this.location = location;
      this.subject = subject;
      this.pointer = pointer;
      this.logicalPath = logicalPath;
    }

    public Draft related(NodeRef node, String what) {
      related.add(new RelatedLocation(node.location(), what));
      return this;
    }

    public Draft related(Location location, String what) {
      related.add(new RelatedLocation(location, what));
      return this;
    }

    /**
     * The finding is about an object that is not there (named as {@code object}, e.g. a ResourceId's qualified
     * form or a host): all references a rule reports to one missing object become one finding at the first
     * reference, the others as related locations, fingerprinted by rule and object only (see
     * {@link MissingObjects}).
     */
    public Draft missing(String object) {
      missingObject = object;
      return this;
    }

    /** For rules whose severity depends on the case (E/W, E/N in the catalogue). */
    public Draft severity(Severity s) {
      severity = s;
      return this;
    }

    Finding toFinding() {
      String subjectKey = subject.map(ResourceId::qualified).orElse("file:" + location.path());
      String print = missingObject.isEmpty() ? fingerprint(rule.id(), subjectKey, logicalPath, message)
          : MissingObjects.fingerprint(rule.id(), missingObject);
      return new Finding(rule, severity, message, location, subject, pointer, related, print, Optional.empty(),
          List.of(), missingObject);
    }
  }

  /** Reports a finding at a node of a resource: the node's exact position is the finding's location. */
  public Draft report(RuleMetadata rule, NodeRef at, String format, Object... args) {
    if (drafts.size() >= maxKept) {
      return discarded(rule);
    }
    Draft d = new Draft(rule, message(format, args), at.location(), Optional.of(at.resource().id()), at.pointer(),
        LogicalPath.of(at.resource().root(), at.pointer(), listKeys));
    drafts.add(d);
    return d;
  }

  /** Reports a finding at a mapping key ({@code port:}) rather than its value: for a field that should not be there. */
  public Draft reportAtKey(RuleMetadata rule, NodeRef at, String format, Object... args) {
    if (drafts.size() >= maxKept) {
      return discarded(rule);
    }
    Draft d = new Draft(rule, message(format, args), at.keyLocation(), Optional.of(at.resource().id()), at.pointer(),
        LogicalPath.of(at.resource().root(), at.pointer(), listKeys));
    drafts.add(d);
    return d;
  }

  /** Reports a finding about a file rather than an object (invalid YAML, say). */
  public Draft reportInFile(RuleMetadata rule, Location location, String message) {
    if (drafts.size() >= maxKept) {
      dropped++;
      return new Draft(rule, "", null, Optional.empty(), "", "");
    }
    Draft d = new Draft(rule, abbreviate(message, MAX_MESSAGE_CHARS), location, Optional.empty(), "", "");
    drafts.add(d);
    return d;
  }

  /** Over the limit: counted, and handed back so the rule's calls on it still work, but not kept. */
  private Draft discarded(RuleMetadata rule) {
    dropped++;
    return new Draft(rule, "", null, Optional.empty(), "", ""); // never turned into a finding: no location needed
  }

  public List<Finding> toList() {
    return drafts.stream().map(Draft::toFinding).toList();
  }

  public int size() {
    return drafts.size();
  }

  /** Findings reported past the limit and not kept. */
  public long dropped() {
    return dropped;
  }

  public int maxKept() {
    return maxKept;
  }

  private static String message(String format, Object... args) {
    if (args.length == 0) {
      return abbreviate(format, MAX_MESSAGE_CHARS);
    }
    Object[] bounded = args.clone();
    for (int i = 0; i < bounded.length; i++) {
      if (bounded[i] instanceof CharSequence text) {
        bounded[i] = abbreviate(text.toString(), MAX_ARGUMENT_CHARS);
      }
    }
    return abbreviate(String.format(Locale.ROOT, format, bounded), MAX_MESSAGE_CHARS);
  }

  /** {@code text} cut to at most {@code max} characters, ending with an ellipsis when cut (never inside a surrogate pair). */
  public static String abbreviate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "\u2026";
  }

  /**
   * A stable fingerprint: rule, object id, logical path (list items by name, see {@link LogicalPath}) and a
   * normalised message key; no line numbers, so reformatting a file, editing other objects or moving an object
   * within its file or to another file keeps it. File-level findings (invalid YAML, duplicate keys) have no
   * object and key on their file's path instead.
   */
  public static String fingerprint(String ruleId, String subjectKey, String pointer, String message) {
    String key = ruleId + "\n" + subjectKey + "\n" + pointer + "\n" + normalise(message);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Message key: whitespace folded; file names, positions ({@code a.yaml:3:4}, {@code line 3, column 4}) and
   * list indices ({@code rules[2]}) removed, since the logical path already says which node it is.
   */
  static String normalise(String message) {
    String key = replaceFileLocations(message, "<loc>");
    // Each pattern runs only where its literal part occurs: thousands of findings are fingerprinted, and the
    // case-insensitive word-boundary search costs more than all the rest together.
    if (key.contains("<stdin>")) {
      key = STDIN_LOCATION.matcher(key).replaceAll("<loc>");
    }
    String lower = key.toLowerCase(Locale.ROOT);
    if (lower.contains("line") || lower.contains("col")) {
      key = LINE_OR_COLUMN.matcher(key).replaceAll("$1 <n>");
    }
    if (key.indexOf('[') >= 0) {
      key = LIST_INDEX.matcher(key).replaceAll("[]");
    }
    return WHITESPACE.matcher(key).replaceAll(" ").trim().toLowerCase(Locale.ROOT);
  }

  /**
   * Replaces what {@code [\\w./-]+\\.(ya?ml|json)(:\\d+){0,2}} matches, in linear time: the regex backtracks
   * over a long run of name characters once per start position (quadratic in a hostile name). Same matches:
   * within a run of name characters, the greedy prefix ends at the last extension after the run's first
   * character; matching resumes after it.
   */
  public static String replaceFileLocations(String text, String replacement) {
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      if (!isNameChar(text.charAt(i))) {
        i++;
        continue;
      }
      int runEnd = i;
      while (runEnd < n && isNameChar(text.charAt(runEnd))) {
        runEnd++;
      }
      int extensionEnd = -1;
      for (int p = runEnd - 1; p > i && extensionEnd < 0; p--) {
        if (text.charAt(p) == '.') {
          extensionEnd = extensionEndAt(text, p);
        }
      }
      if (extensionEnd < 0) {
        i = runEnd;
        continue;
      }
      int end = extensionEnd;
      for (int group = 0; group < 2; group++) {
        int digits = end + 1;
        while (digits < n && isAsciiDigit(text.charAt(digits))) {
          digits++;
        }
        if (end < n && text.charAt(end) == ':' && digits > end + 1) {
          end = digits;
        } else {
          break;
        }
      }
      if (out == null) {
        out = new StringBuilder(n);
      }
      out.append(text, copied, i).append(replacement);
      copied = end;
      i = end;
    }
    return out == null ? text : out.append(text, copied, n).toString();
  }

  /** End of {@code .yaml}, {@code .yml} or {@code .json} at {@code dot}, or -1 (the regex tries them in this order). */
  private static int extensionEndAt(String text, int dot) {
    for (String extension : new String[] {".yaml", ".yml", ".json"}) {
      if (text.startsWith(extension, dot)) {
        return dot + extension.length();
      }
    }
    return -1;
  }

  /** {@code [\\w./-]} without flags: ASCII letters, digits, underscore, dot, slash, hyphen. */
  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isAsciiDigit(c) || c == '_' || c == '.' || c == '/'
        || c == '-';
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static final Pattern STDIN_LOCATION = Pattern.compile("<stdin>(:\\d+){0,2}");
  private static final Pattern LINE_OR_COLUMN = Pattern.compile("(?i)\\b(line|column|col)\\s+\\d+");
  private static final Pattern LIST_INDEX = Pattern.compile("\\[\\d+]");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
}
