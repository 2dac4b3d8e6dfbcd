package io.ambientlint.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.rule.RuleRegistry;
import io.ambientlint.testing.TestGitRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.io.File;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code entrypoint.sh} under bash as the runner would: a workspace as working directory, the
 * {@code INPUT_*} variables the composite step sets, and {@code GITHUB_*} files in a temporary folder. The
 * tool is the CLI on this test's class path (through {@code AMBIENT_LINT}).
 */
class EntrypointTest {

  private static final Path SCRIPT = Path.of("entrypoint.sh").toAbsolutePath();

  @TempDir
  Path tmp;

  Path workspace;
  Path outputFile;
  Path summaryFile;
  Path launcher;
  final Map<String, String> env = new HashMap<>();

  record Run(int exitCode, String out, String err) {}

  @BeforeEach
  void fakeRunner() throws IOException {
    workspace = Files.createDirectories(tmp.resolve("workspace"));
    outputFile = Files.createFile(tmp.resolve("github_output"));
    summaryFile = Files.createFile(tmp.resolve("step_summary"));
    Path runnerTemp = Files.createDirectories(tmp.resolve("runner_temp"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    launcher = executable("ambient-lint", "#!/usr/bin/env bash\nexec '" + java + "' -cp '"
        + System.getProperty("java.class.path") + "' io.ambientlint.cli.Main \"$@\"\n");
    env.put("AMBIENT_LINT", launcher.toString());
    env.put("GITHUB_OUTPUT", outputFile.toString());
    env.put("GITHUB_STEP_SUMMARY", summaryFile.toString());
    env.put("RUNNER_TEMP", runnerTemp.toString());
    env.put("GITHUB_SERVER_URL", "https://github.com");
    env.put("GITHUB_REPOSITORY", "acme/mesh-config");
    env.put("GITHUB_SHA", "0123abc");
    env.put("INPUT_PATH", "manifests");
    env.put("INPUT_FAIL_ON", "error");
    env.put("INPUT_SARIF_FILE", "reports/ambient-lint.sarif");
    env.put("INPUT_ANNOTATIONS", "true");
    env.put("INPUT_SUMMARY", "true");
    env.put("INPUT_NEW_SINCE", "");
    env.put("INPUT_CONFIG", "");
  }

  private Path executable(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }

  private void write(String path, String text) throws IOException {
    Path p = workspace.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  private Run run() throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString()).directory(workspace.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("GITHUB_") || k.startsWith("INPUT_"));
    pb.environment().putAll(env);
    pb.redirectOutput(tmp.resolve("stdout").toFile()).redirectError(tmp.resolve("stderr").toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("entry script finished").isTrue();
    return new Run(p.exitValue(), Files.readString(tmp.resolve("stdout")), Files.readString(tmp.resolve("stderr")));
  }

  private Map<String, String> outputs() throws IOException {
    Map<String, String> out = new HashMap<>();
    for (String line : Files.readAllLines(outputFile)) {
      int eq = line.indexOf('=');
      out.put(line.substring(0, eq), line.substring(eq + 1));
    }
    return out;
  }

  private static final String SERVICE = """
      apiVersion: v1
      kind: Service
      metadata:
        name: reviews
        namespace: bookinfo
      spec:
        selector: {app: reviews}
        ports:
        - {name: http, port: 9080}
      """;

  /** Two errors: a duplicated Service (AL903) in a file whose name needs escaping, and a repeated key (AL905). */
  private void brokenRepository() throws IOException {
    write("manifests/app-reviews.yaml", SERVICE);
    write("manifests/reviews,v2:copy.yaml", SERVICE);
    write("manifests/ratings.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: ratings\n  namespace: bookinfo\n"
        + "  labels: {app: ratings, app: ratings-v2}\n");
  }

  @Test
  void findingsBecomeEscapedAnnotationsASummaryAndOutputs() throws Exception {
    brokenRepository();
    Run r = run();
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("::error file=manifests/ratings.yaml,line=6,endLine=6,col=26,endColumn=29,"
        + "title=AL905 duplicate-key::key \"app\" is repeated");
    // In a property, ':' and ',' are escaped too; in the message they are not.
    assertThat(r.out()).contains("::error file=manifests/reviews%2Cv2%3Acopy.yaml,line=4,endLine=4,col=9,endColumn=16,"
        + "title=AL903 duplicate-resource::Service bookinfo/reviews is defined again here; it is also defined at "
        + "manifests/app-reviews.yaml:4:9");
    // The readable report is printed with workflow commands stopped, so file names in it cannot be commands.
    assertThat(r.out()).containsPattern("::stop-commands::(ambient-lint-\\d+)\\n(?s).*manifests/reviews,v2:copy.yaml:4:9: error AL903.*\\n::\\1::\\n");
    assertThat(r.err()).contains("failing because of findings at or above error");

    assertThat(outputs()).containsEntry("sarif-file", "reports/ambient-lint.sarif")
        .containsEntry("findings", "2").containsEntry("errors", "2");
    assertThat(workspace.resolve("reports/ambient-lint.sarif")).content().contains("\"ruleId\" : \"AL903\"");

    String summary = Files.readString(summaryFile);
    assertThat(summary).startsWith("## ambient-lint").contains("**2 errors**, 0 warnings, 0 notes in 3 files");
    assertThat(summary).contains("[`manifests/reviews,v2:copy.yaml:4`](https://github.com/acme/mesh-config/blob/0123abc/manifests/reviews%2Cv2%3Acopy.yaml#L4)");
  }

  @Test
  void theSummaryDrawsTheWaypointsTheFindingsInvolve() throws Exception {
    write("manifests/reviews.yaml", SERVICE.replace("namespace: bookinfo", "namespace: bookinfo\n  labels: {istio.io/use-waypoint: waypoint}"));
    write("manifests/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: bookinfo, labels: {istio.io/dataplane-mode: ambient}}\n");
    Run r = run();
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("title=AL101 waypoint-not-found::");
    String summary = Files.readString(summaryFile);
    assertThat(summary).contains("| **error** | [AL101]");
    assertThat(summary.substring(summary.indexOf("| **error** | [AL101]"))).contains("""
        ### Waypoints involved

        ```mermaid
        flowchart LR
          subgraph c0 ["namespace bookinfo (ambient)"]
            n0["missing Gateway waypoint"]
            n1["Service reviews"]
          end
          n1 -.->|"use-waypoint=waypoint (own label): Gateway not found"| n0
        """);
  }

  @Test
  void aCleanRepositoryPassesWithZeroCounts() throws Exception {
    write("manifests/reviews.yaml", SERVICE);
    Run r = run();
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).doesNotContain("::error").doesNotContain("::warning");
    assertThat(outputs()).containsEntry("findings", "0").containsEntry("errors", "0");
    assertThat(Files.readString(summaryFile)).contains("0 errors, 0 warnings, 0 notes").contains("No findings.");
  }

  @Test
  void annotationsAndSummaryCanBeTurnedOffAndFailOnNoneKeepsTheStepGreen() throws Exception {
    brokenRepository();
    env.put("INPUT_ANNOTATIONS", "false");
    env.put("INPUT_SUMMARY", "false");
    env.put("INPUT_FAIL_ON", "none");
    Run r = run();
    assertThat(r.exitCode()).isZero();
    assertThat(r.out().lines().filter(l -> l.startsWith("::error") || l.startsWith("::warning"))).isEmpty();
    assertThat(Files.readString(summaryFile)).isEmpty();
    assertThat(outputs()).containsEntry("findings", "2");
  }

  @Test
  void configInputIsPassedAndAConfigErrorFailsWithCode2() throws Exception {
    brokenRepository();
    write("lint/ambient-lint.yaml", "rules: {AL903: off, AL905: warning}\n");
    env.put("INPUT_CONFIG", "lint/ambient-lint.yaml");
    Run r = run();
    assertThat(r.exitCode()).isZero();
    assertThat(outputs()).containsEntry("findings", "1").containsEntry("errors", "0");
    assertThat(r.out()).contains("::warning file=manifests/ratings.yaml,line=6");

    Files.writeString(outputFile, "");
    write("lint/ambient-lint.yaml", "bogus: 1\n");
    Run bad = run();
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("unknown key \"bogus\"").contains("usage or configuration error");
    assertThat(outputs()).containsEntry("findings", "").containsEntry("sarif-file", "reports/ambient-lint.sarif");
  }

  @Test
  void newSinceDefaultsToThePullRequestBaseAndCanBeSetOrTurnedOff() throws Exception {
    Path args = tmp.resolve("args");
    env.put("AMBIENT_LINT", executable("record-args", "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > '" + args + "'\n").toString());

    env.put("GITHUB_BASE_REF", "main");
    run();
    assertThat(Files.readAllLines(args)).containsSubsequence("--new-since", "origin/main");
    assertThat(Files.readAllLines(args)).containsSubsequence("check", "manifests", "--fail-on", "error");

    env.put("INPUT_NEW_SINCE", "v1.2.0");
    run();
    assertThat(Files.readAllLines(args)).containsSubsequence("--new-since", "v1.2.0");

    env.put("INPUT_NEW_SINCE", "none");
    run();
    assertThat(Files.readAllLines(args)).doesNotContain("--new-since");

    env.put("INPUT_NEW_SINCE", "");
    env.remove("GITHUB_BASE_REF"); // a push, not a pull request: everything is reported
    run();
    assertThat(Files.readAllLines(args)).doesNotContain("--new-since");
  }

  @Test
  void onAPullRequestOnlyWhatTheChangeIntroducesIsAnnotatedAndFails() throws Exception {
    try (TestGitRepository git = TestGitRepository.init(workspace)) {
      brokenRepository();
      // Only the rules this test is about, so that rules added later do not change the counts.
      write(".ambient-lint.yaml", "rules: {" + RuleRegistry.load().metadata().stream().map(RuleMetadata::id)
          .filter(id -> !id.equals("AL903") && !id.equals("AL905")).map(id -> id + ": off")
          .collect(Collectors.joining(", ")) + "}\n");
      git.setRef("refs/remotes/origin/main", git.commit("base: two known errors"));
      write("manifests/details.yaml", SERVICE.replace("reviews", "details").replace("selector: {app: details}",
          "selector: {app: details, app: details-v1}"));
      env.put("GITHUB_BASE_REF", "main");

      Run r = run();

      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.out().lines().filter(l -> l.startsWith("::error"))).singleElement().asString()
          .startsWith("::error file=manifests/details.yaml,line=7,").contains("title=AL905 duplicate-key");
      assertThat(outputs()).containsEntry("findings", "1").containsEntry("errors", "1")
          .containsEntry("introduced", "1").containsEntry("fixed", "0").containsEntry("unchanged", "2");
      assertThat(Files.readString(summaryFile)).contains("introduced 1, fixed 0, unchanged 2 (compared with origin/main)");

      Files.delete(workspace.resolve("manifests/details.yaml"));
      Files.delete(workspace.resolve("manifests/ratings.yaml"));
      Files.writeString(outputFile, "");
      Run fixed = run();
      assertThat(fixed.exitCode()).isZero();
      assertThat(fixed.out()).doesNotContain("::error");
      assertThat(outputs()).containsEntry("findings", "0").containsEntry("introduced", "0")
          .containsEntry("fixed", "1").containsEntry("unchanged", "1");
    }
  }

  @Test
  void severalPathsAreSeparatedBySpaces() throws Exception {
    Path args = tmp.resolve("args");
    env.put("AMBIENT_LINT", executable("record-args", "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > '" + args + "'\n").toString());
    env.put("INPUT_PATH", "clusters/prod  apps");
    run();
    List<String> recorded = Files.readAllLines(args);
    assertThat(recorded.subList(0, 4)).containsExactly("check", "clusters/prod", "apps", "--fail-on");
  }

  // ---- The whole Action, step by step as the runner runs action.yml ------------------------------------------

  private static final List<String> TOOLS = List.of("bash", "curl", "sha256sum", "cut", "awk", "sed", "grep", "head",
      "mkdir", "mv", "rm", "cat", "mktemp", "dirname", "basename", "find", "sort", "cp", "tr");

  /** A PATH with the tools the scripts use and, unless {@code withJava} is false, Java; never Maven. */
  private String pathWithoutMaven(boolean withJava) throws IOException {
    Path bin = Files.createDirectories(tmp.resolve(withJava ? "bin" : "bin-no-java"));
    for (String tool : TOOLS) {
      Path target = Stream.of(System.getenv("PATH").split(File.pathSeparator)).map(dir -> Path.of(dir, tool))
          .filter(Files::isExecutable).findFirst().orElseThrow(() -> new AssertionError(tool + " not on PATH"));
      if (!Files.exists(bin.resolve(tool))) {
        Files.createSymbolicLink(bin.resolve(tool), target);
      }
    }
    if (withJava && !Files.exists(bin.resolve("java"))) {
      Files.createSymbolicLink(bin.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
    }
    return bin.toString();
  }

  /**
   * A runnable ambient-lint.jar: its manifest starts the CLI from this test's class path (Class-Path entries),
   * so the test needs no packaged build.
   */
  private Path thinJar(Path file) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "io.ambientlint.cli.Main");
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, Stream.of(System.getProperty("java.class.path")
        .split(File.pathSeparator)).map(entry -> Path.of(entry).toUri().toString()).collect(Collectors.joining(" ")));
    Files.createDirectories(file.getParent());
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(file), manifest)) {
      jar.flush();
    }
    return file;
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  /** A release folder as GitHub serves it: ambient-lint.jar and ambient-lint.jar.sha256 (sha256sum format). */
  private Path release(Path dir) throws Exception {
    Path jar = thinJar(dir.resolve("ambient-lint.jar"));
    Files.writeString(dir.resolve("ambient-lint.jar.sha256"), sha256(jar) + "  ambient-lint.jar\n");
    return dir;
  }

  private final Map<String, String> with = new HashMap<>(Map.of("path", "manifests", "java-version", "17"));
  private final Map<String, String> github = new HashMap<>();

  private CompositeActionRunner.Result runAction(String path) throws Exception {
    Map<String, String> jobEnv = new HashMap<>(env);
    jobEnv.remove("AMBIENT_LINT");
    jobEnv.keySet().removeIf(k -> k.startsWith("INPUT_"));
    jobEnv.put("PATH", path);
    jobEnv.remove("JAVA_HOME");
    jobEnv.put("HOME", tmp.toString());
    return new CompositeActionRunner(Path.of(".")).run(with, github, jobEnv, workspace, tmp);
  }

  @Test
  void theActionRunsTheReleaseJarOfAFileUrlWithoutMaven() throws Exception {
    brokenRepository();
    Path dir = release(tmp.resolve("release"));
    env.put("AMBIENT_LINT_DOWNLOAD_URL", dir.toUri().toString());

    CompositeActionRunner.Result r = runAction(pathWithoutMaven(true));

    assertThat(r.stepsRun()).containsExactly("tool", "lint");
    assertThat(r.err()).contains("using the release jar " + dir.toUri().toString().replaceAll("/$", "")
        + "/ambient-lint.jar (sha256 " + sha256(dir.resolve("ambient-lint.jar")) + ")");
    assertThat(r.outputs().get("tool")).containsEntry("jar", tmp.resolve("runner_temp/ambient-lint-tool/ambient-lint.jar").toString())
        .doesNotContainKey("cache-key");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("title=AL905 duplicate-key::key \"app\" is repeated").contains("title=AL903 duplicate-resource::");
    assertThat(r.outputs().get("lint")).containsEntry("findings", "2").containsEntry("errors", "2");
  }

  @Test
  void theDownloadUrlDefaultsToTheReleaseOfTheTagTheActionRunsAt() throws Exception {
    write("manifests/reviews.yaml", SERVICE);
    release(tmp.resolve("server/acme/ambient-lint/releases/download/v1"));
    env.put("GITHUB_SERVER_URL", tmp.resolve("server").toUri().toString().replaceAll("/$", ""));
    github.put("action_ref", "v1");
    github.put("action_repository", "acme/ambient-lint");

    CompositeActionRunner.Result r = runAction(pathWithoutMaven(true));

    assertThat(r.err()).contains("using the release jar " + tmp.resolve("server").toUri()
        + "acme/ambient-lint/releases/download/v1/ambient-lint.jar");
    assertThat(r.exitCode()).isZero();
    assertThat(r.outputs().get("lint")).containsEntry("findings", "0");
  }

  @Test
  void aJarThatDoesNotMatchItsChecksumIsNeverRun() throws Exception {
    brokenRepository();
    Path dir = release(tmp.resolve("release"));
    Files.writeString(dir.resolve("ambient-lint.jar.sha256"), "0".repeat(64) + "  ambient-lint.jar\n");
    env.put("AMBIENT_LINT_DOWNLOAD_URL", dir.toUri().toString());

    CompositeActionRunner.Result r = runAction(pathWithoutMaven(true));

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stepsRun()).containsExactly("tool");
    assertThat(r.out()).contains("::error title=ambient-lint::" + dir.toUri().toString().replaceAll("/$", "")
        + "/ambient-lint.jar does not match its checksum (expected " + "0".repeat(64));
    assertThat(tmp.resolve("runner_temp/ambient-lint-tool/ambient-lint.jar")).doesNotExist();

    Files.delete(dir.resolve("ambient-lint.jar.sha256"));
    CompositeActionRunner.Result unchecked = runAction(pathWithoutMaven(true));
    assertThat(unchecked.exitCode()).isEqualTo(2);
    assertThat(unchecked.err()).contains("has no checksum file");
  }

  @Test
  void withoutARelease_theActionBuildsFromSourceAndSaysSoWhenMavenIsMissing() throws Exception {
    brokenRepository();
    env.put("AMBIENT_LINT_DOWNLOAD_URL", Files.createDirectories(tmp.resolve("empty-release")).toUri().toString());

    CompositeActionRunner.Result r = runAction(pathWithoutMaven(true));

    assertThat(r.stepsRun()).containsExactly("tool", "build");
    assertThat(r.outputs().get("tool").get("cache-key")).matches("ambient-lint-jar-[0-9a-f]{64}");
    assertThat(r.outputs().get("tool")).containsEntry("cache-path", tmp.resolve("runner_temp/ambient-lint-tool/build").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("no Maven to build ambient-lint from source, and no release jar (no release jar at "
        + tmp.resolve("empty-release").toUri() + "ambient-lint.jar)").doesNotContain("internal error");

    // At a branch there is no release to look for; the cache key is the same for the same sources.
    env.remove("AMBIENT_LINT_DOWNLOAD_URL");
    github.put("action_ref", "main");
    github.put("action_repository", "acme/ambient-lint");
    CompositeActionRunner.Result branch = runAction(pathWithoutMaven(true));
    assertThat(branch.err()).contains("no release jar (the Action runs at main, not a release tag)");
    assertThat(branch.outputs().get("tool").get("cache-key")).isEqualTo(r.outputs().get("tool").get("cache-key"));
  }

  @Test
  void aJarRestoredFromTheCacheIsRunWithoutMaven() throws Exception {
    write("manifests/reviews.yaml", SERVICE);
    thinJar(tmp.resolve("runner_temp/ambient-lint-tool/build/ambient-lint.jar"));

    CompositeActionRunner.Result r = runAction(pathWithoutMaven(true));

    assertThat(r.stepsRun()).containsExactly("tool", "build", "lint");
    assertThat(r.err()).contains("using the jar built earlier from the same sources");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void theJarInputComesFirst() throws Exception {
    write("manifests/reviews.yaml", SERVICE);
    Path jar = thinJar(workspace.resolve("tools/ambient-lint.jar"));
    with.put("jar", "tools/ambient-lint.jar");
    env.put("AMBIENT_LINT_DOWNLOAD_URL", tmp.resolve("no-such-release").toUri().toString());

    CompositeActionRunner.Result r = runAction(pathWithoutMaven(true));

    assertThat(r.stepsRun()).containsExactly("tool", "lint");
    assertThat(r.outputs().get("tool")).containsEntry("jar", jar.toString());
    assertThat(r.exitCode()).isZero();

    with.put("jar", "tools/missing.jar");
    CompositeActionRunner.Result missing = runAction(pathWithoutMaven(true));
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.out()).contains("::error title=ambient-lint::input jar: tools/missing.jar is not a file");
  }

  @Test
  void withoutJavaTheActionSaysHowToGetIt() throws Exception {
    write("manifests/reviews.yaml", SERVICE);
    with.put("java-version", "");
    release(tmp.resolve("release"));
    env.put("AMBIENT_LINT_DOWNLOAD_URL", tmp.resolve("release").toUri().toString());

    CompositeActionRunner.Result r = runAction(pathWithoutMaven(false));

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stepsRun()).containsExactly("tool");
    assertThat(r.err()).contains("no Java found").contains("set the input java-version").doesNotContain("internal error");
  }

  @Test
  void aMissingJarIsASetupErrorNotFindings() throws Exception {
    brokenRepository();
    env.remove("AMBIENT_LINT");
    env.put("AMBIENT_LINT_JAR", tmp.resolve("gone/ambient-lint.jar").toString());
    Run r = run();
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("gone/ambient-lint.jar: no ambient-lint jar there");
  }

  @Test
  void sarifCategoryIsPassedToTheTool() throws Exception {
    Path args = tmp.resolve("args");
    env.put("AMBIENT_LINT", executable("record-args", "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > '" + args + "'\n").toString());
    run();
    assertThat(Files.readAllLines(args)).doesNotContain("--sarif-category");

    env.put("INPUT_SARIF_CATEGORY", "ambient-lint/cluster-a");
    run();
    assertThat(Files.readAllLines(args)).containsSubsequence("--sarif-category", "ambient-lint/cluster-a");
  }

  /** A tool that prints the given workflow commands, as {@code --github-annotations} does. */
  private void toolPrinting(List<String> commands) throws IOException {
    Path lines = tmp.resolve("commands");
    Files.write(lines, commands);
    env.put("AMBIENT_LINT", executable("print-commands", "#!/usr/bin/env bash\ncat '" + lines + "'\nexit 1\n").toString());
  }

  private static List<String> annotations(String out) {
    return out.lines().filter(l -> l.matches("::(error|warning|notice) .*")).toList();
  }

  @Test
  void errorsAreAnnotatedFirstWithinGitHubsLimitsAndTheRestAreCounted() throws Exception {
    List<String> commands = new java.util.ArrayList<>();
    for (int i = 1; i <= 15; i++) {
      commands.add("::warning file=w" + i + ".yaml,line=1,title=AL402 w::warning " + i);
      commands.add("::error file=e" + i + ".yaml,line=1,title=AL101 e::error " + i);
      if (i <= 3) {
        commands.add("::notice file=n" + i + ".yaml,line=1,title=AL501 n::notice " + i);
      }
    }
    toolPrinting(commands);

    List<String> shown = annotations(run().out());

    assertThat(shown).hasSize(24);
    assertThat(shown.subList(0, 10)).allMatch(l -> l.startsWith("::error ")).first().asString().endsWith("error 1");
    assertThat(shown.get(9)).endsWith("::error 10");
    assertThat(shown.subList(10, 20)).allMatch(l -> l.startsWith("::warning "));
    assertThat(shown.subList(20, 23)).allMatch(l -> l.startsWith("::notice file="));
    assertThat(shown.get(23)).isEqualTo("::notice title=ambient-lint::10 more annotations are not shown (GitHub shows "
        + "10 errors, 10 warnings and 10 notices per step); every finding is in the job summary and the SARIF report "
        + "reports/ambient-lint.sarif");
  }

  @Test
  void tooManyNoticesAloneLeaveRoomForTheCount() throws Exception {
    List<String> commands = new java.util.ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      commands.add("::notice file=n" + i + ".yaml,line=1,title=AL501 n::notice " + i);
    }
    toolPrinting(commands);
    List<String> shown = annotations(run().out());
    assertThat(shown).hasSize(10);
    assertThat(shown.get(8)).endsWith("notice 9");
    assertThat(shown.get(9)).startsWith("::notice title=ambient-lint::3 more annotations");

    toolPrinting(commands.subList(0, 10));
    assertThat(annotations(run().out())).hasSize(10).last().asString().endsWith("notice 10");
  }
}
