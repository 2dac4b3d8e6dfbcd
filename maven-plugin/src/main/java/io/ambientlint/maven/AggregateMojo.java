package io.ambientlint.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code check} over the whole reactor at once: run from the root ({@code mvn ambient-lint:aggregate}) it
 * analyzes the root's folder with every module in it, so that a waypoint in one module and the services using
 * it in another are seen together. Bound in a parent POM, only the execution root runs it.
 */
@Mojo(name = "aggregate", defaultPhase = LifecyclePhase.VERIFY, aggregator = true, threadSafe = true,
    requiresProject = true)
public final class AggregateMojo extends CheckMojo {

  @Override
  boolean aggregate() {
    return true;
  }
}
