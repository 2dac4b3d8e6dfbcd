package io.ambientlint.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.Analyzer;
import io.ambientlint.core.config.Config;
import io.ambientlint.core.config.ConfigLoader;
import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.rule.RuleRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Rule fixtures in the style of Error Prone's test helpers: an input YAML file (or a folder of them) under
 * {@code fixtures/ALnnn/}, with {@code # expect: ALnnn} comments on the lines where findings must start.
 * The harness runs every rule over the fixture and fails on any missing or extra finding of the folder's
 * rule and of every rule an expectation names. An id may be followed by quoted fragments that the message
 * must contain ({@code # expect: AL202 "is not respected"}, like Error Prone's
 * {@code // BUG: Diagnostic contains:}): fixtures pin the part of a message that states the runtime effect. A fixture without expectations is a near miss: the rule must
 * stay silent. Config for a fixture sits beside it as {@code NAME.ambient-lint.yaml} (or
 * {@code .ambient-lint.yaml} inside a folder fixture).
 */
public final class RuleFixtures {
  private RuleFixtures() {}

  private static final String QUOTED = "\"(?:[^\"\\\\]|\\\\.)*\"";
  private static final Pattern EXPECT =
      Pattern.compile("#\\s*expect:\\s*((?:AL\\d{3}(?:\\s*" + QUOTED + ")*[\\s,]*)+)");
  /** One expected finding: its rule id, then the message fragments quoted after it. */
  private static final Pattern EXPECTED_FINDING = Pattern.compile("(AL\\d{3})((?:\\s*" + QUOTED + ")*)");
  private static final Pattern FRAGMENT = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** An expected or actual finding: rule and line in one file. */
  public record Expectation(String path, int line, String ruleId) implements Comparable<Expectation> {
    @Override
    public int compareTo(Expectation o) {
      int c = path.compareTo(o.path);
      if (c != 0) {
        return c;
      }
      c = Integer.compare(line, o.line);
      return c != 0 ? c : ruleId.compareTo(o.ruleId);
    }

    @Override
    public String toString() {
      return path + ":" + line + " " + ruleId;
    }
  }

  /** One dynamic test per fixture under {@code root/ALnnn/}. */
  public static Stream<DynamicTest> tests(Path root) {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path fixture : fixtures(root)) {
      String ruleId = fixture.getParent().getFileName().toString();
      tests.add(DynamicTest.dynamicTest(root.relativize(fixture).toString(), fixture.toUri(),
          () -> check(root, fixture, ruleId)));
    }
    return tests.stream();
  }

  /** Every fixture (file or folder) under {@code root/ALnnn/}, sorted. */
  public static List<Path> fixtures(Path root) {
    try (Stream<Path> rules = Files.list(root)) {
      List<Path> out = new ArrayList<>();
      for (Path ruleDir : rules.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> entries = Files.list(ruleDir)) {
          entries.filter(p -> !p.getFileName().toString().endsWith(".ambient-lint.yaml")).sorted().forEach(out::add);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Does this fixture expect any finding of its folder's rule? */
  public static boolean fires(Path fixture) {
    String ruleId = fixture.getParent().getFileName().toString();
    return expectations(fixture.getParent().getParent(), fixture).stream().anyMatch(e -> e.ruleId().equals(ruleId));
  }

  public static void check(Path root, Path fixture, String ruleId) {
    AnalysisResult result = analyze(root, fixture);
    Set<Expectation> expected = expectations(root, fixture);
    Set<String> checked = new TreeSet<>();
    checked.add(ruleId);
    expected.forEach(e -> checked.add(e.ruleId()));
    Set<Expectation> actual = new TreeSet<>();
    List<String> described = new ArrayList<>();
    for (Finding f : result.findings()) {
      if (checked.contains(f.ruleId()) && !f.isSuppressed()) {
        actual.add(new Expectation(f.location().path(), f.location().position().line(), f.ruleId()));
        described.add(f.location() + ": " + f.ruleId() + " " + f.message());
      }
    }
    if (!actual.equals(expected)) {
      Set<Expectation> missing = new TreeSet<>(expected);
      missing.removeAll(actual);
      Set<Expectation> extra = new TreeSet<>(actual);
      extra.removeAll(expected);
      fail("fixture " + root.relativize(fixture) + " (rules " + checked + ")\n  missing: " + missing + "\n  unexpected: "
          + extra + "\n  all findings of these rules:\n    " + String.join("\n    ", described)
          + (result.notifications().isEmpty() ? "" : "\n  notifications: " + result.notifications()));
    }
    List<String> wrongMessages = new ArrayList<>();
    for (Map.Entry<Expectation, List<String>> pinned : messageFragments(root, fixture).entrySet()) {
      Expectation e = pinned.getKey();
      List<String> messages = result.findings().stream()
          .filter(f -> !f.isSuppressed() && f.ruleId().equals(e.ruleId()) && f.location().path().equals(e.path())
              && f.location().position().line() == e.line())
          .map(Finding::message).toList();
      for (String fragment : pinned.getValue()) {
        if (messages.stream().noneMatch(m -> m.contains(fragment))) {
          wrongMessages.add(e + " should contain \"" + fragment + "\" but says: " + messages);
        }
      }
    }
    if (!wrongMessages.isEmpty()) {
      fail("fixture " + root.relativize(fixture) + ": messages\n  " + String.join("\n  ", wrongMessages));
    }
  }

  public static AnalysisResult analyze(Path root, Path fixture) {
    Config config = configFor(root, fixture);
    return new Analyzer(config, RuleRegistry.load(), root)
        .analyze(List.of(root.relativize(fixture).toString()), new ByteArrayInputStream(new byte[0]));
  }

  private static Config configFor(Path root, Path fixture) {
    Path config = Files.isDirectory(fixture) ? fixture.resolve(".ambient-lint.yaml")
        : fixture.resolveSibling(fixture.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "") + ".ambient-lint.yaml");
    if (!Files.isRegularFile(config)) {
      return Config.DEFAULTS;
    }
    return ConfigLoader.load(config, root.relativize(config).toString(), Config.builder());
  }

  /** The {@code # expect:} comments of a fixture file or of every file in a fixture folder. */
  public static Set<Expectation> expectations(Path root, Path fixture) {
    return messageFragments(root, fixture).keySet();
  }

  /** Each expected finding with the message fragments quoted after its id (often none). */
  public static Map<Expectation, List<String>> messageFragments(Path root, Path fixture) {
    Map<Expectation, List<String>> out = new TreeMap<>();
    try (Stream<Path> files = Files.isDirectory(fixture) ? Files.walk(fixture) : Stream.of(fixture)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String path = root.relativize(file).toString().replace('\\', '/');
        List<String> lines = List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\r?\n|\r", -1));
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = EXPECT.matcher(lines.get(i));
          if (m.find()) {
            Matcher finding = EXPECTED_FINDING.matcher(m.group(1));
            while (finding.find()) {
              Expectation e = new Expectation(path, i + 1, finding.group(1));
              List<String> fragments = out.computeIfAbsent(e, k -> new ArrayList<>());
              Matcher quoted = FRAGMENT.matcher(finding.group(2));
              while (quoted.find()) {
                fragments.add(quoted.group(1).replaceAll("\\\\(.)", "$1"));
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
