package io.ambientlint.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ambientlint.testing.TestGitRepository;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a Git revision from the object database must pick the files the walk on disk picks, named alike. */
class GitRevisionSourceTest {

  @TempDir
  Path dir;

  private static LoadedRepository atRevision(Path base, List<String> excludes, String revision, String... paths) {
    RepositoryLoader loader = new RepositoryLoader(base, LoadLimits.DEFAULTS, excludes, InputStream.nullInputStream());
    return new GitRevisionSource(loader, base).load(List.of(paths), revision);
  }

  private static LoadedRepository onDisk(Path base, List<String> excludes, String... paths) {
    return new RepositoryLoader(base, LoadLimits.DEFAULTS, excludes, InputStream.nullInputStream()).load(List.of(paths));
  }

  private static List<String> kinds(LoadedRepository repo) {
    return repo.documents().stream().map(d -> d.root().path("kind").asText()).toList();
  }

  @Test
  void readsTheCommittedContentNotTheWorkingTree() throws Exception {
    try (TestGitRepository git = TestGitRepository.init(dir)) {
      git.write("m/a.yaml", "kind: A\n---\nkind: A2\n").write("m/b.yml", "kind: B\n").commit("base");
      git.write("m/a.yaml", "kind: Changed\n").write("m/c.yaml", "kind: New\n").delete("m/b.yml");

      LoadedRepository base = atRevision(dir, List.of(), "HEAD", "m");

      assertThat(kinds(base)).containsExactly("A", "A2", "B");
      assertThat(base.files()).extracting(SourceFile::path).containsExactly("m/a.yaml", "m/b.yml");
      assertThat(base.documents().get(1).positionOf("/kind").line()).isEqualTo(3);
      assertThat(kinds(onDisk(dir, List.of(), "m"))).containsExactly("Changed", "New");
    }
  }

  @Test
  void fileNamesThatAreNotUtf8AreNamedAsTheWalkOnDiskNamesThem() throws Exception {
    try (TestGitRepository git = TestGitRepository.init(dir)) {
      byte[] latin1 = {'m', '/', 'c', 'a', 'f', (byte) 0xE9, '.', 'y', 'a', 'm', 'l'};
      byte[] utf8 = "m/caf\u00e9-utf8.yaml".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      git.commitRawNames(java.util.Map.of(latin1, "kind: Latin1\n", utf8, "kind: Utf8\n"));

      LoadedRepository base = atRevision(dir, List.of(), "HEAD", "m");

      // The same text FileNames gives the file on disk: the invalid byte kept as U+DCE9, not U+FFFD or Latin-1.
      assertThat(base.files()).extracting(SourceFile::path)
          .containsExactlyInAnyOrder(FileNames.text(latin1), "m/caf\u00e9-utf8.yaml");
      assertThat(FileNames.text(latin1)).isEqualTo("m/caf\uDCE9.yaml");
      assertThat(kinds(base)).containsExactlyInAnyOrder("Latin1", "Utf8");
    }
  }

  @Test
  void choosesFilesLikeTheWalkOnDisk() throws Exception {
    try (TestGitRepository git = TestGitRepository.init(dir)) {
      git.write("m/a.yaml", "kind: A\n")
          .write("m/readme.md", "kind: NotAManifest\n")
          .write("m/target/t.yaml", "kind: Target\n")
          .write("m/node_modules/n.yaml", "kind: Node\n")
          .write("m/generated/g.yaml", "kind: Generated\n")
          .write("m/chart/Chart.yaml", "apiVersion: v2\nname: c\nversion: 1.0.0\n")
          .write("m/chart/templates/d.yaml", "kind: Templated\n")
          .write("m/sub/kustomization.yaml", "namespace: books\n")
          .write("m/sub/s.yaml", "kind: S\n")
          .write("other/o.yaml", "kind: Other\n")
          .commit("base");

      LoadedRepository base = atRevision(dir, List.of("generated/**"), "main", "m");
      LoadedRepository disk = onDisk(dir, List.of("generated/**"), "m");

      assertThat(kinds(base)).containsExactly("A", "S");
      assertThat(base.files()).isEqualTo(disk.files());
      assertThat(base.documents()).extracting(LoadedDocument::path).isEqualTo(disk.documents().stream().map(LoadedDocument::path).toList());
      assertThat(base.kustomizeNamespaces()).containsOnlyKeys("sub");
      assertThat(base.kustomizeNamespaces().get("sub").namespace()).isEqualTo("books");
    }
  }

  @Test
  void pathsAreRelativeToTheBaseDirectoryInsideTheWorkTree() throws Exception {
    try (TestGitRepository git = TestGitRepository.init(dir)) {
      git.write("deploy/mesh/a.yaml", "kind: A\n").write("deploy/mesh/b.yaml", "kind: B\n").commit("base");
      Path base = dir.resolve("deploy");

      LoadedRepository folder = atRevision(base, List.of(), "HEAD", "mesh");
      LoadedRepository file = atRevision(base, List.of(), "HEAD", "mesh/b.yaml");

      assertThat(folder.files()).isEqualTo(onDisk(base, List.of(), "mesh").files());
      assertThat(file.files()).isEqualTo(onDisk(base, List.of(), "mesh/b.yaml").files());
      assertThat(file.files()).containsExactly(new SourceFile("mesh/b.yaml", "b.yaml"));
    }
  }

  @Test
  void aPathMissingAtTheRevisionContributesNothing() throws Exception {
    try (TestGitRepository git = TestGitRepository.init(dir)) {
      git.write("m/a.yaml", "kind: A\n").commit("base");
      git.write("n/new.yaml", "kind: New\n");

      assertThat(atRevision(dir, List.of(), "HEAD", "n").documents()).isEmpty();
    }
  }

  @Test
  void parseProblemsAtTheRevisionAreDiagnosticsAsOnDisk() throws Exception {
    try (TestGitRepository git = TestGitRepository.init(dir)) {
      git.write("m/bad.yaml", "a: [unclosed\n").write("m/dup.yaml", "kind: A\nkind: B\n").commit("base");

      LoadedRepository base = atRevision(dir, List.of(), "HEAD", "m");

      assertThat(base.diagnostics()).isEqualTo(onDisk(dir, List.of(), "m").diagnostics());
      assertThat(base.diagnostics()).extracting(Diagnostic::kind)
          .containsExactly(Diagnostic.Kind.YAML_INVALID, Diagnostic.Kind.DUPLICATE_KEY);
    }
  }

  @Test
  void readingARevisionReadsAndWritesNoGitConfigOutsideTheRepository() throws Exception {
    try (TestGitRepository git = TestGitRepository.init(dir)) {
      git.write("m/a.yaml", "kind: A\n").commit("base");
      atRevision(dir, List.of(), "HEAD", "m");
    }
    // The system config would be found by running the git program; the JGit config is where JGit saves what it
    // measured of the file system. Neither is a file here.
    assertThat(((FileBasedConfig) SystemReader.getInstance().getSystemConfig()).getFile()).isNull();
    assertThat(((FileBasedConfig) SystemReader.getInstance().getUserConfig()).getFile()).isNull();
    assertThat(((FileBasedConfig) SystemReader.getInstance().getJGitConfig()).getFile()).isNull();
    try (var files = Files.walk(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith(".probe-"));
    }
  }

  @Test
  void anUnknownRevisionOrNoRepositoryIsAnError() throws Exception {
    Path plain = Files.createDirectories(dir.resolve("plain"));
    try (TestGitRepository git = TestGitRepository.init(dir.resolve("repo"))) {
      git.write("a.yaml", "kind: A\n").commit("base");
      assertThatThrownBy(() -> atRevision(git.workTree(), List.of(), "no-such-branch", "."))
          .isInstanceOf(GitRevisionSource.RevisionException.class).hasMessageContaining("unknown Git revision \"no-such-branch\"");
      assertThatThrownBy(() -> atRevision(git.workTree(), List.of(), "HEAD", "-"))
          .isInstanceOf(GitRevisionSource.RevisionException.class).hasMessageContaining("standard input");
    }
    assertThatThrownBy(() -> atRevision(plain, List.of(), "HEAD", "."))
        .isInstanceOf(GitRevisionSource.RevisionException.class).hasMessageContaining("not inside a Git repository");
  }
}
