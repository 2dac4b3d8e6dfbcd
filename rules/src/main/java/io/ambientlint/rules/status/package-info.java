/** AL906: negative status conditions in exported cluster state. */
package io.ambientlint.rules.status;
