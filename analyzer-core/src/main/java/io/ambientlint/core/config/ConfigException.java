package io.ambientlint.core.config;

/** A configuration error: the file (or option) and line where it is, and what is wrong. Exit code 2. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
