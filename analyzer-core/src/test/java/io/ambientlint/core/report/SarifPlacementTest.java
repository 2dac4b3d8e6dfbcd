package io.ambientlint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.Analyzer;
import io.ambientlint.core.config.Config;
import io.ambientlint.core.config.RuleSetting;
import io.ambientlint.core.rule.RuleRegistry;
import io.ambientlint.core.severity.Severity;
import io.ambientlint.testing.PortRule;
import io.ambientlint.testing.SarifSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What code scanning needs to keep runs apart and place alerts: category, repository-relative URIs, levels. */
class SarifPlacementTest {

  private static final String SERVICE = """
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: shop}
      spec: {ports: [{port: 80}]}
      """;

  @TempDir
  Path repo;

  private Path module() throws IOException {
    Files.createDirectories(repo.resolve(".git"));
    Path module = repo.resolve("cluster-a");
    Files.createDirectories(module.resolve("deploy"));
    Files.writeString(module.resolve("deploy/web.yaml"), SERVICE);
    return module;
  }

  private static AnalysisResult analyze(Config config, Path base) {
    return new Analyzer(config, new RuleRegistry(List.of(new PortRule())), base).analyze(List.of("deploy"), null);
  }

  private static JsonNode sarif(SarifReporter reporter, AnalysisResult result) throws IOException {
    StringWriter out = new StringWriter();
    reporter.write(result, out);
    assertThat(SarifSchema.violations(out.toString())).isEmpty();
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  void noAutomationDetailsUnlessACategoryIsGiven() throws IOException {
    AnalysisResult result = analyze(Config.DEFAULTS, module());
    assertThat(sarif(new SarifReporter(), result).at("/runs/0").has("automationDetails")).isFalse();
    JsonNode categorised = sarif(new SarifReporter(Optional.of("cluster-a"), SourceRoot.UNCHANGED), result);
    assertThat(categorised.at("/runs/0/automationDetails/id").asText()).isEqualTo("cluster-a/");
    JsonNode slashed = sarif(new SarifReporter(Optional.of("lint/cluster-b/"), SourceRoot.UNCHANGED), result);
    assertThat(slashed.at("/runs/0/automationDetails/id").asText()).isEqualTo("lint/cluster-b/");
  }

  @Test
  void urisAreRelativeToTheGitWorkTreeHoldingTheInput() throws IOException {
    Path module = module();
    AnalysisResult result = analyze(Config.DEFAULTS, module);
    assertThat(result.findings()).singleElement().satisfies(f -> assertThat(f.location().path()).isEqualTo("deploy/web.yaml"));
    Path root = SourceRoot.gitWorkTree(module.resolve("deploy"), module);
    assertThat(root).isEqualTo(repo.toAbsolutePath().normalize());
    JsonNode sarif = sarif(new SarifReporter(Optional.empty(), new SourceRoot(module, root)), result);
    JsonNode artifact = sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation");
    assertThat(artifact.path("uri").asText()).isEqualTo("cluster-a/deploy/web.yaml");
    assertThat(artifact.path("uriBaseId").asText()).isEqualTo(SarifReporter.SRCROOT);
    assertThat(sarif.at("/runs/0/originalUriBaseIds").has(SarifReporter.SRCROOT)).isTrue();
  }

  @Test
  void withoutGitTheFallbackIsTheRoot(@TempDir Path plain) {
    assertThat(SourceRoot.gitWorkTree(plain, plain)).isEqualTo(plain);
  }

  @Test
  void aSourceRootBelowTheWorkingDirectoryShortensPathsAndOneAboveKeepsThemRelative() throws IOException {
    Path module = module();
    assertThat(new SourceRoot(repo, module).relative("cluster-a/deploy/web.yaml")).isEqualTo("deploy/web.yaml");
    assertThat(new SourceRoot(module, repo).relative("deploy/web.yaml")).isEqualTo("cluster-a/deploy/web.yaml");
    assertThat(new SourceRoot(module.resolve("deploy"), module.resolve("other")).relative("web.yaml"))
        .isEqualTo("../deploy/web.yaml");
    assertThat(new SourceRoot(module, repo).relative("<stdin>")).isEqualTo("<stdin>");
  }

  @Test
  void everyResultCarriesItsConfiguredLevel() throws IOException {
    Path module = module();
    assertThat(sarif(new SarifReporter(), analyze(Config.DEFAULTS, module)).at("/runs/0/results/0/level").asText())
        .isEqualTo("error");
    for (Severity configured : Severity.values()) {
      Config config = Config.builder().rule(PortRule.META.id(), new RuleSetting(true, Optional.of(configured))).build();
      JsonNode sarif = sarif(new SarifReporter(), analyze(config, module));
      assertThat(sarif.at("/runs/0/results/0/level").asText()).as("level of a rule set to " + configured)
          .isEqualTo(configured.label());
    }
  }
}
