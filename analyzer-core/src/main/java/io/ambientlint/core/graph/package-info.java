/**
 * The mesh as istiod would see it, built once from the model and immutable: enrolment, waypoint bindings, route
 * attachments, policy enforcement points, host lookups, EnvoyFilter reach. {@code MeshGraph} is the facade rules
 * query by named methods; every answer also says why (the object and field that decided it).
 */
package io.ambientlint.core.graph;
