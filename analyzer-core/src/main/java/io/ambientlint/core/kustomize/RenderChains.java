package io.ambientlint.core.kustomize;

import io.ambientlint.core.graph.MeshGraph;
import io.ambientlint.core.load.SourceMap;
import io.ambientlint.core.model.Location;
import io.ambientlint.core.model.Resource;
import io.ambientlint.core.rule.Finding;
import io.ambientlint.core.rule.RelatedLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A finding about a rendered object names how it was rendered: base file, patches, kustomizations. */
public final class RenderChains {

  private RenderChains() {}

  /** One finding reported by two units: the first, with the related locations of both. */
  public static Finding merge(Finding first, Finding second) {
    List<RelatedLocation> related = new ArrayList<>(first.related());
    second.related().stream().filter(r -> !related.contains(r)).forEach(related::add);
    return first.withRelated(first.message(), related);
  }

  public static Finding withChain(Finding f, MeshGraph graph) {
    Optional<Resource> subject = f.subject().flatMap(graph::resource);
    if (subject.isEmpty()) {
      return f;
    }
    List<SourceMap.RenderStep> chain = subject.get().document().sourceMap().renderChain();
    if (chain.isEmpty()) {
      return f;
    }
    List<RelatedLocation> related = new ArrayList<>(f.related());
    for (SourceMap.RenderStep step : chain) {
      RelatedLocation r = new RelatedLocation(new Location(step.path(), step.position()), "Kustomize: " + step.message());
      if (!related.contains(r)) {
        related.add(r);
      }
    }
    return f.withRelated(f.message(), related);
  }
}
