package io.ambientlint.core.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * The manifests under the analyzed paths as they are at a Git revision, read from the repository's object
 * database with JGit: no checkout, no {@code git} process, the working tree untouched. Files are chosen the way
 * {@link RepositoryLoader} chooses them on disk (manifest names, excludes, {@code .git}/{@code target}/
 * {@code node_modules}, Helm charts) and get the same display paths, so findings of both sides compare.
 * Symbolic links and submodules of the revision are not followed.
 */
public final class GitRevisionSource {

  private static boolean isolated;

  /**
   * Makes JGit, process-wide, read no system, user or JGit config and measure nothing on disk. Called before
   * each load; call it before any other JGit use in the same process (tests creating repositories).
   */
  public static synchronized void isolateJGit() {
    if (isolated) {
      return;
    }
    isolated = true;
    // Out of the box JGit runs the git program to find the system-wide gitconfig, and measures the file
    // system's timestamp resolution by writing probe files, then saves it in the user's home. ambient-lint runs
    // no programs and writes nothing outside its outputs; reading objects needs only the repository's own
    // config. So system, user and JGit config are empty and in memory, and the resolution is JGit's cautious
    // fallback (it only makes JGit re-check files more often).
    SystemReader.setInstance(new SystemReader.Delegate(SystemReader.getInstance()) {
      @Override
      public FileBasedConfig openSystemConfig(Config parent, FS fs) {
        return new InMemoryConfig(parent, fs);
      }

      @Override
      public FileBasedConfig openUserConfig(Config parent, FS fs) {
        return new InMemoryConfig(parent, fs);
      }

      @Override
      public FileBasedConfig openJGitConfig(Config parent, FS fs) {
        return new InMemoryConfig(parent, fs);
      }
    });
  }

  /** A config that reads and writes no file, and knows the timestamp resolution without measuring it. */
  private static final class InMemoryConfig extends FileBasedConfig {
    InMemoryConfig(Config parent, FS fs) {
      super(parent, null, fs);
    }

    @Override
    public void load() {
      // nothing to read
    }

    @Override
    public void save() {
      // nothing to write
    }

    @Override
    public boolean isOutdated() {
      return false;
    }

    @Override
    public long getTimeUnit(String section, String subsection, String name, long defaultValue, TimeUnit wantUnit) {
      if (ConfigConstants.CONFIG_FILESYSTEM_SECTION.equals(section)
          && ConfigConstants.CONFIG_KEY_TIMESTAMP_RESOLUTION.equals(name)) {
        return wantUnit.convert(FS.FileStoreAttributes.FALLBACK_TIMESTAMP_RESOLUTION);
      }
      return super.getTimeUnit(section, subsection, name, defaultValue, wantUnit);
    }
  }

  /** How the message of a blob missing from the object database starts (a blob-less partial clone). */
  public static final String MISSING_BLOB = "not in this clone's object database";

  private final RepositoryLoader loader;
  private final Path baseDirectory;

  /** {@code baseDirectory} must be the one {@code loader} names files relative to. */
  public GitRevisionSource(RepositoryLoader loader, Path baseDirectory) {
    this.loader = loader;
    this.baseDirectory = baseDirectory;
  }

  /** Raised when there is no repository, or the revision cannot be resolved. */
  public static final class RevisionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RevisionException(String message) {
      super(message);
    }
  }

  /** A blob to load, and the argument (file or folder, relative to the work tree) it was found under. */
  private record Blob(String gitPath, ObjectId id, String root, boolean single) {}

  /** Where the work tree and the base directory are, for one load. */
  private record Layout(Path workTree, Path base, String baseInTree) {
    Layout(Path workTree, Path base) {
      this(workTree, base, slashes(workTree.relativize(base)));
    }

    /**
     * {@code gitPath} relative to the base directory. Related as text, not through {@link Path}: a tree may hold
     * a name the file system's charset cannot encode (a byte that is not UTF-8, kept by {@link FileNames#text}).
     */
    String display(String gitPath) {
      String prefix = baseInTree;
      if (prefix.startsWith("..")) {
        // The base directory lies outside the work tree: rare, and then only names Path can hold are related.
        String rel = slashes(base.relativize(workTree.resolve(FileNames.forMatching(gitPath))));
        return rel.isEmpty() ? "." : rel;
      }
      List<String> from = prefix.isEmpty() ? List.of() : List.of(prefix.split("/"));
      List<String> to = gitPath.isEmpty() ? List.of() : List.of(gitPath.split("/"));
      int common = 0;
      while (common < from.size() && common < to.size() && from.get(common).equals(to.get(common))) {
        common++;
      }
      StringBuilder rel = new StringBuilder();
      for (int i = common; i < from.size(); i++) {
        rel.append(rel.length() == 0 ? "" : "/").append("..");
      }
      for (int i = common; i < to.size(); i++) {
        rel.append(rel.length() == 0 ? "" : "/").append(to.get(i));
      }
      return rel.length() == 0 ? "." : rel.toString();
    }
  }

  public LoadedRepository load(List<String> paths, String revision) {
    isolateJGit();
    Path base;
    try {
      base = baseDirectory.toRealPath();
    } catch (IOException e) {
      throw new RevisionException("cannot read folder " + baseDirectory.getFileName() + ": " + e.getMessage());
    }
    Repository repository;
    try {
      repository = new FileRepositoryBuilder().findGitDir(base.toFile()).setMustExist(true).build();
    } catch (IOException | IllegalArgumentException e) {
      throw new RevisionException("not inside a Git repository, so there is no revision " + revision + " to compare with");
    }
    try (repository) {
      if (repository.getDirectory() == null || repository.isBare()) {
        throw new RevisionException("not inside a Git working tree, so there is no revision " + revision + " to compare with");
      }
      ObjectId tree = resolveTree(repository, revision);
      Layout layout = new Layout(repository.getWorkTree().toPath().toRealPath(), base);
      List<Diagnostic> diagnostics = new ArrayList<>();
      Map<String, Blob> blobs = new LinkedHashMap<>();
      for (String arg : paths) {
        if (RepositoryLoader.STDIN.equals(arg)) {
          throw new RevisionException("standard input has no earlier revision to compare with");
        }
        Path path = base.resolve(arg).normalize();
        if (!path.startsWith(layout.workTree())) {
          diagnostics.add(Diagnostic.ofFile(Diagnostic.Kind.SKIPPED, slashes(base.relativize(path)),
              "outside the Git working tree: not read at revision " + revision));
          continue;
        }
        collect(repository, tree, slashes(layout.workTree().relativize(path)), layout, blobs);
      }
      long limit = loader.limits().maxFileBytes();
      List<ManifestInput> inputs = new ArrayList<>();
      for (Blob blob : blobs.values()) {
        if (!repository.getObjectDatabase().has(blob.id())) {
          // JGit does not fetch what a partial clone left out (and ambient-lint uses no network): this file's
          // content at the revision is unknown.
          diagnostics.add(Diagnostic.ofFile(Diagnostic.Kind.UNREADABLE, layout.display(blob.gitPath()),
              MISSING_BLOB + " (a partial clone without the revision's blobs); fetch the blobs of " + revision));
          continue;
        }
        // Relative to the folder argument, as on disk (a file argument: its name).
        String gitPath = blob.gitPath();
        String rootRelative = blob.single() ? gitPath.substring(gitPath.lastIndexOf('/') + 1)
            : blob.root().isEmpty() ? gitPath : gitPath.substring(blob.root().length() + 1);
        SourceFile source = new SourceFile(layout.display(gitPath), rootRelative);
        inputs.add(new ManifestInput(source, () -> read(repository, blob.id(), limit)));
      }
      // Blobs are read while the repository is open: load() reads every input before it returns.
      return loader.load(inputs, diagnostics);
    } catch (IOException e) {
      throw new RevisionException("cannot read revision " + revision + " from the Git repository: " + e.getMessage());
    }
  }

  private static ObjectId resolveTree(Repository repository, String revision) {
    try {
      ObjectId tree = repository.resolve(revision + "^{tree}");
      if (tree == null) {
        throw new RevisionException("unknown Git revision \"" + revision + "\"; in a shallow CI clone, fetch it first "
            + "(for example actions/checkout with fetch-depth: 0)");
      }
      return tree;
    } catch (RevisionSyntaxException | IOException e) {
      throw new RevisionException("invalid Git revision \"" + revision + "\": " + e.getMessage());
    }
  }

  /**
   * Adds the manifest blobs at or under {@code root} (a path relative to the work tree, empty for all of it),
   * skipping what {@link RepositoryLoader}'s walk on disk skips.
   */
  private void collect(Repository repository, ObjectId tree, String root, Layout layout, Map<String, Blob> out)
      throws IOException {
    Map<String, ObjectId> files = new LinkedHashMap<>();
    Set<String> chartFolders = new TreeSet<>();
    boolean single = false;
    try (TreeWalk walk = new TreeWalk(repository)) {
      walk.addTree(tree);
      walk.setRecursive(true);
      if (!root.isEmpty()) {
        walk.setFilter(PathFilter.create(root)); // the argument itself and everything below it
      }
      while (walk.next()) {
        if (!isRegularFile(walk.getFileMode(0))) {
          continue;
        }
        // Named from the tree's bytes as the walk on disk names files (FileNames), whatever their encoding.
        String path = FileNames.text(walk.getRawPath());
        single |= path.equals(root);
        files.put(path, walk.getObjectId(0));
        if (path.equals(RepositoryLoader.HELM_CHART_FILE) || path.endsWith("/" + RepositoryLoader.HELM_CHART_FILE)) {
          ObjectId id = walk.getObjectId(0);
          // A Chart.yaml missing from a partial clone is no chart: it is then read, and reported missing.
          if (repository.getObjectDatabase().has(id)
              && loader.isHelmChart(read(repository, id, RepositoryLoader.MAX_CHART_FILE_BYTES))) {
            chartFolders.add(parent(path));
          }
        }
      }
    }
    for (Map.Entry<String, ObjectId> file : files.entrySet()) {
      String gitPath = file.getKey();
      if (!RepositoryLoader.isManifestName(gitPath.substring(gitPath.lastIndexOf('/') + 1))) {
        continue;
      }
      boolean toolConfig = gitPath.equals(RepositoryLoader.TOOL_CONFIG_FILE) || gitPath.endsWith("/" + RepositoryLoader.TOOL_CONFIG_FILE);
      if (!single && (toolConfig || skipped(root, gitPath, layout) || insideChart(root, gitPath, chartFolders))) {
        continue; // the walk on disk reports Helm files as skipped; a comparison only needs the manifests
      }
      out.putIfAbsent(gitPath, new Blob(gitPath, file.getValue(), root, single));
    }
  }

  private static boolean isRegularFile(FileMode mode) {
    return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
  }

  /** Excluded, or below a skipped folder: judged on every folder between the argument and the file, as on disk. */
  private boolean skipped(String root, String gitPath, Layout layout) {
    String relative = root.isEmpty() ? gitPath : gitPath.substring(root.length() + 1);
    String[] parts = relative.split("/");
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        prefix.append('/');
      }
      prefix.append(parts[i]);
      if (i < parts.length - 1 && RepositoryLoader.SKIPPED_DIRECTORIES.contains(parts[i])) {
        return true;
      }
      String workTreePath = root.isEmpty() ? prefix.toString() : root + "/" + prefix;
      if (loader.isExcluded(prefix.toString()) || loader.isExcluded(layout.display(workTreePath))) {
        return true;
      }
    }
    return false;
  }

  /**
   * What the walk on disk skips of a chart with a valid {@code Chart.yaml}: its metadata files and everything
   * under its {@code templates/} folder, for charts at or below the argument's folder.
   */
  private static boolean insideChart(String root, String gitPath, Set<String> chartFolders) {
    String name = gitPath.substring(gitPath.lastIndexOf('/') + 1);
    if (chartFolders.contains(parent(gitPath)) && RepositoryLoader.HELM_CHART_METADATA.contains(name)) {
      return true;
    }
    for (String folder = parent(gitPath); !folder.isEmpty() && !folder.equals(root); folder = parent(folder)) {
      String folderName = folder.substring(folder.lastIndexOf('/') + 1);
      if (folderName.equals(RepositoryLoader.HELM_TEMPLATES) && chartFolders.contains(parent(folder))) {
        return true;
      }
    }
    return false;
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  private static byte[] read(Repository repository, ObjectId id, long limit) throws IOException {
    ObjectLoader blob = repository.open(id, Constants.OBJ_BLOB);
    try (InputStream in = blob.openStream()) {
      // Reading one byte past the limit lets the loader report the file as too large without holding it all.
      return in.readNBytes((int) (limit + 1));
    }
  }

  private static String slashes(Path p) {
    return p.toString().replace('\\', '/');
  }
}
