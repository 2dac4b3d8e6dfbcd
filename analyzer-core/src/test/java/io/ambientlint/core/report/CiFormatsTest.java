package io.ambientlint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.Analyzer;
import io.ambientlint.core.config.Config;
import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.model.Service;
import io.ambientlint.core.rule.Findings;
import io.ambientlint.core.rule.Rule;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.rule.RuleRegistry;
import io.ambientlint.core.severity.Severity;
import io.ambientlint.testing.PortRule;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The CI formats, read back the way their consumers read them: JUnit XML and checkstyle XML with the JDK's
 * parser (the elements and attributes Jenkins, GitLab and reviewdog use), GitLab Code Quality against a schema
 * of GitLab's documented fields.
 */
class CiFormatsTest {

  /** Reports every Service's name with text XML and JSON writers must not pass through raw. */
  static final class HostileMessageRule implements Rule {
    static final RuleMetadata META = RuleMetadata.builder("AL996", "test-hostile").severity(Severity.WARNING)
        .summary("s").description("d").help("h").tags("test", "security").build();

    @Override
    public RuleMetadata metadata() {
      return META;
    }

    @Override
    public void check(MeshGraph graph, Findings findings) {
      for (Service s : graph.services()) {
        findings.report(META, s.resource().nameNode(), "%s: <b>&\"quoted\"]]> bell\u0007 lone\uD800 end", s.displayName());
      }
    }
  }

  @TempDir
  Path repo;
  private Path module;

  @BeforeEach
  void layout() throws IOException {
    Files.createDirectories(repo.resolve(".git"));
    module = repo.resolve("cluster-a");
    Files.createDirectories(module.resolve("deploy"));
    Files.writeString(module.resolve("deploy/web.yaml"), """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {ports: [{port: 80}]}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: legacy
          namespace: shop
          annotations: {ambient-lint.io/ignore: "AL997: moving off port 80 next quarter"}
        spec: {ports: [{port: 80}]}
        """);
    Files.write(module.resolve("deploy/broken.yaml"), new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
  }

  private AnalysisResult analyze() {
    AnalysisResult result = new Analyzer(Config.DEFAULTS, new RuleRegistry(List.of(new PortRule(), new HostileMessageRule())),
        module).analyze(List.of("deploy"), InputStream.nullInputStream());
    assertThat(result.notifications()).as("the invalid UTF-8 file is input loss").anyMatch(d -> d.kind().isInputLoss());
    return result;
  }

  private SourceRoot root() {
    return new SourceRoot(module, SourceRoot.gitWorkTree(module, module));
  }

  private static String render(Reporter reporter, AnalysisResult result) throws IOException {
    StringWriter out = new StringWriter();
    reporter.write(result, out);
    return out.toString();
  }

  private static Document parseXml(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }

  @Test
  void junitHasASuitePerRuleAndAFailurePerFindingThatCounts() throws Exception {
    AnalysisResult result = analyze();
    Document doc = parseXml(render(new JunitReporter(root()), result));
    Element suites = doc.getDocumentElement();
    assertThat(suites.getTagName()).isEqualTo("testsuites");
    List<Element> suiteList = children(suites, "testsuite");
    assertThat(suiteList).extracting(s -> s.getAttribute("name"))
        .containsExactly("AL996 test-hostile", "AL997 test-port-80", JunitReporter.TOOL_SUITE);
    int tests = 0;
    int failures = 0;
    for (Element suite : suiteList) {
      List<Element> cases = children(suite, "testcase");
      assertThat(Integer.parseInt(suite.getAttribute("tests"))).isEqualTo(cases.size());
      int suiteFailures = 0;
      int suiteSkipped = 0;
      int suiteErrors = 0;
      for (Element c : cases) {
        assertThat(c.getAttribute("classname")).startsWith("ambient-lint.").doesNotContain("/");
        assertThat(c.getAttribute("name")).isNotBlank();
        suiteFailures += children(c, "failure").size();
        suiteSkipped += children(c, "skipped").size();
        suiteErrors += children(c, "error").size();
      }
      assertThat(Integer.parseInt(suite.getAttribute("failures"))).isEqualTo(suiteFailures);
      assertThat(Integer.parseInt(suite.getAttribute("skipped"))).isEqualTo(suiteSkipped);
      assertThat(Integer.parseInt(suite.getAttribute("errors"))).isEqualTo(suiteErrors);
      tests += cases.size();
      failures += suiteFailures;
    }
    assertThat(Integer.parseInt(suites.getAttribute("tests"))).isEqualTo(tests);
    assertThat(Integer.parseInt(suites.getAttribute("failures"))).isEqualTo(failures).isEqualTo(3);

    Element port = suiteList.get(1);
    List<Element> portCases = children(port, "testcase");
    assertThat(portCases).hasSize(2);
    Element failing = portCases.stream().filter(c -> !children(c, "failure").isEmpty()).findFirst().orElseThrow();
    assertThat(failing.getAttribute("file")).isEqualTo("cluster-a/deploy/web.yaml");
    assertThat(failing.getAttribute("name")).startsWith("cluster-a/deploy/web.yaml:4:").endsWith("Service shop/web");
    Element failure = children(failing, "failure").get(0);
    assertThat(failure.getAttribute("type")).isEqualTo("error");
    assertThat(failure.getAttribute("message")).isEqualTo("Service shop/web exposes port 80 (spec.ports[0])");
    assertThat(failure.getTextContent()).contains("error AL997").contains("Rule: test-port-80");
    Element skipped = portCases.stream().filter(c -> !children(c, "skipped").isEmpty()).findFirst().orElseThrow();
    assertThat(children(skipped, "skipped").get(0).getAttribute("message")).contains("moving off port 80");

    Element hostile = children(children(suiteList.get(0), "testcase").get(0), "failure").get(0);
    assertThat(hostile.getAttribute("message")).contains("<b>&\"quoted\"]]> bell\uFFFD lone\uFFFD end");

    List<Element> toolCases = children(suiteList.get(2), "testcase");
    assertThat(toolCases).singleElement().satisfies(c -> {
      assertThat(c.getAttribute("file")).isEqualTo("cluster-a/deploy/broken.yaml");
      assertThat(children(c, "error")).hasSize(1);
    });
  }

  @Test
  void aCleanRunIsOnePassingTestSoJenkinsDoesNotFailForLackOfTests() throws Exception {
    Files.createDirectories(module.resolve("empty"));
    AnalysisResult clean = new Analyzer(Config.DEFAULTS, new RuleRegistry(List.of(new PortRule())), module)
        .analyze(List.of("empty"), InputStream.nullInputStream());
    Document doc = parseXml(render(new JunitReporter(root()), clean));
    assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("1");
    assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("0");
    List<Element> suites = children(doc.getDocumentElement(), "testsuite");
    assertThat(suites).singleElement().satisfies(s -> assertThat(children(s, "testcase")).hasSize(1));
  }

  @Test
  void gitlabCodeQualityMatchesGitLabsFieldsWithUniqueFingerprints() throws Exception {
    AnalysisResult result = analyze();
    String text = render(new GitlabCodeQualityReporter(root()), result);
    JsonNode issues = new ObjectMapper().readTree(text);
    JsonSchema schema;
    try (InputStream in = getClass().getResourceAsStream("/schemas/gitlab-code-quality.schema.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
    assertThat(schema.validate(issues)).isEmpty();
    // active findings: web (AL997), web and legacy (AL996); the suppressed one is left out; plus the unreadable file
    assertThat(issues.size()).isEqualTo(4);
    Set<String> fingerprints = new HashSet<>();
    issues.forEach(i -> fingerprints.add(i.path("fingerprint").asText()));
    assertThat(fingerprints).hasSize(issues.size());
    JsonNode port = null;
    for (JsonNode i : issues) {
      if (i.path("check_name").asText().equals("AL997")) {
        port = i;
      }
    }
    assertThat(port).isNotNull();
    assertThat(port.at("/location/path").asText()).isEqualTo("cluster-a/deploy/web.yaml");
    assertThat(port.at("/location/lines/begin").asInt()).isEqualTo(4);
    assertThat(port.path("severity").asText()).isEqualTo("major");
    assertThat(port.path("description").asText()).isEqualTo("Service shop/web exposes port 80 (spec.ports[0])");
  }

  @Test
  void theGitlabSchemaRejectsWhatGitLabWouldNotRead() throws Exception {
    JsonSchema schema;
    try (InputStream in = getClass().getResourceAsStream("/schemas/gitlab-code-quality.schema.json")) {
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
    ObjectMapper json = new ObjectMapper();
    assertThat(schema.validate(json.readTree("""
        [{"description": "d", "check_name": "c", "fingerprint": "f", "severity": "error",
          "location": {"path": "a.yaml", "lines": {"begin": 1}}}]"""))).isNotEmpty();
    assertThat(schema.validate(json.readTree("""
        [{"description": "d", "check_name": "c", "severity": "major", "location": {"path": "a.yaml", "lines": {"begin": 1}}}]""")))
        .isNotEmpty();
    assertThat(schema.validate(json.readTree("""
        [{"description": "d", "check_name": "c", "fingerprint": "f", "severity": "major", "location": {"path": "/abs/a.yaml", "lines": {"begin": 1}}}]""")))
        .isNotEmpty();
  }

  @Test
  void checkstyleIsWhatReviewdogReads() throws Exception {
    AnalysisResult result = analyze();
    Document doc = parseXml(render(new CheckstyleReporter(root()), result));
    Element root = doc.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("checkstyle");
    assertThat(root.getAttribute("version")).isEqualTo(CheckstyleReporter.FORMAT_VERSION);
    List<Element> files = children(root, "file");
    assertThat(files).extracting(f -> f.getAttribute("name"))
        .containsExactly("cluster-a/deploy/broken.yaml", "cluster-a/deploy/web.yaml");
    List<Element> errors = children(files.get(1), "error");
    assertThat(errors).hasSize(3);
    for (Element e : errors) {
      assertThat(Integer.parseInt(e.getAttribute("line"))).isPositive();
      assertThat(Integer.parseInt(e.getAttribute("column"))).isPositive();
      assertThat(e.getAttribute("severity")).isIn("error", "warning", "info");
      assertThat(e.getAttribute("message")).isNotBlank();
      assertThat(e.getAttribute("source")).startsWith("ambient-lint.AL99");
    }
    assertThat(errors).anySatisfy(e -> {
      assertThat(e.getAttribute("source")).isEqualTo("ambient-lint.AL997");
      assertThat(e.getAttribute("severity")).isEqualTo("error");
      assertThat(e.getAttribute("line")).isEqualTo("4");
    });
    assertThat(children(files.get(0), "error")).singleElement()
        .satisfies(e -> assertThat(e.getAttribute("source")).isEqualTo("ambient-lint." + Diagnostic.Kind.UNREADABLE.id()));
  }

  @Test
  void xmlTextDropsWhatXmlCannotHold() {
    assertThat(XmlReports.clean("ok \t\n\r \uD83D\uDE00")).isEqualTo("ok \t\n\r \uD83D\uDE00");
    assertThat(XmlReports.clean("a\u0000b\uDC00c\uFFFEd\uD800")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFD");
  }
}
