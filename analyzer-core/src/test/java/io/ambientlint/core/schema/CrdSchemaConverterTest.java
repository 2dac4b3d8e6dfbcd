package io.ambientlint.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientlint.core.load.LoadLimits;
import io.ambientlint.core.load.YamlDocumentReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrdSchemaConverterTest {

  static JsonNode yaml(String text) {
    return new YamlDocumentReader(LoadLimits.DEFAULTS).read("test.yaml", text).documents().get(0).root();
  }

  /** A CRD version's openAPIV3Schema whose spec is {@code specSchema} (YAML, indented by 6). */
  private static CompiledSchema compile(String specSchema) {
    return CompiledSchema.compile(yaml("""
        type: object
        properties:
          spec:
        """ + specSchema.indent(4)));
  }

  private static List<SchemaViolation> validate(CompiledSchema schema, String spec) {
    return schema.validate(yaml("apiVersion: example.io/v1\nkind: Thing\nmetadata: {name: a}\nspec:\n" + spec.indent(2)));
  }

  @Test
  void intOrStringAcceptsBothAndRejectsTheRest() {
    CompiledSchema schema = compile("""
        type: object
        properties:
          targetPort:
            x-kubernetes-int-or-string: true
            anyOf: [{type: integer}, {type: string}]
        """);
    assertThat(validate(schema, "targetPort: 8080")).isEmpty();
    assertThat(validate(schema, "targetPort: http")).isEmpty();
    assertThat(validate(schema, "targetPort: true")).extracting(SchemaViolation::message)
        .containsExactly("spec.targetPort must be an integer or a string, got true");
    assertThat(validate(schema, "targetPort: [1]")).extracting(SchemaViolation::pointer).containsExactly("/spec/targetPort");
  }

  @Test
  void structuralObjectsRejectUnknownFieldsAtTheKey() {
    CompiledSchema schema = compile("""
        type: object
        properties:
          known: {type: string}
        """);
    List<SchemaViolation> violations = validate(schema, "known: x\nunknwn: y");
    assertThat(violations).hasSize(1);
    assertThat(violations.get(0).pointer()).isEqualTo("/spec/unknwn");
    assertThat(violations.get(0).atKey()).isTrue();
    assertThat(violations.get(0).message()).startsWith("spec.unknwn is not a field of this kind and version");
  }

  @Test
  void preserveUnknownFieldsAllowsUnknownFieldsButKeepsDeclaredTypes() {
    CompiledSchema schema = compile("""
        type: object
        x-kubernetes-preserve-unknown-fields: true
        properties:
          count: {type: integer}
        """);
    assertThat(validate(schema, "anything: {deep: [1, 2]}\ncount: 3")).isEmpty();
    assertThat(validate(schema, "count: three")).extracting(SchemaViolation::message)
        .containsExactly("spec.count must be an integer, got \"three\"");
  }

  @Test
  void preserveUnknownFieldsWithoutTypeAcceptsAnyValue() {
    CompiledSchema schema = compile("""
        type: object
        properties:
          config: {x-kubernetes-preserve-unknown-fields: true}
        """);
    assertThat(validate(schema, "config: 1")).isEmpty();
    assertThat(validate(schema, "config: {a: b}")).isEmpty();
    assertThat(validate(schema, "config: [x]")).isEmpty();
  }

  @Test
  void nullableAndPrunedNullsAreAccepted() {
    CompiledSchema schema = compile("""
        type: object
        properties:
          mode: {type: string, nullable: true, enum: [A, B]}
          other: {type: integer}
        """);
    assertThat(schema.converted().at("/properties/spec/properties/mode/type").toString()).isEqualTo("[\"string\",\"null\"]");
    assertThat(validate(schema, "mode: null")).isEmpty();
    // Without nullable the API server prunes a null before validating it: not an error either.
    assertThat(validate(schema, "other: null")).isEmpty();
    assertThat(validate(schema, "mode: C")).extracting(SchemaViolation::message)
        .containsExactly("spec.mode must be one of \"A\", \"B\", got \"C\"");
  }

  @Test
  void embeddedResourceNeedsApiVersionAndKindAndAcceptsMetadata() {
    CompiledSchema schema = compile("""
        type: object
        properties:
          template:
            type: object
            x-kubernetes-embedded-resource: true
            properties:
              spec: {type: object, x-kubernetes-preserve-unknown-fields: true}
        """);
    assertThat(validate(schema, "template: {apiVersion: v1, kind: Pod, metadata: {labels: {app: a}}, spec: {x: 1}}")).isEmpty();
    assertThat(validate(schema, "template: {spec: {}}")).extracting(SchemaViolation::pointer)
        .containsExactly("/spec/template/apiVersion", "/spec/template/kind");
    assertThat(validate(schema, "template: {apiVersion: v1, kind: Pod, extra: 1}")).extracting(SchemaViolation::pointer)
        .containsExactly("/spec/template/extra");
  }

  @Test
  void rangesAreDescribedInPlainWords() {
    CompiledSchema schema = compile("""
        type: object
        properties:
          parentRefs:
            type: array
            items:
              type: object
              required: [name]
              properties:
                name: {type: string}
                port: {type: integer, format: int32, minimum: 1, maximum: 65535}
        """);
    List<SchemaViolation> violations = validate(schema, "parentRefs:\n- name: gw\n  port: http\n- port: 70000");
    assertThat(violations).extracting(SchemaViolation::message).containsExactly(
        "spec.parentRefs[0].port must be an integer between 1 and 65535, got \"http\"",
        "spec.parentRefs[1].name is required but missing",
        "spec.parentRefs[1].port must be an integer between 1 and 65535, got 70000");
    assertThat(violations).extracting(SchemaViolation::pointer)
        .containsExactly("/spec/parentRefs/0/port", "/spec/parentRefs/1/name", "/spec/parentRefs/1/port");
  }

  @Test
  void openApiExclusiveBoundsBecomeDraft7Numbers() {
    CompiledSchema schema = compile("""
        type: object
        properties:
          weight: {type: integer, minimum: 0, exclusiveMinimum: true}
        """);
    assertThat(schema.converted().at("/properties/spec/properties/weight/exclusiveMinimum").asInt()).isZero();
    assertThat(validate(schema, "weight: 1")).isEmpty();
    assertThat(validate(schema, "weight: 0")).extracting(SchemaViolation::message)
        .containsExactly("spec.weight must be an integer greater than 0, got 0");
  }

  @Test
  void junctionBranchesStayOpenAndProtobufOneofsAreNamed() {
    // Istio's shape for a protobuf oneof: the branches only list required fields.
    CompiledSchema schema = compile("""
        type: object
        properties:
          exact: {type: string}
          prefix: {type: string}
        oneOf:
        - not:
            anyOf:
            - required: [exact]
            - required: [prefix]
        - required: [exact]
        - required: [prefix]
        """);
    assertThat(schema.converted().at("/properties/spec/oneOf/1").has("additionalProperties")).isFalse();
    assertThat(validate(schema, "exact: /a")).isEmpty();
    // A null is pruned by the API server before the oneOf could see it (every required-list branch holds for it).
    assertThat(validate(schema, "null")).isEmpty();
    assertThat(validate(schema, "{}")).isEmpty();
    assertThat(validate(schema, "exact: /a\nprefix: /b")).extracting(SchemaViolation::message)
        .containsExactly("spec may set only one of exact, prefix, but sets exact and prefix");
  }

  @Test
  void defaultsAreAppliedBeforeValidationLikeTheApiServerDoes() {
    // Gateway API's address: no type means IPAddress, and only then does the first branch alone apply.
    CompiledSchema schema = compile("""
        type: object
        properties:
          address:
            type: object
            properties:
              type: {type: string, default: IPAddress}
              value: {type: string}
            oneOf:
            - properties: {type: {enum: [IPAddress]}}
            - properties: {type: {not: {enum: [IPAddress]}}}
        """);
    assertThat(validate(schema, "address: {value: 10.0.0.1}")).isEmpty();
    assertThat(validate(schema, "address: {type: Hostname, value: a.example.com}")).isEmpty();
    assertThat(schema.converted().at("/properties/spec/properties/address/properties/type/default").asText())
        .isEqualTo("IPAddress");
  }

  @Test
  void celRulesFormatsAndUnreadablePatternsAreNotEnforced() {
    CompiledSchema schema = compile("""
        type: object
        x-kubernetes-validations:
        - rule: self.a == 'never'
        properties:
          a: {type: string, format: hostname}
          b: {type: string, pattern: '(?P<name>x)'}
        """);
    assertThat(schema.converted().toString()).doesNotContain("x-kubernetes", "format", "(?P");
    assertThat(validate(schema, "a: not a hostname!\nb: y")).isEmpty();
  }

  @Test
  void rootGetsObjectMetaWhateverTheCrdSays() {
    CompiledSchema schema = compile("type: object");
    assertThat(schema.validate(yaml("apiVersion: example.io/v1\nkind: Thing\nmetadata: {name: a, labels: {a: 1}}")))
        .extracting(SchemaViolation::message).containsExactly("metadata.labels.a must be a string, got 1");
    // status is a subresource: an apply does not write it, so the API server never rejects it.
    assertThat(schema.validate(yaml("apiVersion: example.io/v1\nkind: Thing\nmetadata: {name: a}\nstatus: {x: 1}")))
        .isEmpty();
  }
}
