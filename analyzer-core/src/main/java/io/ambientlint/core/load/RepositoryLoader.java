package io.ambientlint.core.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Walks the input paths and parses every manifest file. Files are parsed in parallel; results are put back
 * in path order, so the outcome does not depend on the thread count.
 */
public final class RepositoryLoader {

  public static final String STDIN = "-";
  /** ambient-lint's own config file ({@code ConfigLoader.DEFAULT_FILE}), skipped when a folder is walked. */
  static final String TOOL_CONFIG_FILE = ".ambient-lint.yaml";
  static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", "node_modules");
  private static final Set<String> KUSTOMIZATION_NAMES =
      Set.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  private final Path baseDirectory;
  private final LoadLimits limits;
  private final List<PathMatcher> excludes;
  private final List<String> excludeGlobs;
  private final InputStream stdin;

  public RepositoryLoader(Path baseDirectory, LoadLimits limits, List<String> excludeGlobs, InputStream stdin) {
    this.baseDirectory = baseDirectory.toAbsolutePath().normalize();
    this.limits = limits;
    this.excludeGlobs = List.copyOf(excludeGlobs);
    List<PathMatcher> matchers = new ArrayList<>();
    for (String glob : excludeGlobs) {
      try {
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
      } catch (IllegalArgumentException e) { // PatternSyntaxException among them; Config.build() rejects these first
        throw new IllegalArgumentException("invalid exclude glob \"" + glob + "\": "
            + (e instanceof java.util.regex.PatternSyntaxException p ? p.getDescription() : e.getMessage()), e);
      }
    }
    this.excludes = List.copyOf(matchers);
    this.stdin = stdin;
  }

  /** One file to read: where it is, and how to name it. */
  private record Input(Path file, SourceFile source) {}

  /** What one file gave: its documents, its problems, and the {@code namespace:} of a kustomization file. */
  public record FileOutcome(List<LoadedDocument> documents, List<Diagnostic> diagnostics,
      LoadedRepository.KustomizeNamespace kustomizeNamespace, JsonNode kustomization) {

    public FileOutcome(List<LoadedDocument> documents, List<Diagnostic> diagnostics,
        LoadedRepository.KustomizeNamespace kustomizeNamespace) {
      this(documents, diagnostics, kustomizeNamespace, null);
    }
  }

  public LoadedRepository load(List<String> paths) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    TreeMap<String, Input> inputs = new TreeMap<>();
    for (String arg : paths) {
      if (STDIN.equals(arg)) {
        inputs.put("<stdin>", new Input(null, new SourceFile("<stdin>", "<stdin>")));
        continue;
      }
      Path path = baseDirectory.resolve(arg).normalize();
      if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        diagnostics.add(Diagnostic.ofFile(Diagnostic.Kind.UNREADABLE, display(path), "no such file or directory"));
        continue;
      }
      if (leavesBaseDirectory(path)) {
        diagnostics.add(Diagnostic.ofFile(Diagnostic.Kind.UNREADABLE, display(path),
            "symbolic link to a place outside the working directory, not followed; name the target itself to analyze it"));
        continue;
      }
      if (Files.isDirectory(path)) {
        walk(path, diagnostics, inputs);
      } else if (!Files.isRegularFile(path)) {
        diagnostics.add(specialFile(path));
      } else {
        Path root = path.getParent() == null ? path : path.getParent();
        inputs.put(display(path), new Input(path, new SourceFile(display(path), FileNames.relative(root, path))));
      }
    }

    List<Input> ordered = new ArrayList<>(inputs.values());
    List<FileOutcome> outcomes = ordered.parallelStream().map(this::loadFile).toList();
    return assemble(ordered.stream().map(Input::source).toList(), outcomes, diagnostics);
  }

  /**
   * A path inside the working directory as written whose real location is outside it (through a symbolic
   * link): a pull request could add such a link to make the tool read files of the machine it runs on. A
   * path written outside the working directory is the caller's explicit choice and allowed.
   */
  private boolean leavesBaseDirectory(Path path) {
    if (!path.startsWith(baseDirectory)) {
      return false;
    }
    try {
      return !path.toRealPath().startsWith(baseDirectory.toRealPath());
    } catch (IOException e) {
      return false; // unreadable: reported where it is read
    }
  }

  private Diagnostic specialFile(Path path) {
    return specialFile(display(path));
  }

  private static Diagnostic specialFile(String display) {
    return Diagnostic.ofFile(Diagnostic.Kind.SKIPPED, display,
        "not a regular file (a FIFO, socket or device), not read");
  }

  /**
   * Loads manifests that do not come from the file system (a Git revision, say): each input names its file
   * and reads its bytes; {@code listingDiagnostics} are the problems met while listing them.
   */
  public LoadedRepository load(List<ManifestInput> inputs, List<Diagnostic> listingDiagnostics) {
    List<ManifestInput> ordered = new ArrayList<>(inputs);
    ordered.sort(Comparator.comparing(i -> i.source().path()));
    List<FileOutcome> outcomes = ordered.parallelStream().map(input -> {
      try {
        return parse(input.source(), input.contents().read());
      } catch (IOException e) {
        return unreadable(input.source().path(), "cannot read file: " + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : " " + e.getMessage()));
      }
    }).toList();
    return assemble(ordered.stream().map(ManifestInput::source).toList(), outcomes, new ArrayList<>(listingDiagnostics));
  }

  private static LoadedRepository assemble(List<SourceFile> sources, List<FileOutcome> outcomes,
      List<Diagnostic> diagnostics) {
    List<LoadedDocument> documents = new ArrayList<>();
    Map<String, LoadedRepository.KustomizeNamespace> kustomize = new HashMap<>();
    Map<String, JsonNode> kustomizations = new HashMap<>();
    List<SourceFile> files = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      FileOutcome outcome = outcomes.get(i);
      files.add(sources.get(i));
      documents.addAll(outcome.documents());
      diagnostics.addAll(outcome.diagnostics());
      if (outcome.kustomizeNamespace() != null) {
        kustomize.put(outcome.kustomizeNamespace().dir(), outcome.kustomizeNamespace());
      }
      if (outcome.kustomization() != null) {
        kustomizations.put(sources.get(i).path(), outcome.kustomization());
      }
    }
    diagnostics.sort(Comparator.comparing(Diagnostic::path)
        .thenComparing(d -> d.position().line()).thenComparing(d -> d.position().column())
        .thenComparing(Diagnostic::message));
    return new LoadedRepository(documents, files, diagnostics, kustomize, kustomizations);
  }

  /**
   * A folder to walk: its path, its names relative to the walked root and as reports show it, what Helm makes of
   * it, and the open handle of its parent folder to open it from (null: open it by its full path).
   */
  private record Folder(Path dir, String rootRelative, String display, boolean helmTemplates, Handle parent) {}

  /**
   * An open folder that children still waiting in the walk are opened from, by name: the kernel then resolves
   * one name per open instead of the whole path, which costs as much as the depth. Closed when its last waiting
   * child has been opened, so the walk holds at most one handle per level of the folder it is in.
   */
  private static final class Handle {
    final SecureDirectoryStream<Path> stream;
    /** How many handles of this walk are open, shared by all. */
    final int[] open;
    int waitingChildren;

    Handle(SecureDirectoryStream<Path> stream, int[] open) {
      this.stream = stream;
      this.open = open;
    }

    void childOpened() {
      if (--waitingChildren == 0) {
        closeQuietly(stream);
        open[0]--;
      }
    }
  }

  /** Beyond this many open handles, deeper folders are opened by their full path (slower, still correct). */
  static final int MAX_OPEN_HANDLES = 1024;

  /**
   * Walks a folder tree without recursion (any depth) and in time linear in the size of the tree: folders are
   * opened and examined relative to their parent's open handle where the file system supports it
   * ({@link SecureDirectoryStream}), names are built from the parent's name, and folders already seen are
   * recognised by their file key (device and inode), not by resolving their real path.
   */
  private void walk(Path root, List<Diagnostic> diagnostics, Map<String, Input> inputs) {
    Path realRoot;
    try {
      realRoot = root.toRealPath();
    } catch (IOException e) {
      diagnostics.add(Diagnostic.ofFile(Diagnostic.Kind.UNREADABLE, display(root), "cannot read folder: " + reason(e)));
      return;
    }
    Set<Object> visited = new HashSet<>();
    visited.add(folderKey(root));
    Deque<Folder> pending = new ArrayDeque<>();
    pending.push(new Folder(root, "", display(root), false, null));
    int[] openHandles = {0};
    try {
      while (!pending.isEmpty()) {
        walkFolder(pending.pop(), realRoot, visited, diagnostics, inputs, pending, openHandles);
      }
    } finally {
      for (Folder f : pending) {
        if (f.parent() != null) {
          closeQuietly(f.parent().stream);
        }
      }
    }
  }

  private DirectoryStream<Path> open(Folder folder) throws IOException {
    Handle parent = folder.parent();
    if (parent == null) {
      return Files.newDirectoryStream(folder.dir());
    }
    try {
      return parent.stream.newDirectoryStream(folder.dir().getFileName(), LinkOption.NOFOLLOW_LINKS);
    } finally {
      parent.childOpened();
    }
  }

  private void walkFolder(Folder folder, Path realRoot, Set<Object> visited, List<Diagnostic> diagnostics,
      Map<String, Input> inputs, Deque<Folder> pending, int[] openHandles) {
    Path dir = folder.dir();
    List<Path> children = new ArrayList<>();
    DirectoryStream<Path> stream;
    try {
      stream = open(folder);
    } catch (IOException | SecurityException e) {
      diagnostics.add(Diagnostic.ofFile(Diagnostic.Kind.UNREADABLE, folder.display(), "cannot list folder: " + reason(e)));
      return;
    }
    SecureDirectoryStream<Path> secure = stream instanceof SecureDirectoryStream<Path> s ? s : null;
    try {
      stream.forEach(children::add);
    } catch (RuntimeException e) { // DirectoryIteratorException, SecurityException
      closeQuietly(stream);
      diagnostics.add(Diagnostic.ofFile(Diagnostic.Kind.UNREADABLE, folder.display(), "cannot list folder: "
          + reason(e.getCause() != null ? e.getCause() : e)));
      return;
    }
    children.sort(Comparator.comparing(Path::toString));
    boolean chart = !folder.helmTemplates() && children.stream()
        .anyMatch(c -> c.getFileName().toString().equals(HELM_CHART_FILE)) && isHelmChart(dir.resolve(HELM_CHART_FILE));
    // Folders found here wait in the walk with this handle to be opened from; it is kept only if some do.
    Handle handle = secure != null && openHandles[0] < MAX_OPEN_HANDLES ? new Handle(secure, openHandles) : null;
    for (Path child : children) {
      Path fileName = child.getFileName();
      String name = fileName.toString();
      String nameText = FileNames.name(fileName);
      String rootRelative = folder.rootRelative().isEmpty() ? nameText : folder.rootRelative() + "/" + nameText;
      String display = folder.display().equals(".") ? nameText : folder.display() + "/" + nameText;
      if (isExcluded(rootRelative) || isExcluded(display)) {
        continue;
      }
      BasicFileAttributes attributes;
      boolean link = false;
      try {
        attributes = secure != null
            ? secure.getFileAttributeView(fileName, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).readAttributes()
            : Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attributes.isSymbolicLink()) {
          link = true;
          Path real;
          try {
            real = child.toRealPath();
          } catch (IOException e) {
            diagnostics.add(Diagnostic.ofFile(Diagnostic.Kind.UNREADABLE, display,
                "broken or looping symbolic link, not followed"));
            continue;
          }
          if (!real.startsWith(realRoot)) {
            diagnostics.add(Diagnostic.ofFile(Diagnostic.Kind.SKIPPED, display,
                "symbolic link points outside the analyzed folder, not followed"));
            continue;
          }
          attributes = Files.readAttributes(child, BasicFileAttributes.class);
        }
      } catch (IOException | SecurityException e) {
        diagnostics.add(Diagnostic.ofFile(Diagnostic.Kind.UNREADABLE, display, "cannot read: " + reason(e)));
        continue;
      }
      if (attributes.isDirectory()) {
        if (SKIPPED_DIRECTORIES.contains(name)) {
          continue;
        }
        Object key = attributes.fileKey() != null ? attributes.fileKey() : realPathKey(child);
        if (key == null) {
          diagnostics.add(Diagnostic.ofFile(Diagnostic.Kind.UNREADABLE, display, "cannot read folder"));
          continue;
        }
        if (!visited.add(key)) {
          diagnostics.add(Diagnostic.ofFile(Diagnostic.Kind.SKIPPED, display,
              "folder already analyzed through another path (symbolic link loop), not followed again"));
          continue;
        }
        // A linked folder is opened by its full path: opening it by name must not follow links.
        Handle from = link ? null : handle;
        if (from != null) {
          from.waitingChildren++;
        }
        pending.push(new Folder(child, rootRelative, display,
            folder.helmTemplates() || (chart && name.equals(HELM_TEMPLATES)), from));
      } else if (!attributes.isRegularFile()) {
        // A FIFO would block the read forever; devices and sockets are no manifests either.
        diagnostics.add(specialFile(display));
      } else if (name.equals(TOOL_CONFIG_FILE)) {
        continue; // ambient-lint's own configuration, not a manifest
      } else if (isManifestName(name)) {
        if (folder.helmTemplates()) {
          diagnostics.add(Diagnostic.ofFile(Diagnostic.Kind.SKIPPED, display,
              "a Helm template (in the templates/ folder of a chart): render the chart and analyze its output to check it"));
          continue;
        }
        if (chart && HELM_CHART_METADATA.contains(name)) {
          diagnostics.add(Diagnostic.ofFile(Diagnostic.Kind.SKIPPED, display,
              "Helm chart metadata or values, not a manifest"));
          continue;
        }
        inputs.put(display, new Input(child, new SourceFile(display, rootRelative)));
      }
    }
    if (handle != null && handle.waitingChildren > 0) {
      openHandles[0]++;
    } else {
      closeQuietly(stream);
    }
  }

  /** Why a file operation failed, without the path the exception names: the diagnostic names the file. */
  private static String reason(Throwable e) {
    return e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
  }

  private static void closeQuietly(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      // a folder that was only read: nothing is lost
    }
  }

  private static Object folderKey(Path dir) {
    try {
      Object key = Files.readAttributes(dir, BasicFileAttributes.class).fileKey();
      return key != null ? key : dir.toRealPath();
    } catch (IOException e) {
      return dir;
    }
  }

  /** Where the file system has no file keys: the real path (slower, still correct). */
  private static Object realPathKey(Path dir) {
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      return null;
    }
  }

  static final String HELM_CHART_FILE = "Chart.yaml";
  static final String HELM_TEMPLATES = "templates";
  /** Files of a chart's own folder that Helm reads as metadata or values, not as manifests. */
  static final Set<String> HELM_CHART_METADATA = Set.of(HELM_CHART_FILE, "Chart.lock", "values.yaml",
      "values.schema.json", "requirements.yaml", "requirements.lock");
  /** A Chart.yaml is small; a larger file is no chart description worth parsing. */
  static final int MAX_CHART_FILE_BYTES = 1 << 20;

  /** {@code file} is a readable, valid chart description: a regular file that {@link #isHelmChart(byte[])}. */
  private boolean isHelmChart(Path file) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_CHART_FILE_BYTES) {
        return false;
      }
      try (InputStream in = Files.newInputStream(file)) {
        return isHelmChart(in.readNBytes(MAX_CHART_FILE_BYTES));
      }
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  /**
   * Helm's required fields of a Chart.yaml: {@code apiVersion} v1 or v2, a {@code name} and a {@code version}.
   * Anything less (an empty file, say) is no chart, and must not hide the manifests beside it.
   */
  boolean isHelmChart(byte[] chartYaml) {
    if (chartYaml.length > MAX_CHART_FILE_BYTES) {
      return false;
    }
    Decoded decoded = decodeUtf8(chartYaml);
    if (decoded.text() == null) {
      return false;
    }
    YamlDocumentReader.Result parsed = new YamlDocumentReader(limits).read(HELM_CHART_FILE, decoded.text());
    if (parsed.documents().size() != 1 || !parsed.diagnostics().isEmpty()) {
      return false;
    }
    JsonNode chart = parsed.documents().get(0).root();
    String apiVersion = chart.path("apiVersion").asText("");
    return (apiVersion.equals("v1") || apiVersion.equals("v2")) && isNonBlankText(chart.path("name"))
        && isNonBlankText(chart.path("version"));
  }

  private static boolean isNonBlankText(JsonNode node) {
    return node.isValueNode() && !node.isNull() && !node.asText().isBlank();
  }

  LoadLimits limits() {
    return limits;
  }

  boolean isExcluded(String relative) {
    Path p = FileNames.forMatching(relative); // a name the locale cannot encode must not abort the run
    for (PathMatcher m : excludes) {
      if (m.matches(p)) {
        return true;
      }
    }
    // "dir/**" should also exclude the folder itself so it is not walked.
    for (String glob : excludeGlobs) {
      if (glob.endsWith("/**") && relative.equals(glob.substring(0, glob.length() - 3))) {
        return true;
      }
    }
    return false;
  }

  static boolean isManifestName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json") || name.equals("Kustomization");
  }

  /**
   * One file's outcome; a failure of the parser itself (a bug it has on some input) costs only this file, which
   * is reported as unreadable, never the whole run.
   */
  private FileOutcome loadFile(Input input) {
    try {
      return readFile(input);
    } catch (RuntimeException | StackOverflowError e) {
      return unreadable(input.source().path(), "could not be parsed because of an internal error (" + e.getClass().getName()
          + "); the file is not analyzed, please report it");
    }
  }

  private FileOutcome readFile(Input input) {
    String path = input.source().path();
    byte[] bytes;
    try {
      if (input.file() == null) {
        bytes = stdin.readNBytes((int) (limits.maxFileBytes() + 1));
      } else {
        long size = Files.size(input.file());
        if (size > limits.maxFileBytes()) {
          return unreadable(path, "file is " + size + " bytes, over the limit of " + limits.maxFileBytes()
              + " (limits.maxFileBytes); it is not analyzed");
        }
        // Never more than the limit allows, even if the file grows meanwhile (parse() reports one byte over).
        try (InputStream in = Files.newInputStream(input.file())) {
          bytes = in.readNBytes((int) (limits.maxFileBytes() + 1));
        }
      }
    } catch (IOException | SecurityException e) {
      return unreadable(path, "cannot read file: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage().replace(baseDirectory.toString(), ".")));
    }
    return parse(input.source(), bytes);
  }

  /**
   * Turns one file's bytes into documents and diagnostics: size limit, strict UTF-8, Kustomize and template
   * files, YAML documents and {@code kind: List} items. Whatever the bytes came from (a file, standard input,
   * a Git blob), the outcome is the same.
   */
  public FileOutcome parse(SourceFile file, byte[] bytes) {
    String path = file.path();
    List<Diagnostic> diagnostics = new ArrayList<>();
    if (bytes.length > limits.maxFileBytes()) {
      return unreadable(path, "input is over the limit of " + limits.maxFileBytes() + " bytes (limits.maxFileBytes)");
    }
    Decoded decoded = decodeUtf8(bytes);
    if (decoded.text() == null) {
      return unreadable(path, positionOfByte(bytes, decoded.badByte()),
          "not UTF-8 text (binary data or another encoding); Kubernetes manifests must be UTF-8");
    }
    String text = decoded.text();
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      return unreadable(path, positionOfChar(text, nul), "binary data (NUL bytes), not a YAML or JSON manifest");
    }
    String fileName = path.substring(path.lastIndexOf('/') + 1);
    if (KUSTOMIZATION_NAMES.contains(fileName)) {
      diagnostics.add(Diagnostic.ofFile(Diagnostic.Kind.SKIPPED, path,
          "Kustomize file: not a resource; its namespace: is applied to the manifests below it, "
              + "render with kustomize build to check generated objects"));
      return new FileOutcome(List.of(), diagnostics, kustomizeNamespace(file, text), kustomizationContent(path, text));
    }
    YamlDocumentReader.Result parsed = new YamlDocumentReader(limits).read(path, text);
    // A template that happens to parse cleanly (markers only inside strings) is still a manifest.
    if (!parsed.diagnostics().isEmpty() && TEMPLATE_ACTION.matcher(text).find()) {
      diagnostics.add(Diagnostic.ofFile(Diagnostic.Kind.SKIPPED, path,
          "template markers ({{ }}): a Helm or Go template, not YAML; render it and analyze the output"));
      return new FileOutcome(List.of(), diagnostics, null);
    }
    if (isOwnOutput(parsed)) {
      diagnostics.add(Diagnostic.ofFile(Diagnostic.Kind.SKIPPED, path,
          "written by ambient-lint (a baseline or a JSON report), not a manifest"));
      return new FileOutcome(List.of(), diagnostics, null);
    }
    diagnostics.addAll(parsed.diagnostics());
    if (parsed.documents().isEmpty() && parsed.diagnostics().isEmpty()) {
      diagnostics.add(Diagnostic.ofFile(Diagnostic.Kind.NOT_KUBERNETES, path,
          "empty file (no YAML document, only whitespace or comments): nothing to analyze"));
    }
    List<LoadedDocument> documents = new ArrayList<>();
    SourceText source = new SourceText(path, text, limits,
        parsed.diagnostics().isEmpty() ? parsed.documents().size() : -1);
    for (YamlDocumentReader.ParsedDocument doc : parsed.documents()) {
      expand(path, doc, source, documents);
    }
    return new FileOutcome(documents, diagnostics, null);
  }

  /** A baseline file or JSON report kept in the repository: {@code {"tool": "ambient-lint", "findings": [...]}}. */
  private static boolean isOwnOutput(YamlDocumentReader.Result parsed) {
    if (parsed.documents().size() != 1 || !parsed.diagnostics().isEmpty()) {
      return false;
    }
    JsonNode root = parsed.documents().get(0).root();
    return root.path("tool").asText().equals("ambient-lint") && root.path("findings").isArray() && !root.has("kind");
  }

  /** A {@code kind: List} (or {@code ServiceList} ...) contributes its items, each keeping its own positions. */
  private static void expand(String path, YamlDocumentReader.ParsedDocument doc, SourceText source,
      List<LoadedDocument> out) {
    JsonNode root = doc.root();
    JsonNode kind = root.path("kind");
    if (kind.isTextual() && kind.asText().endsWith("List") && root.path("items").isArray()) {
      JsonNode items = root.get("items");
      for (int i = 0; i < items.size(); i++) {
        out.add(new LoadedDocument(path, doc.index(), items.get(i), source, "/items/" + i));
      }
      return;
    }
    out.add(new LoadedDocument(path, doc.index(), root, source, ""));
  }

  private static final java.util.regex.Pattern TEMPLATE_ACTION = java.util.regex.Pattern.compile("\\{\\{-?\\s*[^}]*}}");

  private LoadedRepository.KustomizeNamespace kustomizeNamespace(SourceFile source, String text) {
    YamlDocumentReader reader = new YamlDocumentReader(limits);
    for (YamlDocumentReader.ParsedDocument doc : reader.read(source.path(), text).documents()) {
      JsonNode ns = doc.root().path("namespace");
      if (ns.isTextual() && !ns.asText().isBlank()) {
        String rel = source.rootRelativePath();
        String dir = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/')) : "";
        SourcePosition at = reader.sourceMaps(source.path(), text).get(doc.index()).find("/namespace");
        return new LoadedRepository.KustomizeNamespace(dir, ns.asText(), source.path(), at);
      }
    }
    return null;
  }

  private JsonNode kustomizationContent(String path, String text) {
    List<YamlDocumentReader.ParsedDocument> docs = new YamlDocumentReader(limits).read(path, text).documents();
    return docs.isEmpty() || !docs.get(0).root().isObject() ? null : docs.get(0).root();
  }

  private static FileOutcome unreadable(String path, String message) {
    return unreadable(path, SourcePosition.FILE_START, message);
  }

  private static FileOutcome unreadable(String path, SourcePosition position, String message) {
    return new FileOutcome(List.of(), List.of(Diagnostic.at(Diagnostic.Kind.UNREADABLE, path, position, message)), null);
  }

  private static int bomLength(byte[] bytes) {
    return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
  }

  /** Decoded text, or the offset of the first byte that is not UTF-8 (text null). */
  private record Decoded(String text, int badByte) {}

  /** Strict UTF-8 with an optional byte order mark; CRLF is left to the YAML reader, which accepts it. */
  static Decoded decodeUtf8(byte[] bytes) {
    int bom = bomLength(bytes);
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, bom, bytes.length - bom);
    CharBuffer out = CharBuffer.allocate(bytes.length - bom); // UTF-8 never has more chars than bytes
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    return result.isError() ? new Decoded(null, in.position()) : new Decoded(out.flip().toString(), -1);
  }

  static String decode(byte[] bytes) throws CharacterCodingException {
    Decoded decoded = decodeUtf8(bytes);
    if (decoded.text() == null) {
      throw new CharacterCodingException();
    }
    return decoded.text();
  }

  /** Line and column (in code points) of a byte offset into valid UTF-8 text. */
  private static SourcePosition positionOfByte(byte[] bytes, int offset) {
    int bom = bomLength(bytes);
    String before = new String(bytes, bom, offset - bom, StandardCharsets.UTF_8);
    return positionOfChar(before, before.length());
  }

  private static SourcePosition positionOfChar(String text, int index) {
    int end = Math.min(index, text.length());
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
        line++;
        lineStart = i + 1;
      }
    }
    return SourcePosition.point(line, text.codePointCount(lineStart, end) + 1);
  }

  private String display(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    if (abs.startsWith(baseDirectory)) {
      String rel = FileNames.relative(baseDirectory, abs);
      return rel.isEmpty() ? "." : rel;
    }
    // Outside the base directory: never print an absolute path; show the path relative to the base anyway.
    return FileNames.relative(baseDirectory, abs);
  }
}
