package io.ambientlint.core.load;

import io.ambientlint.core.severity.Severity;

/**
 * A problem met while loading, before any rule runs. {@link Kind} decides how it surfaces: syntax and
 * duplicate-key problems become findings of the input rules (AL901, AL905); the rest are tool
 * notifications (SARIF {@code toolExecutionNotifications}, an error line in text).
 */
public record Diagnostic(Kind kind, String path, SourcePosition position, String message) {

  public enum Kind {
    /** Not valid YAML/JSON: reported by AL901. */
    YAML_INVALID(Severity.ERROR),
    /** A mapping repeats a key: reported by AL905. */
    DUPLICATE_KEY(Severity.ERROR),
    /** The file could not be read at all (permissions, size, encoding, binary, broken link): exit code 3. */
    UNREADABLE(Severity.ERROR),
    /** A document meant as a Kubernetes object (it has an apiVersion or a kind) that is not one: a broken object. */
    NOT_A_RESOURCE(Severity.WARNING),
    /**
     * A file or document that is no Kubernetes object at all (CI configs, package.json, Helm values, an empty
     * file): counted in the text summary and listed only on request, never a warning line each.
     */
    NOT_KUBERNETES(Severity.NOTE),
    /** Two CustomResourceDefinitions of one kind give one served version different schemas: which applies is unknown. */
    CRD_CONFLICT(Severity.WARNING),
    /** Recognised and deliberately not parsed: Helm templates, Kustomize files. */
    SKIPPED(Severity.NOTE),
    /** A kustomization that kustomize itself would reject: its root's objects are unknown. Exit code 3. */
    RENDER_ERROR(Severity.ERROR),
    /** Something in a kustomization that the renderer does not know (a field, a kind): rendered without it. */
    RENDER_WARNING(Severity.WARNING),
    /** A load limit was reached and some of the input was not analyzed: exit code 3, like unreadable input. */
    LIMIT(Severity.WARNING),
    /** An output limit was reached (findings per rule): everything was analyzed, not everything is listed. */
    TRUNCATED(Severity.NOTE),
    /** A rule failed on this input: its other findings are kept, the other rules still ran. Exit code 4. */
    RULE_FAILURE(Severity.ERROR);

    private final Severity level;

    Kind(Severity level) {
      this.level = level;
    }

    public Severity level() {
      return level;
    }

    /** {@code yaml-invalid}, {@code unreadable}...: how reports name the kind. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Diagnostics reported as rule findings rather than tool notifications. */
    public boolean isFinding() {
      return this == YAML_INVALID || this == DUPLICATE_KEY;
    }

    /** A document that holds no Kubernetes object, broken or foreign: what the kustomize renderer may consume. */
    public boolean isNotAnObject() {
      return this == NOT_A_RESOURCE || this == NOT_KUBERNETES;
    }

    /** Some input was not analyzed: the exit code is 3 so a CI gate does not pass on a partial analysis. */
    public boolean isInputLoss() {
      return this == UNREADABLE || this == LIMIT || this == RENDER_ERROR;
    }
  }

  /** How serious the problem is: the same scale as a finding's, error above warning above note. */
  public Severity level() {
    return kind.level();
  }

  public static Diagnostic at(Kind kind, String path, SourcePosition position, String message) {
    return new Diagnostic(kind, path, position, message);
  }

  public static Diagnostic ofFile(Kind kind, String path, String message) {
    return new Diagnostic(kind, path, SourcePosition.FILE_START, message);
  }
}
