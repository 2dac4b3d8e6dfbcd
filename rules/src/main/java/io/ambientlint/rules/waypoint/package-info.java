/** AL1xx: enrolment and waypoints (use-waypoint labels, waypoint classes, listeners, readiness, unused waypoints). */
package io.ambientlint.rules.waypoint;
