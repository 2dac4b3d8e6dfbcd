package io.ambientlint.core.graph;

import io.ambientlint.core.model.Listener;
import io.ambientlint.core.model.NodeRef;
import java.util.Optional;

/**
 * Whether a waypoint admits users from a namespace, decided by {@code allowedRoutes.namespaces} of its bound
 * listener; {@code listener} is empty when the Gateway has no bound listener (then: same namespace only).
 */
public record NamespaceAdmission(boolean allowed, String rule, Optional<Listener> listener, Optional<NodeRef> decidedBy) {}
