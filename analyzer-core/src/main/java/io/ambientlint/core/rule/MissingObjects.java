package io.ambientlint.core.rule;

import io.ambientlint.core.severity.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A missing object referenced many times is one finding per rule: at its first reference (path, line, column),
 * with the other references as related locations and their count in the message. One missing upstream Gateway
 * named by fourteen objects is one thing to fix, not fourteen.
 *
 * <p>The fingerprint is the rule and the missing object only, never the reference that happens to come first:
 * adding, removing or moving a reference keeps the finding matched by a baseline or {@code --new-since}; a
 * finding comes back as new only when another object goes missing.
 */
public final class MissingObjects {

  /** Related locations kept per finding; the message always gives the full count. */
  static final int MAX_OTHER_REFERENCES = 50;

  private MissingObjects() {}

  /** Fingerprint of every finding about {@code missingObject} from rule {@code ruleId}. */
  public static String fingerprint(String ruleId, String missingObject) {
    return Findings.fingerprint(ruleId, "missing:" + missingObject, "", "");
  }

  private record Key(String rule, String missingObject, Severity severity, Optional<Finding.Suppression> suppression) {}

  /**
   * The findings with each group of references to one missing object (same rule, severity and suppression)
   * folded into its first; other findings unchanged. The result is in {@code order}.
   */
  public static List<Finding> group(List<Finding> findings, Comparator<Finding> order) {
    List<Finding> out = new ArrayList<>(findings.size());
    Map<Key, List<Finding>> groups = new LinkedHashMap<>();
    for (Finding f : findings) {
      if (f.isAboutMissingObject()) {
        groups.computeIfAbsent(new Key(f.ruleId(), f.missingObject(), f.severity(), f.suppression()),
            k -> new ArrayList<>()).add(f);
      } else {
        out.add(f);
      }
    }
    for (List<Finding> references : groups.values()) {
      references.sort(order);
      out.add(references.size() == 1 ? references.get(0) : fold(references));
    }
    out.sort(order);
    return out;
  }

  private static Finding fold(List<Finding> references) {
    Finding first = references.get(0);
    List<RelatedLocation> related = new ArrayList<>(first.related());
    List<Finding> others = references.subList(1, references.size());
    for (Finding other : others.subList(0, Math.min(others.size(), MAX_OTHER_REFERENCES))) {
      String by = other.subject().map(id -> " by " + id).orElse("");
      RelatedLocation r = new RelatedLocation(other.location(), "another reference" + by + " to the same missing object");
      if (!related.contains(r)) {
        related.add(r);
      }
    }
    String listed = others.size() <= MAX_OTHER_REFERENCES ? "the others are related locations"
        : "the first " + MAX_OTHER_REFERENCES + " others are related locations";
    String message = first.message() + " (the same missing object is referenced " + references.size()
        + " times; " + listed + ")";
    return first.withRelated(message, related);
  }
}
