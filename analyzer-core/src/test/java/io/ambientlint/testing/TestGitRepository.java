package io.ambientlint.testing;

import io.ambientlint.core.load.GitRevisionSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import java.util.Map;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
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

  /**
   * Commits exactly {@code files} (path bytes to content) on the current branch, bypassing the working tree: a
   * Java String cannot name a file whose name is not UTF-8, a Git tree can.
   */
  public String commitRawNames(Map<byte[], String> files) throws IOException {
    var repository = git.getRepository();
    try (ObjectInserter inserter = repository.newObjectInserter()) {
      DirCache index = DirCache.newInCore();
      DirCacheBuilder builder = index.builder();
      for (Map.Entry<byte[], String> file : files.entrySet()) {
        DirCacheEntry entry = new DirCacheEntry(file.getKey());
        entry.setFileMode(FileMode.REGULAR_FILE);
        entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, file.getValue().getBytes(StandardCharsets.UTF_8)));
        builder.add(entry);
      }
      builder.finish();
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(index.writeTree(inserter));
      ObjectId head = repository.resolve(Constants.HEAD);
      if (head != null) {
        commit.setParentId(head);
      }
      PersonIdent who = new PersonIdent("Test", "test@example.invalid");
      commit.setAuthor(who);
      commit.setCommitter(who);
      commit.setMessage("raw names");
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      RefUpdate update = repository.updateRef(Constants.HEAD);
      update.setNewObjectId(id);
      update.forceUpdate();
      return id.getName();
    }
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
