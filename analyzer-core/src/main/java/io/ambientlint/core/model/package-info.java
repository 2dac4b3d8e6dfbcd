/**
 * The Kubernetes and Istio objects as immutable records: {@code Resource} for every document, and typed read-only
 * views (Service, Workload, Gateway, Route, AuthorizationPolicy, VirtualService...) read once when the
 * {@code Model} is built. No cross-object reasoning lives here: that is the graph.
 */
package io.ambientlint.core.model;
