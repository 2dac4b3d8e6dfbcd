package io.ambientlint.core.model;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.load.JsonPointers;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Something that runs pods (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod) or stands for
 * a workload outside Kubernetes (WorkloadEntry). {@code podPointer} is where the pod's metadata and spec
 * live: {@code /spec/template} for controllers, {@code /spec/jobTemplate/spec/template} for CronJobs,
 * empty for a Pod itself.
 */
public record Workload(Resource resource, String podPointer, Map<String, String> podLabels,
    Map<String, String> podAnnotations, Optional<String> serviceAccount, boolean hostNetwork) implements ResourceView {

  public static final Set<Kind> APPS_KINDS = Set.of(Kind.DEPLOYMENT, Kind.STATEFUL_SET, Kind.DAEMON_SET, Kind.REPLICA_SET);

  /** The pod template's location for a workload kind, or empty when the resource runs no pods. */
  public static Optional<String> podPointerFor(ResourceId id) {
    if (APPS_KINDS.contains(id.type())) {
      return Optional.of("/spec/template");
    }
    if (id.is(Kind.JOB)) {
      return Optional.of("/spec/template");
    }
    if (id.is(Kind.CRON_JOB)) {
      return Optional.of("/spec/jobTemplate/spec/template");
    }
    if (id.is(Kind.POD)) {
      return Optional.of("");
    }
    return Optional.empty();
  }

  public static Workload ofPodController(Resource resource, String podPointer) {
    JsonNode pod = switch (podPointer) {
      case "" -> resource.root();
      case "/spec/template" -> resource.spec().path("template");
      case "/spec/jobTemplate/spec/template" -> resource.spec().path("jobTemplate").path("spec").path("template");
      default -> resource.root().at(JsonPointer.compile(podPointer));
    };
    JsonNode podSpec = pod.path("spec");
    Optional<String> sa = Fields.text(podSpec, "serviceAccountName").or(() -> Fields.text(podSpec, "serviceAccount"));
    return new Workload(resource, podPointer, Fields.stringMap(pod.path("metadata").path("labels")),
        Fields.stringMap(pod.path("metadata").path("annotations")), sa, Fields.bool(podSpec, "hostNetwork"));
  }

  /**
   * A WorkloadEntry's labels are {@code spec.labels} merged with {@code metadata.labels}, metadata winning
   * (ConvertClientWorkloadEntry / ConvertWorkloadEntry, pilot/pkg/serviceregistry/serviceentry/conversion.go),
   * for waypoint binding, service selection and policy selectors alike.
   */
  public static Workload ofWorkloadEntry(Resource resource) {
    JsonNode spec = resource.spec();
    Map<String, String> labels = new LinkedHashMap<>(Fields.stringMap(spec.path("labels")));
    labels.putAll(resource.labels());
    return new Workload(resource, "/spec", Collections.unmodifiableMap(labels), Map.of(), Fields.text(spec, "serviceAccount"),
        false);
  }

  public boolean isWorkloadEntry() {
    return resource.id().is(Kind.WORKLOAD_ENTRY);
  }

  /**
   * The node of a pod label ({@code /spec/template/metadata/labels/app}); for a WorkloadEntry the one that wins,
   * {@code /metadata/labels/app}, else {@code /spec/labels/app}.
   */
  public NodeRef podLabelNode(String key) {
    if (isWorkloadEntry()) {
      return resource.labels().containsKey(key) ? resource.labelNode(key)
          : resource.node(JsonPointers.child("/spec/labels", key));
    }
    return resource.node(JsonPointers.child(podPointer + "/metadata/labels", key));
  }

  public NodeRef podAnnotationNode(String key) {
    return resource.node(JsonPointers.child(podPointer + "/metadata/annotations", key));
  }

  /** The service account the pods run as; Kubernetes' default is {@code default}. */
  public String effectiveServiceAccount() {
    return serviceAccount.orElse("default");
  }
}
