package io.ambientlint.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each output channel's escaping, fed what a pull request can put in a name, a file name or a config value. */
class EscapeTest {

  /** A workflow command the runner would read: {@code ::cmd} at the start of a line, {@code ##[cmd]} anywhere. */
  private static final Pattern RUNNER_COMMAND = Pattern.compile("(?m)^[\\s\\p{M}\\p{Cf}]*:|#[\\p{M}\\p{Cf}\\p{Cc}]*#[\\p{M}\\p{Cf}\\p{Cc}]*\\[");

  private static final String INJECTION = "x\n::error file=a.yaml::pwned\r\n::add-mask::secret";

  private static boolean hasRawControl(String s) {
    return s.codePoints().anyMatch(Escape::isControl);
  }

  @Test
  void terminalShowsLineBreaksAndControlCharactersEscaped() {
    assertThat(Escape.terminal(INJECTION))
        .isEqualTo("x\\n::error file=a.yaml::pwned\\r\\n::add-mask::secret");
    assertThat(Escape.terminal("red\u001b[31m bell\u0007 nul\u0000 tab\t del\u007f nel\u0085 csi\u009b"))
        .isEqualTo("red\\u001B[31m bell\\u0007 nul\\u0000 tab\\t del\\u007F nel\\u0085 csi\\u009B");
    assertThat(Escape.terminal("abc\u202Efdp.yaml \u2066x\u2069 \u200Bzw \u2028ls \u00ADshy"))
        .isEqualTo("abc\\u202Efdp.yaml \\u2066x\\u2069 \\u200Bzw \\u2028ls \\u00ADshy");
    assertThat(Escape.terminal("tag\uDB40\uDC01")).as("a format character outside the BMP").isEqualTo("tag\\uDB40\\uDC01");
    assertThat(Escape.terminal("lone\uDC00 and \uD800")).isEqualTo("lone\\uDC00 and \\uD800");
    assertThat(Escape.terminal("café ✓ 😀 books/reviews")).as("printable text untouched").isEqualTo("café ✓ 😀 books/reviews");
  }

  @Test
  void terminalLeavesNoWorkflowCommandTheRunnerWouldRead() {
    assertThat(Escape.terminal("::add-mask::x")).isEqualTo("\\u003A:add-mask::x");
    assertThat(Escape.terminal("  \u00A0::error::x")).startsWith("  \u00A0\\u003A");
    assertThat(Escape.terminal("\u0301::error::x")).as("a combining mark the runner's culture-aware StartsWith skips")
        .isEqualTo("\u0301\\u003A:error::x");
    assertThat(Escape.terminal("name ##[add-matcher]evil.json")).isEqualTo("name \\u0023#[add-matcher]evil.json");
    assertThat(Escape.terminal("a#\u0301#[error]b")).doesNotContainPattern("#\\p{M}*#\\[");
    assertThat(Escape.terminal("a#\u00AD#[error]b")).isEqualTo("a#\\u00AD#[error]b");
    assertThat(Escape.terminal("###[x]")).isEqualTo("#\\u0023#[x]");
    for (String hostile : new String[] {INJECTION, "::error::a", " ::x::", "##[set-output name=a]b", "#\u200B#[x]",
        "\u034F::error::x", "a\n  ::warning::b\n##[group]c"}) {
      String escaped = Escape.terminal(hostile);
      assertThat(escaped).as(hostile).doesNotContain("\n").doesNotContain("\r").doesNotContainPattern(RUNNER_COMMAND);
    }
  }

  @Test
  void aLineAssembledFromFieldsIsDefusedToo() {
    // "#" ending one field and "#[" starting the next.
    assertThat(Escape.terminalLine(Escape.terminal("a#") + Escape.terminal("#[error]b"))).doesNotContain("##[");
    assertThat(Escape.terminalLine("\u001b[1;31merror\u001b[0m x")).as("the reporter's own colours stay")
        .isEqualTo("\u001b[1;31merror\u001b[0m x");
  }

  @Test
  void noCharacterOfTheBmpSurvivesAsARawControl() {
    for (int c = 0; c <= 0xFFFF; c++) {
      String s = "a" + (char) c + "b";
      assertThat(hasRawControl(Escape.terminal(s))).as("U+%04X", c).isFalse();
      assertThat(hasRawControl(Escape.markdownCode(s))).as("U+%04X", c).isFalse();
      assertThat(hasRawControl(Escape.markdownText(s))).as("U+%04X", c).isFalse();
      assertThat(hasRawControl(Escape.mermaidLabel(s))).as("U+%04X", c).isFalse();
      assertThat(hasRawControl(Escape.workflowData(s))).as("U+%04X", c).isFalse();
    }
  }

  @Test
  void multiLineTerminalTextKeepsItsLinesAndDefusesEach() {
    assertThat(Escape.terminalLines("Service books/x\n::add-mask::s\u001b[2J\n  ##[error]e\n"))
        .isEqualTo("Service books/x\n\\u003A:add-mask::s\\u001B[2J\n  \\u0023#[error]e\n");
    assertThat(Escape.terminalLines("a\r\nb")).isEqualTo("a\\r\nb");
  }

  @Test
  void stderrAndMavenLogAreOneLineWithoutCommands() {
    for (String escaped : new String[] {Escape.stderr(INJECTION), Escape.mavenLog(INJECTION)}) {
      assertThat(escaped).doesNotContain("\n").doesNotContainPattern(RUNNER_COMMAND).contains("\\n::error");
    }
    assertThat(Escape.stderr(".ambient-lint.yaml:3:9: failOn must be one of error; got \"\u001b]0;title\u0007\""))
        .isEqualTo(".ambient-lint.yaml:3:9: failOn must be one of error; got \"\\u001B]0;title\\u0007\"");
  }

  @Test
  void workflowCommandDataIsEncodedAsTheToolkitDoes() {
    assertThat(Escape.workflowData(INJECTION)).isEqualTo("x%0A::error file=a.yaml::pwned%0D%0A::add-mask::secret");
    assertThat(Escape.workflowData("100% \u001b[31m\u202E")).isEqualTo("100%25 \\u001B[31m\\u202E");
    assertThat(Escape.workflowProperty("m,1/a:b.yaml\n")).isEqualTo("m%2C1/a%3Ab.yaml%0A");
  }

  @Test
  void markdownNamesAreCodeSpansThatNothingEscapes() {
    assertThat(Escape.markdownCode("books/reviews")).isEqualTo("`books/reviews`");
    assertThat(Escape.markdownCode("<img src=x onerror=alert(1)>")).isEqualTo("`<img src=x onerror=alert(1)>`");
    assertThat(Escape.markdownCode("a`b")).isEqualTo("``a`b``");
    assertThat(Escape.markdownCode("``x")).isEqualTo("``` ``x ```");
    assertThat(Escape.markdownCode("a|b")).as("GitHub splits table cells at | even in code").isEqualTo("`a\\|b`");
    assertThat(Escape.markdownCode("[x](https://evil.example)\n| --- |")).isEqualTo("`[x](https://evil.example)\\n\\| --- \\|`");
    assertThat(Escape.markdownCode("")).isEqualTo("` `");
  }

  @Test
  void markdownProseHasNoLinkImageHtmlOrCellBreak() {
    String md = Escape.markdownText("see [docs](https://evil.example) ![x](https://evil.example/p.png) "
        + "<img src=x onerror=alert(1)> <details open> a | b **bold** `code` ~~s~~ &amp; \n| new | row |");
    assertThat(md).doesNotContain("<").doesNotContain(">").doesNotContain("\n")
        .doesNotContainPattern("(?<!\\\\)[\\[\\]|`*~]")
        .contains("&lt;img src=x onerror=alert(1)&gt;").contains("!\\[x\\](https&#58;//evil.example/p.png)").contains("&amp;amp;").contains("a \\| b");
  }

  @Test
  void markdownProseHasNoBareLinkEmailOrMention() {
    String md = Escape.markdownText("host https://evil.example, WWW.evil.example, www.a.b, admin@evil.example, cc @octocat");
    assertThat(md).doesNotContain("://").doesNotContainPattern("(?i)www\\.").doesNotContainPattern("@[A-Za-z0-9]")
        .contains("https&#58;//evil.example").contains("WWW&#46;evil.example").contains("@&#8203;octocat");
    // Only where a link would start: ordinary colons, dots and words with "www" inside stay as they are.
    assertThat(Escape.markdownText("port 80: see a.b, awww.x")).isEqualTo("port 80: see a.b, awww.x");
  }

  @Test
  void mermaidLabelsCannotCloseTheirQuotesOrCarryDirectives() {
    String label = Escape.mermaidLabel("%%{init: {\"theme\": \"dark\", \"securityLevel\": \"loose\"}}%%\"] --> x[\"y|z`<b>#1;\n");
    assertThat(label).doesNotContain("\"").doesNotContain("%").doesNotContain("{").doesNotContain("}")
        .doesNotContain("|").doesNotContain("<").doesNotContain("`").doesNotContain("\n")
        .startsWith("#37;#37;#123;init: #123;#quot;theme#quot;");
    assertThat(Escape.mermaidLabel("Service books/reviews (own label): Gateway not found"))
        .isEqualTo("Service books/reviews (own label): Gateway not found");
  }

  @Test
  void jsonTextIsValidUnicode() {
    assertThat(Escape.json("a\uDC00b")).isEqualTo("a\uFFFDb");
    assertThat(Escape.json("end\uD800")).isEqualTo("end\uFFFD");
    assertThat(Escape.json("\uDE00\uD83D")).as("a pair in the wrong order").isEqualTo("\uFFFD\uFFFD");
    String fine = "😀 café \u202E";
    assertThat(Escape.json(fine)).isSameAs(fine);
  }
}
