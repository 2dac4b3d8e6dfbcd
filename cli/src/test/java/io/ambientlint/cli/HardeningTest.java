package io.ambientlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientlint.testing.TestGitRepository;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 through the command line: what a pull request can contain must neither bypass the gate nor stall
 * it, and user mistakes end with one line and the documented exit code.
 */
class HardeningTest {

  @TempDir
  Path dir;

  record Run(int exitCode, String out, String err) {}

  private Run run(Path cwd, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), cwd);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Run run(String... args) {
    return run(dir, args);
  }

  private void write(Path base, String path, String text) throws IOException {
    Path p = base.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  private void write(String path, String text) throws IOException {
    write(dir, path, text);
  }

  private static void assertOneLine(Run r) {
    assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
    assertThat(r.err()).doesNotContain("\tat ").doesNotContain("    at ");
  }

  private static final String ROUTE = """
      apiVersion: gateway.networking.k8s.io/v1
      kind: HTTPRoute
      metadata: {name: reviews, namespace: books}
      spec: {parentRefs: [{group: "", kind: Service, name: reviews}]}
      """;
  private static final String SERVICE = """
      apiVersion: v1
      kind: Service
      metadata: {name: reviews, namespace: books, labels: {istio.io/use-waypoint: waypoint}}
      spec: {ports: [{name: http, port: 9080}]}
      """;
  private static final String GATEWAY = """
      apiVersion: gateway.networking.k8s.io/v1
      kind: Gateway
      metadata: {name: waypoint, namespace: books}
      spec: {gatewayClassName: istio-waypoint, listeners: [{name: mesh, port: 15008, protocol: HBONE}]}
      """;

  // ---- --new-since in a partial clone ----------------------------------------------------------------------

  /** The pull request deletes the waypoint: at the base revision the Service's waypoint existed. */
  private String baseWithWaypointThenDeleteIt(TestGitRepository git) throws Exception {
    git.write("mesh/service.yaml", SERVICE).write("mesh/waypoint.yaml", GATEWAY).write("mesh/route.yaml", ROUTE);
    String base = git.commit("base");
    git.delete("mesh/waypoint.yaml");
    git.commit("delete the waypoint");
    return base;
  }

  private static ObjectId blobAt(Path repo, String revision, String path) throws IOException {
    try (Repository r = new FileRepositoryBuilder().setWorkTree(repo.toFile()).build();
        TreeWalk walk = TreeWalk.forPath(r, path, r.resolve(revision + "^{tree}"))) {
      return walk.getObjectId(0);
    }
  }

  @Test
  void missingBlobsOfTheBaseMakeTheComparisonIncomplete() throws Exception {
    String base;
    try (TestGitRepository git = TestGitRepository.init(dir)) {
      base = baseWithWaypointThenDeleteIt(git);
    }
    Run complete = run("mesh", "--new-since", base, "--fail-on", "none");
    assertThat(complete.exitCode()).as(complete.out()).isZero();
    assertThat(complete.out()).contains("introduced ");

    // What a blob-less partial clone lacks: the base's blob of the deleted file (JGit wrote it loose).
    String blob = blobAt(dir, base, "mesh/waypoint.yaml").name();
    Files.delete(dir.resolve(".git/objects/" + blob.substring(0, 2) + "/" + blob.substring(2)));

    Run partial = run("mesh", "--new-since", base, "--fail-on", "none");
    assertThat(partial.exitCode()).as(partial.out()).isEqualTo(3);
    assertThat(partial.out()).contains("mesh/waypoint.yaml").contains("not in this clone's object database")
        .contains("the comparison is incomplete").contains("fetch the base revision's blobs");
  }

  @Test
  void aRealBloblessCloneIsAnIncompleteComparison() throws Exception {
    Assumptions.assumeTrue(gitWorks(), "no git program");
    Path origin = dir.resolve("origin");
    String base;
    try (TestGitRepository git = TestGitRepository.init(origin)) {
      base = baseWithWaypointThenDeleteIt(git);
    }
    Path clone = dir.resolve("clone");
    // The serving side must allow filters (its own config: the upload-pack process does not read -c options).
    Assumptions.assumeTrue(git(origin, "config", "uploadpack.allowFilter", "true") == 0, "git config failed");
    int status = git(dir, "-c", "protocol.file.allow=always", "clone", "-q",
        "--filter=blob:none", "--no-local", "file://" + origin.toAbsolutePath(), clone.toString());
    Assumptions.assumeTrue(status == 0, "git cannot make a partial clone here");
    // The checkout fetched the blobs of the head; the base's deleted waypoint is not among them.
    Run r = run(clone, "mesh", "--new-since", base, "--fail-on", "none");
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(3);
    assertThat(r.out()).contains("mesh/waypoint.yaml").contains("fetch the base revision's blobs");
  }

  private static boolean gitWorks() {
    try {
      return git(Path.of("."), "--version") == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static int git(Path cwd, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }

  // ---- paths -----------------------------------------------------------------------------------------------

  @Test
  void aTopLevelSymlinkOutOfTheWorkingDirectoryIsRefused() throws IOException {
    Path repo = dir.resolve("repo");
    write("elsewhere/secret.yaml", SERVICE);
    write(repo, "ok/route.yaml", ROUTE);
    Files.createSymbolicLink(repo.resolve("manifests"), dir.resolve("elsewhere"));
    Files.createSymbolicLink(repo.resolve("one.yaml"), dir.resolve("elsewhere/secret.yaml"));
    Run r = run(repo, "manifests", "one.yaml", "ok", "-f", "json");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).contains("symbolic link to a place outside the working directory").doesNotContain("secret")
        .contains("ok/route.yaml");
    // A link that stays inside is followed.
    Files.createSymbolicLink(repo.resolve("alias"), repo.resolve("ok"));
    assertThat(run(repo, "alias", "-f", "json").out()).contains("alias/route.yaml");
  }

  @Test
  void anEmptyChartYamlHidesNothingAndAValidChartOnlyItsTemplates() throws IOException {
    write("repo/apps/Chart.yaml", "");
    write("repo/apps/books/service.yaml", SERVICE);
    write("repo/chart/Chart.yaml", "apiVersion: v2\nname: mesh\nversion: 1.2.3\n");
    write("repo/chart/values.yaml", "replicas: 1\n");
    write("repo/chart/templates/route.yaml", "metadata:\n  name: {{ .Values.name }}\n");
    write("repo/chart/crds/route.yaml", ROUTE);
    Run r = run("repo", "-f", "json");
    // Read: the Service below the empty Chart.yaml, the chart's crds/ (plain manifests Helm applies as they are).
    assertThat(r.out()).contains("\"path\" : \"repo/apps/books/service.yaml\"").contains("\"files\" : 3")
        .doesNotContain("\"path\" : \"repo/chart/crds/route.yaml\"");
    assertThat(r.out()).contains("a Helm template (in the templates/ folder of a chart)")
        .contains("Helm chart metadata or values");
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aFifoIsSkippedWithANoteAndNeverRead() throws Exception {
    write("repo/route.yaml", ROUTE);
    Path fifo = dir.resolve("repo/pipe.yaml");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      Assumptions.abort("no mkfifo");
      return;
    }
    Assumptions.assumeTrue(mkfifo.waitFor() == 0 && Files.exists(fifo), "cannot make a FIFO here");
    Run folder = run("repo", "-f", "json");
    assertThat(folder.out()).contains("repo/pipe.yaml").contains("not a regular file (a FIFO, socket or device)");
    assertThat(folder.exitCode()).isNotEqualTo(4);
    Run named = run("repo/pipe.yaml", "-f", "json");
    assertThat(named.out()).contains("not a regular file");
  }

  @Test
  void deepFolderTreesAreWalked() throws IOException {
    // Deep enough that a walk costing the depth per folder (real paths) or recursing would be slow or
    // overflow; bounded test: it completes and finds the file at the bottom.
    Path deep = dir.resolve("repo");
    StringBuilder relative = new StringBuilder("repo");
    for (int i = 0; i < 1_500; i++) {
      relative.append("/d");
    }
    Path bottom = dir.resolve(relative.toString());
    Files.createDirectories(bottom);
    Files.writeString(bottom.resolve("route.yaml"), ROUTE);
    Run r = run(dir, "repo", "-f", "json");
    assertThat(deep).isDirectory();
    assertThat(r.out()).contains("/d/route.yaml");
  }

  // ---- config-named files ----------------------------------------------------------------------------------

  @Test
  void configNamedFilesMustLieInsideTheRepository() throws IOException {
    Path repo = dir.resolve("repo");
    write(repo, "m/route.yaml", ROUTE);
    write("outside/baseline.json", "{\"findings\": []}");
    write(repo, ".ambient-lint.yaml", "baseline: ../outside/baseline.json\n");
    Run r = run(repo, "m");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(".ambient-lint.yaml:1:11: baseline \"../outside/baseline.json\" is outside the repository");
    assertOneLine(r);

    Files.createSymbolicLink(repo.resolve("crds"), dir.resolve("outside"));
    write(repo, ".ambient-lint.yaml", "crds: [crds]\n");
    Run link = run(repo, "m");
    assertThat(link.exitCode()).isEqualTo(2);
    assertThat(link.err()).contains(".ambient-lint.yaml:1:8: crds \"crds\" is outside the repository");

    // On the command line the runner chooses: allowed.
    Files.delete(repo.resolve(".ambient-lint.yaml"));
    Run cli = run(repo, "m", "--baseline", "../outside/baseline.json", "--fail-on", "none");
    assertThat(cli.exitCode()).as(cli.err()).isZero();
  }

  // ---- user mistakes ---------------------------------------------------------------------------------------

  @Test
  void userMistakesAreOneLineAndExitTwo() throws IOException {
    write("m/route.yaml", ROUTE);
    Files.createDirectories(dir.resolve("out"));

    Run output = run("m", "-f", "json", "-o", "out");
    assertThat(output.exitCode()).isEqualTo(2);
    assertThat(output.err()).contains("--output out: is a folder");
    assertOneLine(output);

    Run glob = run("m", "--exclude", "a/[b");
    assertThat(glob.exitCode()).isEqualTo(2);
    assertThat(glob.err()).contains("--exclude \"a/[b\": invalid glob");
    assertOneLine(glob);

    write(".ambient-lint.yaml", "exclude: [\"x/{a\"]\n");
    Run configGlob = run("m");
    assertThat(configGlob.exitCode()).isEqualTo(2);
    assertThat(configGlob.err()).contains(".ambient-lint.yaml:1:11: invalid exclude glob");
    assertOneLine(configGlob);

    write(".ambient-lint.yaml", "rules:\n  AL305: off\n  AL999: error\n");
    Run rule = run("m");
    assertThat(rule.exitCode()).isEqualTo(2);
    assertThat(rule.err()).contains(".ambient-lint.yaml:3:3: unknown rule AL999");
    assertOneLine(rule);

    write(".ambient-lint.yaml", "limits: {maxFileBytes: 9223372036854775807}\n");
    Run huge = run("m");
    assertThat(huge.exitCode()).isEqualTo(2);
    assertThat(huge.err()).contains("maxFileBytes must be a positive integer of at most 2147483631");
    write(".ambient-lint.yaml", "limits: {maxFileBytes: 99999999999999999999999}\n");
    assertThat(run("m").exitCode()).isEqualTo(2);
  }

  @Test
  void runningOutOfMemoryIsOneLineAndExitThree() {
    // Standard input that "runs out of memory" while the file is read: the error passes every handler on the way.
    java.io.InputStream exhausted = new java.io.InputStream() {
      @Override
      public int read() {
        throw new OutOfMemoryError("Java heap space");
      }

      @Override
      public int read(byte[] b, int off, int len) {
        throw new OutOfMemoryError("Java heap space");
      }
    };
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"-"}, exhausted, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), dir);
    Run r = new Run(code, "", err.toString(StandardCharsets.UTF_8));
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).startsWith("ambient-lint: out of memory").contains("--debug");
    assertOneLine(r);
  }

  @Test
  void debugIsAcceptedEverywhere() throws IOException {
    write("m/route.yaml", ROUTE);
    assertThat(run("m", "--debug", "--fail-on", "none").exitCode()).isZero();
    assertThat(run("check", "--debug", "m", "--fail-on", "none").exitCode()).isZero();
  }
}
