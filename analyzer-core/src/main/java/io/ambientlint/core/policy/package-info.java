/**
 * What ztunnel does with an AuthorizationPolicy: the translation istiod performs for ztunnel (L4 only), with the
 * fields it drops and the effect of dropping them (an ALLOW rule that matches nothing, a DENY rule that never fires
 * or denies more).
 */
package io.ambientlint.core.policy;
