package io.ambientlint.core.baseline;

import io.ambientlint.core.rule.Finding;
import java.util.Comparator;
import java.util.Optional;

/**
 * One accepted finding in a baseline file. Only {@code fingerprint} is matched; the rest tells a reviewer
 * what was accepted. No line numbers, so the file only changes when findings do.
 *
 * @param object the finding's object ({@code core/Service/books/reviews}); empty for file-level findings
 * @param file the file of a file-level finding (invalid YAML, duplicate key), whose fingerprint keys on it
 */
public record BaselineEntry(String fingerprint, String rule, Optional<String> object, Optional<String> file,
    String pointer, String message) {

  /** Diff-friendly order: by rule, then object or file, then fingerprint (never by position). */
  static final Comparator<BaselineEntry> ORDER = Comparator.comparing(BaselineEntry::rule)
      .thenComparing(e -> e.object().orElse(""))
      .thenComparing(e -> e.file().orElse(""))
      .thenComparing(BaselineEntry::fingerprint)
      .thenComparing(BaselineEntry::pointer)
      .thenComparing(BaselineEntry::message);

  static BaselineEntry of(Finding f) {
    Optional<String> object = f.subject().map(s -> s.qualified());
    return new BaselineEntry(f.fingerprint(), f.ruleId(), object,
        object.isPresent() ? Optional.empty() : Optional.of(f.location().path()), f.pointer(), withoutPositions(f.message()));
  }

  /** {@code a.yaml:3:18} as {@code a.yaml}: the message is for people, and lines move with unrelated edits. */
  static String withoutPositions(String message) {
    return message.replaceAll("([\\w./-]+\\.(ya?ml|json)):\\d+(:\\d+)?", "$1");
  }
}
