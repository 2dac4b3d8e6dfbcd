/** AL3xx: policies (targetRefs, selectors, what ztunnel enforces of an AuthorizationPolicy, proxy-only policies in ambient). */
package io.ambientlint.rules.policy;
