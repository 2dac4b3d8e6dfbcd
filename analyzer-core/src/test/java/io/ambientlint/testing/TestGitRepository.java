package io.ambientlint.testing;

import io.ambientlint.core.load.GitRevisionSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;

/** A real Git repository in a test folder, built with JGit: write files, delete them, commit everything. */
public final class TestGitRepository implements AutoCloseable {

  private final Path workTree;
  private final Git git;

  private TestGitRepository(Path workTree, Git git) {
    this.workTree = workTree;
    this.git = git;
  }

  public static TestGitRepository init(Path workTree) throws GitAPIException {
    GitRevisionSource.isolateJGit(); // else JGit would run git and write its config in the home folder
    return new TestGitRepository(workTree, Git.init().setDirectory(workTree.toFile()).setInitialBranch("main").call());
  }

  public Path workTree() {
    return workTree;
  }

  public TestGitRepository write(String path, String text) throws IOException {
    Path file = workTree.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return this;
  }

  public TestGitRepository delete(String path) throws IOException {
    Files.delete(workTree.resolve(path));
    return this;
  }

  /** Stages every change (additions, edits, deletions) and commits; returns the commit id. */
  public String commit(String message) throws GitAPIException {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    PersonIdent who = new PersonIdent("Test", "test@example.invalid");
    return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call().getName();
  }

  public void tag(String name) throws GitAPIException {
    git.tag().setName(name).setAnnotated(false).call();
  }

  /** Points a reference ({@code refs/remotes/origin/main}, say) at a commit, as a fetch would. */
  public void setRef(String name, String commit) throws IOException {
    RefUpdate update = git.getRepository().updateRef(name);
    update.setNewObjectId(ObjectId.fromString(commit));
    update.forceUpdate();
  }

  @Override
  public void close() {
    git.close();
  }
}
