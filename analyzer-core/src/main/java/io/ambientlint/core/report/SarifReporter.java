package io.ambientlint.core.report;

import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.OriginalUriBaseIds;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.ReportingDescriptorReference;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.RunAutomationDetails;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Suppression;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.Comparison;
import io.ambientlint.core.ToolInfo;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.load.SourcePosition;
import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.rule.RelatedLocation;
import io.ambientlint.core.rule.RuleMetadata;
import io.ambientlint.core.text.Escape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * SARIF 2.1.0 for GitHub code scanning, built with the java-sarif model: the full rule catalogue, one result
 * per finding with its exact region and related locations, stable partial fingerprints, suppressions, and
 * the files that could not be analyzed as tool execution notifications.
 */
public final class SarifReporter implements Reporter {

  public static final String SRCROOT = "%SRCROOT%";
  /** GitHub code scanning's limits on an uploaded SARIF file; over them the upload is rejected or cut. */
  public static final int GITHUB_MAX_RESULTS = 25_000;
  public static final int GITHUB_MAX_RELATED_LOCATIONS = 1_000;
  public static final int GITHUB_MAX_TAGS_PER_RULE = 20;
  public static final long GITHUB_MAX_GZIP_BYTES = 10L * 1024 * 1024;
  /** Messages quote input (a repeated key, say); a hostile file must not make one result megabytes long. */
  public static final int MAX_MESSAGE_CHARS = 2_000;
  public static final String FINGERPRINT_KEY = "ambientLintFingerprint/v1";

  /**
   * Writes UTF-8 straight from the model, each string made well-formed as it is written (a lone surrogate from the
   * input becomes U+FFFD) and a surrogate pair written as its one four-byte character: a report of 100,000
   * resources is tens of megabytes, which as one Java string was copied and scanned four times over.
   */
  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build())
      .registerModule(new SimpleModule("well-formed strings")
          .addSerializer(String.class, new WellFormedString())
          .addKeySerializer(String.class, new WellFormedKey()))
      .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .addMixIn(Result.class, LevelAlwaysWritten.class);

  /**
   * java-sarif leaves out values equal to SARIF's defaults, so a result at "warning" had no level and GitHub
   * took the rule's default level instead (error, say): a severity lowered in the config did not show.
   */
  private abstract static class LevelAlwaysWritten {
    @JsonInclude(JsonInclude.Include.ALWAYS)
    Result.Level level;
  }

  private final Optional<String> category;
  private final SourceRoot sourceRoot;

  /**
   * @param category {@code automationDetails.id} is this category followed by {@code /} (as upload-sarif writes
   *     its {@code category} input). Empty: no automation details, so upload-sarif's own category applies and
   *     two ambient-lint files of one commit (matrix jobs, modules) stay apart.
   * @param sourceRoot the repository root the artifact URIs are relative to ({@code %SRCROOT%})
   */
  public SarifReporter(Optional<String> category, SourceRoot sourceRoot) {
    this.category = category.filter(c -> !c.isBlank()).map(c -> c.endsWith("/") ? c : c + "/");
    this.sourceRoot = sourceRoot;
  }

  public SarifReporter() {
    this(Optional.empty(), SourceRoot.UNCHANGED);
  }

  @Override
  public void write(AnalysisResult result, Writer out) throws IOException {
    Utf8 text = renderUtf8(result, GITHUB_MAX_GZIP_BYTES);
    // Decoded piece by piece into the writer: never the whole report as one string.
    try (Reader in = new InputStreamReader(text.asStream(), StandardCharsets.UTF_8)) {
      in.transferTo(out);
    }
    out.flush();
  }

  /** The SARIF text (see {@link #renderUtf8}). */
  String render(AnalysisResult result, long maxGzipBytes) throws IOException {
    return renderUtf8(result, maxGzipBytes).toString(StandardCharsets.UTF_8);
  }

  /**
   * The SARIF text as UTF-8, with as many results as fit in {@code maxGzipBytes} once compressed (GitHub's 10
   * MB): when over, the results are halved until the file fits, and a notification says how many were left out.
   */
  private Utf8 renderUtf8(AnalysisResult result, long maxGzipBytes) throws IOException {
    int maxResults = GITHUB_MAX_RESULTS;
    while (true) {
      Utf8 text = new Utf8();
      MAPPER.writeValue(text, toSarif(result, maxResults));
      text.write('\n');
      // gzip never shrinks text below a few bytes per kilobyte, so small files need no measuring.
      if (text.size() <= maxGzipBytes || maxResults == 0 || gzipSize(text) <= maxGzipBytes) {
        return text;
      }
      maxResults = Math.min(maxResults, result.findings().size()) / 2;
    }
  }

  /** Bytes written, readable again without a copy. */
  private static final class Utf8 extends ByteArrayOutputStream {
    Utf8() {
      super(64 * 1024);
    }

    InputStream asStream() {
      return new ByteArrayInputStream(buf, 0, count);
    }
  }

  private static long gzipSize(ByteArrayOutputStream bytes) throws IOException {
    CountingOutputStream counter = new CountingOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(counter)) {
      bytes.writeTo(gzip);
    }
    return counter.count;
  }

  private static final class WellFormedString extends StdSerializer<String> {
    private static final long serialVersionUID = 1L;

    WellFormedString() {
      super(String.class);
    }

    @Override
    public boolean isEmpty(SerializerProvider provider, String value) {
      return value == null || value.isEmpty(); // as Jackson's own: NON_EMPTY leaves out ""
    }

    @Override
    public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(Escape.json(value));
    }
  }

  private static final class WellFormedKey extends StdSerializer<String> {
    private static final long serialVersionUID = 1L;

    WellFormedKey() {
      super(String.class);
    }

    @Override
    public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeFieldName(Escape.json(value));
    }
  }

  private static final class CountingOutputStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }

  public SarifSchema210 toSarif(AnalysisResult result) {
    return toSarif(result, GITHUB_MAX_RESULTS);
  }

  private SarifSchema210 toSarif(AnalysisResult result, int maxResults) {
    Map<String, Integer> ruleIndex = new HashMap<>();
    Set<ReportingDescriptor> rules = new LinkedHashSet<>(); // catalogue order keeps ruleIndex right
    for (RuleMetadata m : result.rules()) {
      ruleIndex.put(m.id(), rules.size());
      rules.add(descriptor(m));
    }
    List<Result> results = new ArrayList<>();
    List<Notification> notifications = new ArrayList<>();
    for (Finding f : result.findings()) {
      if (results.size() == maxResults) {
        notifications.add(new Notification().withLevel(Notification.Level.WARNING)
            .withDescriptor(new ReportingDescriptorReference().withId("truncated"))
            .withMessage(text(result.findings().size() + " findings; only the first " + maxResults
                + " are in this SARIF file, to stay within GitHub's limits (" + GITHUB_MAX_RESULTS
                + " results, 10 MB compressed); the text and JSON reports list them all")));
        break;
      }
      Result r = result(f, ruleIndex.getOrDefault(f.ruleId(), -1));
      // Findings fixed since the baseline or revision are not written as "absent" results: code scanning
      // would show them as alerts at places that may no longer exist.
      result.comparison().flatMap(c -> c.stateOf(f)).ifPresent(state -> r.setBaselineState(
          state == Comparison.State.NEW ? Result.BaselineState.NEW : Result.BaselineState.UNCHANGED));
      results.add(r);
    }
    for (Diagnostic d : result.notifications()) {
      notifications.add(notification(d));
    }
    Invocation invocation = new Invocation()
        .withExecutionSuccessful(result.notificationsOf(Diagnostic.Kind.RULE_FAILURE).isEmpty())
        .withToolExecutionNotifications(notifications);
    OriginalUriBaseIds baseIds = new OriginalUriBaseIds();
    baseIds.setAdditionalProperty(SRCROOT, new ArtifactLocation().withDescription(
        text("The repository root: the Git work tree holding the analyzed files, or --source-root.")));
    Run run = new Run()
        .withTool(new Tool().withDriver(new ToolComponent()
            .withName(ToolInfo.NAME)
            .withVersion(ToolInfo.VERSION)
            .withSemanticVersion(ToolInfo.VERSION)
            .withInformationUri(URI.create(ToolInfo.INFORMATION_URI))
            .withRules(rules)))
        .withAutomationDetails(category.map(id -> new RunAutomationDetails().withId(id)).orElse(null))
        .withOriginalUriBaseIds(baseIds)
        .withColumnKind(Run.ColumnKind.UNICODE_CODE_POINTS)
        .withInvocations(List.of(invocation))
        .withResults(results);
    return new SarifSchema210()
        .with$schema(URI.create("https://json.schemastore.org/sarif-2.1.0.json"))
        .withVersion(SarifSchema210.Version._2_1_0)
        .withRuns(List.of(run));
  }

  private static ReportingDescriptor descriptor(RuleMetadata m) {
    PropertyBag properties = new PropertyBag()
        .withTags(new LinkedHashSet<>(m.tags().stream().limit(GITHUB_MAX_TAGS_PER_RULE).toList()));
    properties.setAdditionalProperty("precision", m.precision());
    properties.setAdditionalProperty("problem.severity", m.severity().label());
    properties.setAdditionalProperty("since", m.since());
    m.securitySeverity().ifPresent(s -> properties.setAdditionalProperty("security-severity", String.format(java.util.Locale.ROOT, "%.1f", s)));
    return new ReportingDescriptor()
        .withId(m.id())
        .withName(m.name())
        .withShortDescription(new MultiformatMessageString().withText(m.summary()))
        .withFullDescription(new MultiformatMessageString().withText(m.description()))
        .withHelp(new MultiformatMessageString().withText(m.help()).withMarkdown(RuleDocs.helpMarkdown(m)))
        .withHelpUri(URI.create(ToolInfo.ruleDocUri(m.id())))
        .withDefaultConfiguration(new ReportingConfiguration().withLevel(level(m.severity())))
        .withProperties(properties);
  }

  private static ReportingConfiguration.Level level(io.ambientlint.core.severity.Severity s) {
    return switch (s) {
      case ERROR -> ReportingConfiguration.Level.ERROR;
      case WARNING -> ReportingConfiguration.Level.WARNING;
      case NOTE -> ReportingConfiguration.Level.NOTE;
    };
  }

  private Result result(Finding f, int index) {
    Result.Level level = switch (f.severity()) {
      case ERROR -> Result.Level.ERROR;
      case WARNING -> Result.Level.WARNING;
      case NOTE -> Result.Level.NOTE;
    };
    PartialFingerprints fingerprints = new PartialFingerprints();
    fingerprints.setAdditionalProperty(FINGERPRINT_KEY, f.fingerprint());
    Set<Location> related = new LinkedHashSet<>();
    int id = 1;
    for (RelatedLocation r : f.related()) {
      if (related.size() == GITHUB_MAX_RELATED_LOCATIONS) {
        break;
      }
      related.add(location(r.location()).withId(id++).withMessage(text(r.message())));
    }
    Result result = new Result()
        .withRuleId(f.ruleId())
        .withRuleIndex(index < 0 ? null : index)
        .withLevel(level)
        .withMessage(text(f.message()))
        .withLocations(List.of(location(f.location())))
        .withRelatedLocations(related)
        .withPartialFingerprints(fingerprints);
    f.suppression().ifPresent(s -> result.setSuppressions(Set.of(new Suppression()
        .withKind(s.kind() == Finding.Suppression.Kind.IN_SOURCE ? Suppression.Kind.IN_SOURCE : Suppression.Kind.EXTERNAL)
        .withStatus(Suppression.Status.ACCEPTED)
        .withJustification(s.justification()))));
    if (f.subject().isPresent() || !f.units().isEmpty()) {
      PropertyBag props = new PropertyBag();
      if (f.subject().isPresent()) {
        props.setAdditionalProperty("object", f.subject().get().qualified());
        props.setAdditionalProperty("jsonPointer", f.pointer());
      }
      if (!f.units().isEmpty()) {
        props.setAdditionalProperty("ambient-lint/units", f.units());
      }
      if (f.isAboutMissingObject()) {
        props.setAdditionalProperty("ambient-lint/missingObject", f.missingObject());
      }
      result.setProperties(props);
    }
    return result;
  }

  private Location location(io.ambientlint.core.model.Location l) {
    SourcePosition p = l.position();
    Region region = new Region().withStartLine(p.line()).withStartColumn(p.column());
    if (p.endLine() > p.line() || (p.endLine() == p.line() && p.endColumn() > p.column())) {
      region.withEndLine(p.endLine()).withEndColumn(p.endColumn());
    }
    return new Location().withPhysicalLocation(new PhysicalLocation()
        .withArtifactLocation(new ArtifactLocation().withUri(uri(sourceRoot.relative(l.path()))).withUriBaseId(SRCROOT))
        .withRegion(region));
  }

  /** A relative URI reference: path segments percent-encoded where needed, never absolute. */
  static String uri(String path) {
    return UriPaths.relativeReference(path);
  }

  private Notification notification(Diagnostic d) {
    Notification.Level level = switch (d.level()) {
      case ERROR -> Notification.Level.ERROR;
      case WARNING -> Notification.Level.WARNING;
      case NOTE -> Notification.Level.NOTE;
    };
    Notification n = new Notification().withLevel(level).withMessage(text(d.message()))
        .withDescriptor(new ReportingDescriptorReference().withId(d.kind().id()));
    if (!d.path().isEmpty()) {
      Set<Location> locations = new LinkedHashSet<>();
      locations.add(location(new io.ambientlint.core.model.Location(d.path(), d.position())));
      n.setLocations(locations);
    }
    return n;
  }

  private static Message text(String s) {
    if (s.length() <= MAX_MESSAGE_CHARS || s.codePointCount(0, s.length()) <= MAX_MESSAGE_CHARS) {
      return new Message().withText(s);
    }
    return new Message().withText(s.substring(0, s.offsetByCodePoints(0, MAX_MESSAGE_CHARS - 1)) + "\u2026");
  }
}
