package io.ambientlint.core.policy;

import io.ambientlint.core.model.NodeRef;

/**
 * A part of an AuthorizationPolicy rule that ztunnel cannot enforce.
 *
 * @param field as a user reads it: {@code to.operation.methods}, {@code from.source.requestPrincipals},
 *     {@code when request.headers[x-user]}
 * @param node the field (for {@code when}: the condition's {@code key})
 */
public record DroppedField(int ruleIndex, String field, NodeRef node) {}
