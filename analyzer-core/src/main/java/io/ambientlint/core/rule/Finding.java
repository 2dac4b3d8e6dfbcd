package io.ambientlint.core.rule;

import io.ambientlint.core.model.Location;
import io.ambientlint.core.model.ResourceId;
import io.ambientlint.core.severity.Severity;
import java.util.List;
import java.util.Optional;

/**
 * One problem found: which rule, how severe, where (the exact node), about which object, and what to do.
 *
 * @param subject the object the finding is about; empty for file-level findings such as invalid YAML
 * @param pointer the JSON pointer of the node at fault inside the subject (empty for file-level findings)
 * @param fingerprint stable across unrelated edits: rule, object, logical path and message, never a line
 * @param suppression why the finding is suppressed, when it is (inline annotation or baseline)
 * @param units the deployment units whose output holds the finding (several when clusters or units share it);
 *     empty when the repository is one plain set of files
 * @param missingObject for a reference to an object that is not there (a Gateway, a Service, a host): that
 *     object, as the rule names it; empty otherwise. All references to one missing object are one finding.
 */
public record Finding(
    RuleMetadata rule,
    Severity severity,
    String message,
    Location location,
    Optional<ResourceId> subject,
    String pointer,
    List<RelatedLocation> related,
    String fingerprint,
    Optional<Suppression> suppression,
    List<String> units,
    String missingObject) {

  public Finding {
    related = List.copyOf(related);
    units = List.copyOf(units);
    missingObject = missingObject == null ? "" : missingObject;
  }

  public Finding(RuleMetadata rule, Severity severity, String message, Location location, Optional<ResourceId> subject,
      String pointer, List<RelatedLocation> related, String fingerprint, Optional<Suppression> suppression,
      List<String> units) {
    this(rule, severity, message, location, subject, pointer, related, fingerprint, suppression, units, "");
  }

  public Finding(RuleMetadata rule, Severity severity, String message, Location location, Optional<ResourceId> subject,
      String pointer, List<RelatedLocation> related, String fingerprint, Optional<Suppression> suppression) {
    this(rule, severity, message, location, subject, pointer, related, fingerprint, suppression, List.of(), "");
  }

  /** The same finding naming the units it was found in; the fingerprint does not change. */
  public Finding withUnits(List<String> names) {
    return new Finding(rule, severity, message, location, subject, pointer, related, fingerprint, suppression, names, missingObject);
  }

  /** The same finding with other related locations and message (the fingerprint does not change). */
  public Finding withRelated(String newMessage, List<RelatedLocation> newRelated) {
    return new Finding(rule, severity, newMessage, location, subject, pointer, newRelated, fingerprint, suppression,
        units, missingObject);
  }

  public boolean isAboutMissingObject() {
    return !missingObject.isEmpty();
  }

  public String ruleId() {
    return rule.id();
  }

  public boolean isSuppressed() {
    return suppression.isPresent();
  }

  public Finding withSuppression(Suppression s) {
    return new Finding(rule, severity, message, location, subject, pointer, related, fingerprint, Optional.of(s), units, missingObject);
  }

  /**
   * A file-level finding (a duplicate key, say) attributed to the object whose document holds it: the
   * fingerprint then keys on the object instead of the file, so moving the object to another file keeps it.
   */
  public Finding about(ResourceId object) {
    return new Finding(rule, severity, message, location, Optional.of(object), pointer, related,
        missingObject.isEmpty() ? Findings.fingerprint(rule.id(), object.qualified(), pointer, message) : fingerprint,
        suppression, units, missingObject);
  }

  public Finding withSeverity(Severity s) {
    return new Finding(rule, s, message, location, subject, pointer, related, fingerprint, suppression, units, missingObject);
  }

  /** Why a finding does not count: an in-source annotation or an external baseline. */
  public record Suppression(Kind kind, String justification) {
    public enum Kind { IN_SOURCE, EXTERNAL }
  }
}
