/** AL4xx and AL5xx: the classic Istio APIs (VirtualService, DestinationRule, EnvoyFilter) next to Gateway API routes and waypoints. */
package io.ambientlint.rules.classic;
