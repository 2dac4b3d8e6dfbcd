package io.ambientlint.core.rule;

import io.ambientlint.core.model.Location;
import io.ambientlint.core.model.NodeRef;
import io.ambientlint.core.model.ResourceId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.Optional;

/** Collects what rules report. Not thread-safe: each rule run gets its own. */
public final class Findings {

  private final List<Draft> drafts = new ArrayList<>();

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

    /** For rules whose severity depends on the case (E/W, E/N in the catalogue). */
    public Draft severity(Severity s) {
      severity = s;
      return this;
    }

    Finding toFinding() {
      String subjectKey = subject.map(ResourceId::qualified).orElse("file:" + location.path());
      return new Finding(rule, severity, message, location, subject, pointer, related,
          fingerprint(rule.id(), subjectKey, logicalPath, message), Optional.empty());
    }
  }

  /** Reports a finding at a node of a resource: the node's exact position is the finding's location. */
  public Draft report(RuleMetadata rule, NodeRef at, String format, Object... args) {
    Draft d = new Draft(rule, args.length == 0 ? format : String.format(Locale.ROOT, format, args), at.location(),
        Optional.of(at.resource().id()), at.pointer(), LogicalPath.of(at.resource().root(), at.pointer()));
    drafts.add(d);
    return d;
  }

  /** Reports a finding at a mapping key ({@code port:}) rather than its value: for a field that should not be there. */
  public Draft reportAtKey(RuleMetadata rule, NodeRef at, String format, Object... args) {
    Draft d = new Draft(rule, args.length == 0 ? format : String.format(Locale.ROOT, format, args), at.keyLocation(),
        Optional.of(at.resource().id()), at.pointer(), LogicalPath.of(at.resource().root(), at.pointer()));
    drafts.add(d);
    return d;
  }

  /** Reports a finding about a file rather than an object (invalid YAML, say). */
  public Draft reportInFile(RuleMetadata rule, Location location, String message) {
    Draft d = new Draft(rule, message, location, Optional.empty(), "", "");
    drafts.add(d);
    return d;
  }

  public List<Finding> toList() {
    return drafts.stream().map(Draft::toFinding).toList();
  }

  public int size() {
    return drafts.size();
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
    String key = FILE_LOCATION.matcher(message).replaceAll("<loc>");
    key = STDIN_LOCATION.matcher(key).replaceAll("<loc>");
    key = LINE_OR_COLUMN.matcher(key).replaceAll("$1 <n>");
    key = LIST_INDEX.matcher(key).replaceAll("[]");
    return WHITESPACE.matcher(key).replaceAll(" ").trim().toLowerCase(Locale.ROOT);
  }

  private static final Pattern FILE_LOCATION = Pattern.compile("[\\w./-]+\\.(ya?ml|json)(:\\d+){0,2}");
  private static final Pattern STDIN_LOCATION = Pattern.compile("<stdin>(:\\d+){0,2}");
  private static final Pattern LINE_OR_COLUMN = Pattern.compile("(?i)\\b(line|column|col)\\s+\\d+");
  private static final Pattern LIST_INDEX = Pattern.compile("\\[\\d+]");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
}
