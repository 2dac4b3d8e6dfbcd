package io.ambientlint.testing;

import io.ambientlint.core.config.Config;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.load.LoadedRepository;
import io.ambientlint.core.load.RepositoryLoader;
import io.ambientlint.core.model.ModelBuilder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds a {@link MeshGraph} from YAML text in a test, without files. */
public final class TestGraphs {
  private TestGraphs() {}

  public static MeshGraph fromYaml(String yaml) {
    return fromYaml(yaml, Config.DEFAULTS);
  }

  public static MeshGraph fromYaml(String yaml, Config config) {
    LoadedRepository repo = new RepositoryLoader(Path.of("."), config.limits(), List.of(),
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).load(List.of(RepositoryLoader.STDIN));
    ModelBuilder.Result model = new ModelBuilder(config.defaultNamespace()).build(repo);
    List<Diagnostic> diagnostics = new ArrayList<>(repo.diagnostics());
    diagnostics.addAll(model.diagnostics());
    return MeshGraph.build(model.model(), config, diagnostics, repo.files());
  }
}
