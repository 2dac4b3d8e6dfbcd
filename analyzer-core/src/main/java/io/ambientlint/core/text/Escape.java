package io.ambientlint.core.text;

/**
 * One escaping function per output channel. Names, file names, messages and baseline fields come from the
 * analyzed repository, that is from a pull request: whatever a channel's reader acts on (a terminal's control
 * sequences, a CI runner's workflow commands, Markdown and HTML, Mermaid directives, invalid Unicode) must reach
 * it as inert text. Each function takes one field of untrusted text; the channel's own syntax is added around it
 * by the reporter.
 */
public final class Escape {
  private Escape() {}

  /**
   * Text for a terminal or a CI log (the text report): one line; control characters (C0, DEL, C1), line and
   * paragraph separators, bidirectional overrides and lone surrogates shown as {@code \n}, {@code \r},
   * {@code \t} or {@code \}{@code u001B}; and nothing the GitHub Actions runner reads as a workflow command
   * ({@code ::cmd::} at the start of a line, {@code ##[cmd]} anywhere in it): {@code \}{@code u003A:cmd::} and
   * {@code \}{@code u0023#[cmd]} instead.
   */
  public static String terminal(String text) {
    return defuseWorkflowCommands(visible(text, false));
  }

  /**
   * Multi-line text for a terminal built from untrusted names ({@code explain}): each line as {@link #terminal},
   * line breaks kept. A newline inside a name still starts a line, but no line can start a workflow command.
   */
  public static String terminalLines(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      int stop = end < 0 ? text.length() : end;
      out.append(terminal(text.substring(start, stop)));
      if (end < 0) {
        break;
      }
      out.append('\n');
      start = end + 1;
    }
    return out.toString();
  }

  /**
   * Standard error (config and usage errors, which quote the pull request's config): as {@link #terminal}, since
   * it is read by the same terminals and CI runners.
   */
  public static String stderr(String text) {
    return terminal(text);
  }

  /**
   * A Maven log message: as {@link #terminal}. Maven prints it verbatim after {@code [ERROR]}, and CI runners read
   * the build's output for workflow commands like any other step's.
   */
  public static String mavenLog(String text) {
    return terminal(text);
  }

  /**
   * A line assembled from escaped fields and the reporter's own colours: defuses workflow commands that
   * adjacent fields could form together ({@code #} at the end of one, {@code #[} at the start of the next).
   */
  public static String terminalLine(String line) {
    return defuseWorkflowCommands(line);
  }

  /**
   * The message of a GitHub workflow command ({@code ::error ...::MESSAGE}): {@code %}, CR and LF encoded as the
   * Actions toolkit does (the runner decodes them: a multi-line annotation), other control and bidirectional
   * characters shown as in {@link #terminal}, since the raw line is also shown in the job's log.
   */
  public static String workflowData(String text) {
    return visible(text, true).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A property of a workflow command ({@code file=}, {@code title=}): also {@code :} and {@code ,}, which end it. */
  public static String workflowProperty(String text) {
    return workflowData(text).replace(":", "%3A").replace(",", "%2C");
  }

  /**
   * A name or file name in Markdown: a code span, so that nothing in it is Markdown or HTML. The fence is longer
   * than any run of backticks inside (CommonMark); {@code |} is escaped as well, since GitHub splits table rows
   * at it even inside code spans.
   */
  public static String markdownCode(String text) {
    String content = visible(text, false).replace("|", "\\|");
    int longestRun = 0;
    int run = 0;
    for (int i = 0; i < content.length(); i++) {
      run = content.charAt(i) == '`' ? run + 1 : 0;
      longestRun = Math.max(longestRun, run);
    }
    String fence = "`".repeat(longestRun + 1);
    if (content.isEmpty()) {
      return "` `";
    }
    // CommonMark strips one space from each side when both are there: the padding that lets a backtick start or end.
    boolean pad = content.startsWith("`") || content.endsWith("`");
    return pad ? fence + " " + content + " " + fence : fence + content + fence;
  }

  /**
   * Prose with untrusted parts (a finding's message) in Markdown, in a table cell or a list item: one line, HTML
   * characters as entities (HTML and autolinks in angle brackets are never passed through), and backslash escapes
   * for what would start a link or an image ({@code [}), emphasis, code, a strike-through or a cell break; bare
   * URLs, e-mail addresses and {@code @mentions} made inert.
   */
  public static String markdownText(String text) {
    String line = visible(text, false);
    StringBuilder out = new StringBuilder(line.length() + 16);
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\\', '`', '*', '_', '[', ']', '~', '|', '#' -> out.append('\\').append(c);
        // GitHub links bare URLs (scheme://, www.) and e-mail addresses and notifies @mentions in PR comments:
        // an entity for the ':' of "://" and the '.' of "www.", a zero-width space after '@', render the same
        // text without the link or the ping.
        case ':' -> out.append(line.startsWith("//", i + 1) ? "&#58;" : ":");
        case '@' -> out.append("@&#8203;");
        case 'w', 'W' -> {
          if ((i == 0 || !Character.isLetterOrDigit(line.charAt(i - 1))) && line.regionMatches(true, i, "www.", 0, 4)) {
            out.append(line, i, i + 3).append("&#46;");
            i += 3;
          } else {
            out.append(c);
          }
        }
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The text of a quoted Mermaid label ({@code ["..."]}, {@code |"..."|}): characters that would end the quotes or
   * the label, start an entity, a comment or a directive ({@code %%{init: ...}%%}, which Mermaid finds anywhere in
   * the text), or be read as HTML or Markdown, written as Mermaid entity codes ({@code #35;}); one line.
   */
  public static String mermaidLabel(String text) {
    String line = visible(text, false);
    StringBuilder out = new StringBuilder(line.length() + 16);
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      switch (c) {
        case '"' -> out.append("#quot;");
        case '<' -> out.append("#lt;");
        case '>' -> out.append("#gt;");
        case '#', '%', '|', '`', '\\', '{', '}', '&' ->
            out.append('#').append((int) c).append(';');
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * JSON and SARIF text: valid Unicode, so that it encodes as UTF-8. A lone UTF-16 surrogate (a {@code "\udc00"}
   * escape in a YAML or JSON string) becomes U+FFFD; everything else is left to the JSON writer.
   */
  public static String json(String text) {
    return wellFormed(text);
  }

  /** {@code text} with every lone surrogate replaced by U+FFFD; the same string when there is none. */
  public static String wellFormed(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean lone = Character.isHighSurrogate(c)
          ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
          : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
      if (lone && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null) {
        out.append(lone ? '\uFFFD' : c);
      }
    }
    return out == null ? text : out.toString();
  }

  /**
   * Whether a terminal, a log viewer or a text renderer would act on the code point instead of showing it:
   * control characters (C0, DEL, C1), format characters (bidirectional overrides, zero-width and soft hyphen,
   * which the runner's culture-sensitive matching also skips), line and paragraph separators, lone surrogates.
   */
  public static boolean isControl(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
          Character.SURROGATE -> true;
      default -> false;
    };
  }

  /**
   * Control characters and lone surrogates as visible escapes; CR and LF kept when {@code keepLineBreaks}
   * (the caller encodes them).
   */
  private static String visible(String text, boolean keepLineBreaks) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int next = i + Character.charCount(c);
      boolean escape = isControl(c) && !(keepLineBreaks && (c == '\n' || c == '\r'));
      if (escape && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (!escape) {
          out.appendCodePoint(c);
        } else if (c == '\n') {
          out.append("\\n");
        } else if (c == '\r') {
          out.append("\\r");
        } else if (c == '\t') {
          out.append("\\t");
        } else {
          for (char unit : Character.toChars(c)) {
            out.append(String.format("\\u%04X", (int) unit));
          }
        }
      }
      i = next;
    }
    return out == null ? text : out.toString();
  }

  /**
   * The runner reads {@code ::name ...::} after leading blanks and {@code ##[name]} anywhere in a line
   * (actions/runner ActionCommand.TryParseV2 and TryParse), comparing culture-sensitively, so characters a
   * collation ignores (combining marks, fillers) may sit between; one character of each is shown as its escape.
   */
  private static String defuseWorkflowCommands(String line) {
    StringBuilder out = null;
    int start = 0;
    while (start < line.length() && (Character.isWhitespace(line.charAt(start)) || Character.isSpaceChar(line.charAt(start))
        || ignorable(line.charAt(start)))) {
      start++;
    }
    if (start < line.length() && line.charAt(start) == ':') {
      out = new StringBuilder(line.length() + 8).append(line, 0, start).append("\\u003A");
      start++;
    } else {
      start = 0;
    }
    for (int i = start; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '#' && startsCommandPrefix(line, i)) {
        if (out == null) {
          out = new StringBuilder(line.length() + 8).append(line, 0, i);
        }
        out.append("\\u0023");
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? line : out.toString();
  }

  /** Whether {@code #} at {@code at} begins {@code ##[}, ignorable characters allowed between. */
  private static boolean startsCommandPrefix(String line, int at) {
    int i = skipIgnorable(line, at + 1);
    if (i >= line.length() || line.charAt(i) != '#') {
      return false;
    }
    i = skipIgnorable(line, i + 1);
    return i < line.length() && line.charAt(i) == '[';
  }

  private static int skipIgnorable(String line, int from) {
    int i = from;
    while (i < line.length() && ignorable(line.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Characters a collation may give no weight: marks, format and control characters, surrogates, fillers. */
  private static boolean ignorable(char c) {
    return switch (Character.getType(c)) {
      case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
          Character.FORMAT, Character.CONTROL, Character.SURROGATE, Character.PRIVATE_USE,
          Character.UNASSIGNED -> true;
      default -> c == '\u115F' || c == '\u1160' || c == '\u3164' || c == '\uFFA0';
    };
  }
}
