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
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ambientlint.core.AnalysisResult;
import io.ambientlint.core.ToolInfo;
import io.ambientlint.core.baseline.Comparison;
import io.ambientlint.core.load.Diagnostic;
import io.ambientlint.core.load.SourcePosition;
import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.rule.RelatedLocation;
import io.ambientlint.core.rule.RuleMetadata;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SARIF 2.1.0 for GitHub code scanning, built with the java-sarif model: the full rule catalogue, one result
 * per finding with its exact region and related locations, stable partial fingerprints, suppressions, and
 * the files that could not be analyzed as tool execution notifications.
 */
public final class SarifReporter implements Reporter {

  public static final String SRCROOT = "%SRCROOT%";
  /** GitHub rejects runs with more results than this. */
  public static final int GITHUB_MAX_RESULTS = 25_000;
  public static final int GITHUB_MAX_RELATED_LOCATIONS = 1_000;
  public static final String FINGERPRINT_KEY = "ambientLintFingerprint/v1";

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private final String automationId;

  public SarifReporter(String automationId) {
    this.automationId = automationId;
  }

  public SarifReporter() {
    this("ambient-lint/");
  }

  @Override
  public void write(AnalysisResult result, Writer out) throws IOException {
    MAPPER.writeValue(out, toSarif(result));
    out.write("\n");
    out.flush();
  }

  public SarifSchema210 toSarif(AnalysisResult result) {
    Map<String, Integer> ruleIndex = new HashMap<>();
    Set<ReportingDescriptor> rules = new LinkedHashSet<>(); // catalogue order keeps ruleIndex right
    for (RuleMetadata m : result.rules()) {
      ruleIndex.put(m.id(), rules.size());
      rules.add(descriptor(m));
    }
    List<Result> results = new ArrayList<>();
    List<Notification> notifications = new ArrayList<>();
    for (Finding f : result.findings()) {
      if (results.size() == GITHUB_MAX_RESULTS) {
        notifications.add(new Notification().withLevel(Notification.Level.WARNING).withMessage(text(
            "more than " + GITHUB_MAX_RESULTS + " findings; the rest are left out of this SARIF file (GitHub's limit)")));
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
        text("The folder ambient-lint ran in: the repository root.")));
    Run run = new Run()
        .withTool(new Tool().withDriver(new ToolComponent()
            .withName(ToolInfo.NAME)
            .withVersion(ToolInfo.VERSION)
            .withSemanticVersion(ToolInfo.VERSION)
            .withInformationUri(URI.create(ToolInfo.INFORMATION_URI))
            .withRules(rules)))
        .withAutomationDetails(new RunAutomationDetails().withId(automationId))
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
    PropertyBag properties = new PropertyBag().withTags(new LinkedHashSet<>(m.tags()));
    properties.setAdditionalProperty("precision", m.precision());
    properties.setAdditionalProperty("problem.severity", m.severity().label());
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

  private static ReportingConfiguration.Level level(io.ambientlint.core.rule.Severity s) {
    return switch (s) {
      case ERROR -> ReportingConfiguration.Level.ERROR;
      case WARNING -> ReportingConfiguration.Level.WARNING;
      case NOTE -> ReportingConfiguration.Level.NOTE;
    };
  }

  private static Result result(Finding f, int index) {
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
        .withRule(index < 0 ? null : new ReportingDescriptorReference().withId(f.ruleId()).withIndex(index))
        .withLevel(level)
        .withMessage(text(f.message()))
        .withLocations(List.of(location(f.location())))
        .withRelatedLocations(related)
        .withPartialFingerprints(fingerprints);
    f.suppression().ifPresent(s -> result.setSuppressions(Set.of(new Suppression()
        .withKind(s.kind() == Finding.Suppression.Kind.IN_SOURCE ? Suppression.Kind.IN_SOURCE : Suppression.Kind.EXTERNAL)
        .withStatus(Suppression.Status.ACCEPTED)
        .withJustification(s.justification()))));
    if (f.subject().isPresent()) {
      PropertyBag props = new PropertyBag();
      props.setAdditionalProperty("object", f.subject().get().qualified());
      props.setAdditionalProperty("jsonPointer", f.pointer());
      result.setProperties(props);
    }
    return result;
  }

  private static Location location(io.ambientlint.core.model.Location l) {
    SourcePosition p = l.position();
    Region region = new Region().withStartLine(p.line()).withStartColumn(p.column());
    if (p.endLine() > p.line() || (p.endLine() == p.line() && p.endColumn() > p.column())) {
      region.withEndLine(p.endLine()).withEndColumn(p.endColumn());
    }
    return new Location().withPhysicalLocation(new PhysicalLocation()
        .withArtifactLocation(new ArtifactLocation().withUri(uri(l.path())).withUriBaseId(SRCROOT))
        .withRegion(region));
  }

  /** A relative URI reference: path segments percent-encoded where needed, never absolute. */
  static String uri(String path) {
    StringBuilder out = new StringBuilder();
    for (char c : path.toCharArray()) {
      if (Character.isLetterOrDigit(c) && c < 128 || "/-._~".indexOf(c) >= 0) {
        out.append(c);
      } else {
        for (byte b : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
          out.append('%').append(String.format("%02X", b & 0xFF));
        }
      }
    }
    return out.toString();
  }

  private static Notification notification(Diagnostic d) {
    Notification.Level level = switch (d.level()) {
      case ERROR -> Notification.Level.ERROR;
      case WARNING -> Notification.Level.WARNING;
      case NOTE -> Notification.Level.NOTE;
    };
    Notification n = new Notification().withLevel(level).withMessage(text(d.message()))
        .withDescriptor(new ReportingDescriptorReference().withId(d.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
    if (!d.path().isEmpty()) {
      Set<Location> locations = new LinkedHashSet<>();
      locations.add(location(new io.ambientlint.core.model.Location(d.path(), d.position())));
      n.setLocations(locations);
    }
    return n;
  }

  private static Message text(String s) {
    return new Message().withText(s);
  }
}
