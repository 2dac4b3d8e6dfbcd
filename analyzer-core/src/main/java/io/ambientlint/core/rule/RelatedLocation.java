package io.ambientlint.core.rule;

import io.ambientlint.core.model.Location;

/** Another place a finding involves (the waypoint, the Service, the label), with what it is. */
public record RelatedLocation(Location location, String message) {}
