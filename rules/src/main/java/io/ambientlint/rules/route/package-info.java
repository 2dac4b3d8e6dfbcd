/** AL2xx: Gateway API routes (parentRefs, backendRefs, ReferenceGrants, route kinds on waypoints). */
package io.ambientlint.rules.route;
