import { k8s } from 'cdk8s-plus-28';
import { Site } from '../core/errors';

// The API server's rule for CRD version names (apiextensions validation): a DNS-1035 label.
const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
// The types a structural schema may name (OpenAPI v3 as Kubernetes reads it).
const SCHEMA_TYPES = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean']);
// Where a JsonSchemaProps holds further schemas: one, a list, or a map of them.
const ONE = ['items', 'additionalProperties', 'not'] as const;
const LIST = ['allOf', 'anyOf', 'oneOf'] as const;
const MAP = ['properties', 'patternProperties', 'definitions'] as const;

/** A version name the API server takes: "v1", "v1beta1", "v2alpha1", ... (never "V1"). */
export function checkVersionName(site: Site, name: string): void {
  if (typeof name !== 'string' || name.length > 63 || !DNS_1035_LABEL.test(name)) {
    site.fail(
      name,
      'must be a DNS-1035 label (lower-case letters, digits and "-", starting with a letter), as Kubernetes versions are: "v1", "v1beta1", "v2alpha1"',
      `use ${JSON.stringify(typeof name === 'string' && DNS_1035_LABEL.test(name.toLowerCase()) ? name.toLowerCase() : 'v1')}`,
    );
  }
}

/** Every `type` in the schema is one Kubernetes knows, so the schema compiles and means what it says. */
export function checkSchemaTypes(site: Site, schema: k8s.JsonSchemaProps | boolean | undefined): void {
  if (schema === undefined || typeof schema !== 'object' || schema === null) return;
  const props = schema as Record<string, any>;
  if (props.type !== undefined && !SCHEMA_TYPES.has(props.type)) {
    site
      .at('type')
      .fail(
        props.type,
        `is not a schema type (${[...SCHEMA_TYPES].join(', ')})`,
        'use one of those types; for an int-or-string set x-kubernetes-int-or-string (xKubernetesIntOrString in TypeScript)',
      );
  }
  for (const key of ONE) checkSchemaTypes(site.at(key), props[key]);
  for (const key of LIST) (props[key] ?? []).forEach((sub: k8s.JsonSchemaProps, i: number) => checkSchemaTypes(site.at(key).at(i), sub));
  for (const key of MAP)
    for (const [name, sub] of Object.entries(props[key] ?? {})) checkSchemaTypes(site.at(key).at(name), sub as k8s.JsonSchemaProps);
}
