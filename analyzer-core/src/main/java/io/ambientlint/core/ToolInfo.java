package io.ambientlint.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's name, version and home page, as reports state them. */
public final class ToolInfo {
  private ToolInfo() {}

  public static final String NAME = "ambient-lint";
  public static final String INFORMATION_URI = "https://github.com/ambient-lint/ambient-lint";
  public static final String VERSION = readVersion();

  /** Where a rule's page is published; SARIF helpUri points here. */
  public static String ruleDocUri(String ruleId) {
    return INFORMATION_URI + "/blob/main/docs/rules/" + ruleId + ".md";
  }

  private static String readVersion() {
    try (InputStream in = ToolInfo.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      String v = p.getProperty("version", "0.0.0");
      return v.startsWith("$") ? "0.0.0" : v;
    } catch (IOException e) {
      return "0.0.0";
    }
  }
}
