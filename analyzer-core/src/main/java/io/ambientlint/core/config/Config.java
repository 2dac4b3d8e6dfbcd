package io.ambientlint.core.config;

import io.ambientlint.core.load.LoadLimits;
import io.ambientlint.core.model.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Analysis settings, from {@code .ambient-lint.yaml} and command-line options (options win).
 * Immutable; {@link Builder} assembles it.
 */
public record Config(
    String rootNamespace,
    String clusterDomain,
    String defaultNamespace,
    List<String> waypointClasses,
    boolean autoAllowWaypointPolicy,
    boolean serviceEntryVisibility,
    Map<String, RuleSetting> rules,
    List<String> exclude,
    List<ExternalObject> external,
    FailOn failOn,
    LoadLimits limits,
    int maxFindingsPerRule,
    List<String> crds,
    Optional<String> baseline,
    List<PathOverride> overrides,
    int maxFindingsKept,
    GitopsSettings gitops) {

  /** Default of {@code limits.maxFindingsKept}: per rule, enough for any real repository. */
  public static final int DEFAULT_MAX_FINDINGS_KEPT = 200_000;

  public static final Config DEFAULTS = builder().build();

  public Config {
    waypointClasses = List.copyOf(waypointClasses);
    rules = Map.copyOf(rules);
    exclude = List.copyOf(exclude);
    external = List.copyOf(external);
    crds = List.copyOf(crds);
    overrides = List.copyOf(overrides);
  }

  public RuleSetting ruleSetting(String ruleId) {
    return rules.getOrDefault(ruleId, new RuleSetting(true, Optional.empty()));
  }

  /**
   * A rule's setting for one file: {@code rules:}, then each {@code overrides:} entry whose globs match the file.
   *
   * @param file the file, absolute or relative to {@code analysisDirectory}
   */
  public RuleSetting ruleSetting(String ruleId, Path file, Path analysisDirectory) {
    RuleSetting setting = ruleSetting(ruleId);
    Path absolute = analysisDirectory.resolve(file);
    for (PathOverride o : overrides) {
      RuleSetting s = o.rules().get(ruleId);
      if (s != null && o.matches(absolute, analysisDirectory)) {
        // "on" turns the rule on and keeps a severity set before
        setting = s.enabled() && s.severity().isEmpty() ? new RuleSetting(true, setting.severity()) : s;
      }
    }
    return setting;
  }

  /** Whether the rule runs at all: on globally, or turned on for some paths. */
  public boolean runsRule(String ruleId) {
    return ruleSetting(ruleId).enabled()
        || overrides.stream().anyMatch(o -> o.rules().getOrDefault(ruleId, RuleSetting.OFF).enabled());
  }

  public boolean isExternal(String group, String kind, String namespace, String name) {
    return external.stream().anyMatch(e -> e.matches(group, kind, namespace, name));
  }

  public boolean isExternal(Kind kind, String namespace, String name) {
    return isExternal(kind.group(), kind.kind(), namespace, name);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.rootNamespace = rootNamespace;
    b.clusterDomain = clusterDomain;
    b.defaultNamespace = defaultNamespace;
    b.waypointClasses = new ArrayList<>(waypointClasses);
    b.autoAllowWaypointPolicy = autoAllowWaypointPolicy;
    b.serviceEntryVisibility = serviceEntryVisibility;
    b.rules = new LinkedHashMap<>(rules);
    b.exclude = new ArrayList<>(exclude);
    b.external = new ArrayList<>(external);
    b.failOn = failOn;
    b.limits = limits;
    b.maxFindingsPerRule = maxFindingsPerRule;
    b.crds = new ArrayList<>(crds);
    b.baseline = baseline;
    b.overrides = new ArrayList<>(overrides);
    b.maxFindingsKept = maxFindingsKept;
    b.gitops = gitops;
    return b;
  }

  /** Mutable assembly of a {@link Config}; fields are package-visible to the loader. */
  public static final class Builder {
    String rootNamespace = "istio-system";
    String clusterDomain = "cluster.local";
    String defaultNamespace = "default";
    List<String> waypointClasses = new ArrayList<>();
    boolean autoAllowWaypointPolicy;
    boolean serviceEntryVisibility;
    Map<String, RuleSetting> rules = new LinkedHashMap<>();
    List<String> exclude = new ArrayList<>();
    List<ExternalObject> external = new ArrayList<>();
    FailOn failOn = FailOn.ERROR;
    LoadLimits limits = LoadLimits.DEFAULTS;
    int maxFindingsPerRule = 5_000;
    List<String> crds = new ArrayList<>();
    Optional<String> baseline = Optional.empty();
    List<PathOverride> overrides = new ArrayList<>();
    int maxFindingsKept = DEFAULT_MAX_FINDINGS_KEPT;
    /** When set, the config file's rule ids must be among these (an unknown id is a typo that would do nothing). */
    java.util.Set<String> knownRuleIds;
    /** When set, files the config file names (baseline, crds) must lie inside this folder. */
    java.nio.file.Path repositoryRoot;
    GitopsSettings gitops = GitopsSettings.NONE;

    public Builder rootNamespace(String v) { rootNamespace = v; return this; }
    public Builder clusterDomain(String v) { clusterDomain = v; return this; }
    public Builder defaultNamespace(String v) { defaultNamespace = v; return this; }
    public Builder addWaypointClass(String v) { waypointClasses.add(v); return this; }
    public Builder autoAllowWaypointPolicy(boolean v) { autoAllowWaypointPolicy = v; return this; }
    public Builder serviceEntryVisibility(boolean v) { serviceEntryVisibility = v; return this; }
    public Builder rule(String id, RuleSetting v) { rules.put(id, v); return this; }
    public Builder addExclude(String glob) { exclude.add(glob); return this; }
    public Builder addExternal(ExternalObject v) { external.add(v); return this; }
    public Builder failOn(FailOn v) { failOn = v; return this; }
    public Builder limits(LoadLimits v) { limits = v; return this; }
    public Builder maxFindingsPerRule(int v) { maxFindingsPerRule = v; return this; }
    public Builder addCrd(String v) { crds.add(v); return this; }
    public Builder baseline(String v) { baseline = Optional.ofNullable(v); return this; }
    public Builder addOverride(PathOverride v) { overrides.add(v); return this; }
    public Builder maxFindingsKept(int v) { maxFindingsKept = v; return this; }
    /** Checks applied while a config file is read; not part of the built config. */
    public Builder knownRuleIds(java.util.Set<String> v) { knownRuleIds = java.util.Set.copyOf(v); return this; }
    public Builder repositoryRoot(java.nio.file.Path v) { repositoryRoot = v; return this; }
    public Builder gitops(GitopsSettings v) { gitops = v; return this; }

    /** Throws {@link ConfigException} for an exclude glob that is not one (options and plugin parameters land here unchecked). */
    public Config build() {
      for (String glob : exclude) {
        ConfigLoader.checkGlob(glob).ifPresent(problem -> {
          throw new ConfigException("invalid exclude glob \"" + glob + "\": " + problem);
        });
      }
      return new Config(rootNamespace, clusterDomain, defaultNamespace, waypointClasses, autoAllowWaypointPolicy,
          serviceEntryVisibility, rules, exclude, external, failOn, limits, maxFindingsPerRule, crds, baseline,
          overrides, maxFindingsKept, gitops);
    }
  }
}
