package io.ambientlint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ambientlint.core.Outcome;
import io.ambientlint.core.config.Config;
import io.ambientlint.core.kustomize.KustomizeRenderer;
import io.ambientlint.core.kustomize.KustomizeUnitRenderer;
import io.ambientlint.core.kustomize.RenderResult;
import io.ambientlint.core.kustomize.RenderedObject;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.load.LoadedRepository;
import io.ambientlint.core.load.RepositoryLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ambient-lint render}: the objects of each kustomization root, as {@code kustomize build} prints them. */
@Command(name = "render", mixinStandardHelpOptions = true,
    description = {"Print the objects of each Kustomize root, rendered as 'kustomize build' renders them (same "
        + "objects, same order), without kustomize, network or plugins. A folder with a kustomization renders "
        + "that folder; another folder renders every kustomization root below it (a root is a kustomization no "
        + "other kustomization references). Problems go to standard error; exit code 3 when a root could not be "
        + "rendered."})
public final class RenderCommand implements Callable<Integer>, AmbientLintCommand.NeedsEnvironment {

  enum Format { yaml, json }

  @Mixin
  AnalysisOptions analysis = new AnalysisOptions();

  @Parameters(paramLabel = "PATH", description = "Kustomization folders, or folders to search for roots (default: .).")
  List<String> paths = new ArrayList<>();

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: yaml).")
  Format format = Format.yaml;

  private Environment env;

  @Override
  public void environment(Environment env) {
    this.env = env;
    analysis.environment(env);
  }

  @Override
  public Integer call() throws Exception {
    analysis.paths(paths);
    Config config = analysis.config();
    Path cwd = env.workingDirectory();
    List<RenderResult> roots = new ArrayList<>();
    Set<Diagnostic> problems = new LinkedHashSet<>();
    // As check reads them: the working directory and the folders named here, which may lie beside it.
    KustomizeRenderer folderRenderer = new KustomizeRenderer(cwd, config.limits());
    folderRenderer.analyzedFolders(analysis.paths().stream().map(Path::of).toList());
    for (String arg : analysis.paths()) {
      Path dir = cwd.resolve(arg).normalize();
      if (Files.isDirectory(dir) && KustomizeRenderer.kustomizationIn(dir) != null) {
        RenderResult r = folderRenderer.render(arg);
        roots.add(r);
        problems.addAll(r.diagnostics());
        continue;
      }
      LoadedRepository loaded = new RepositoryLoader(cwd, config.limits(), config.exclude(), env.stdin()).load(List.of(arg));
      List<RenderResult> rendered = new KustomizeUnitRenderer(cwd, config.limits()).renderRoots(loaded);
      roots.addAll(rendered);
      rendered.forEach(r -> problems.addAll(r.diagnostics()));
    }
    for (Diagnostic d : problems) {
      env.err().println(d.path() + ":" + d.position() + ": " + d.level().label()
          + ": " + d.message());
    }
    if (format == Format.json) {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ArrayNode out = mapper.createArrayNode();
      for (RenderResult r : roots) {
        ObjectNode root = out.addObject();
        root.put("root", r.directory());
        root.put("kustomization", r.kustomizationPath());
        root.put("rendered", !r.failed());
        ArrayNode objects = root.putArray("objects");
        r.objects().forEach(o -> objects.add(o.root()));
      }
      env.out().println(mapper.writeValueAsString(out));
    } else {
      Dump dump = new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setIndent(2)
          .setIndicatorIndent(0).setWidth(Integer.MAX_VALUE).build());
      for (RenderResult r : roots) {
        env.out().println("# kustomization root: " + r.directory() + (r.failed() ? " (not rendered: see errors)" : ""));
        boolean first = true;
        for (RenderedObject o : r.objects()) {
          if (!first) {
            env.out().println("---");
          }
          first = false;
          env.out().print(dump.dumpToString(plain(o.root())));
        }
      }
    }
    env.out().flush();
    boolean failed = roots.stream().anyMatch(RenderResult::failed);
    return ExitCodes.of(failed ? Outcome.INPUT_INCOMPLETE : Outcome.PASSED);
  }

  /** Maps with sorted keys, as kustomize prints them. */
  private static Object plain(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> m = new TreeMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        m.put(e.getKey(), plain(e.getValue()));
      }
      return m;
    }
    if (node.isArray()) {
      List<Object> l = new ArrayList<>();
      node.forEach(i -> l.add(plain(i)));
      return l;
    }
    if (node.isNull()) {
      return null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    return node.asText();
  }
}
