package io.ambientlint.core.baseline;

import io.ambientlint.core.FixedFinding;
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
    // What ([\w./-]+\.(ya?ml|json)):\d+(:\d+)? -> $1 does, in linear time (the regex is quadratic in a long
    // run of name characters): a run of name characters ending in an extension, then :line and maybe :column.
    StringBuilder out = new StringBuilder(message.length());
    int n = message.length();
    int i = 0;
    while (i < n) {
      if (!isNameChar(message.charAt(i))) {
        out.append(message.charAt(i++));
        continue;
      }
      int runEnd = i;
      while (runEnd < n && isNameChar(message.charAt(runEnd))) {
        runEnd++;
      }
      out.append(message, i, runEnd);
      int end = runEnd;
      if (endsWithExtension(message, i, runEnd)) {
        for (int group = 0; group < 2; group++) {
          int digits = end + 1;
          while (digits < n && Character.isDigit(message.charAt(digits)) && message.charAt(digits) < 128) {
            digits++;
          }
          if (end < n && message.charAt(end) == ':' && digits > end + 1) {
            end = digits;
          } else {
            break;
          }
        }
      }
      i = end;
    }
    return out.toString();
  }

  /** The run {@code [start, end)} has at least one character before a final .yaml, .yml or .json. */
  private static boolean endsWithExtension(String s, int start, int end) {
    for (String extension : new String[] {".yaml", ".yml", ".json"}) {
      if (end - start > extension.length() && s.startsWith(extension, end - extension.length())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
        || c == '/' || c == '-';
  }

  /** This entry as a fixed finding: nothing matched it any more. A baseline entry keeps no position. */
  FixedFinding asFixed() {
    return new FixedFinding(rule, object, pointer, message, fingerprint, Optional.empty());
  }
}
