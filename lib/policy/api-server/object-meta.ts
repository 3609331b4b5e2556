import { apiGroupOf, BUILT_IN_API_GROUPS } from '../../core/kinds';
import { isDns1035Label, isDnsLabel, isDnsSubdomain, isQualifiedName } from '../../core/names';
import { builtInKinds } from '../schema/schema-registry';
import { removedApiVersion } from '../schema/removed-api-versions';
import { ApiFindings, mapAt } from './api-findings';

// The API server's rules for what every object carries: its kind, name and annotations.
// k8s.io/apimachinery/pkg/api/validation/objectmeta.go (ValidateObjectMeta, ValidateAnnotations,
// TotalAnnotationSizeLimitB) and the name rules of pkg/apis/core/validation (ValidateServiceName,
// ValidateNamespaceName), Kubernetes 1.28.

/** apimachinery TotalAnnotationSizeLimitB: keys and values of one object's annotations together. */
const ANNOTATIONS_SIZE_LIMIT = 256 * 1024;

export function objectMetaFindings(f: ApiFindings): void {
  const m = f.manifest;
  kindFindings(f);
  // Names that are no DNS subdomain at all are refused when the object is collected (lib/output/collect.ts).
  if (m.kind === 'Service' && isDnsSubdomain(m.name) && !isDns1035Label(m.name)) {
    // A Service's name is one DNS label its clients resolve (and an environment variable prefix): a letter first, at most 63 characters.
    f.refuse(
      'metadata.name',
      m.name,
      'must be a DNS-1035 label (at most 63 lower-case letters, digits and "-", starting with a letter)',
      'shorten it, and put a letter first',
    );
  }
  if (m.kind === 'Namespace' && isDnsSubdomain(m.name) && !isDnsLabel(m.name)) {
    f.refuse(
      'metadata.name',
      m.name,
      'must be a DNS-1123 label (at most 63 lower-case letters, digits and "-", no dots)',
      'name the namespace with one label, e.g. "apps"',
    );
  }
  if (m.kind === 'Job' && typeof m.name === 'string' && m.name.length > 63) {
    // batch ValidateGeneratedSelector: the pods carry the Job's name as the job-name label value.
    f.refuse('metadata.name', m.name, 'must be at most 63 characters (the pods carry it as their job-name label)', 'shorten the name');
  }
  annotationFindings(f, 'metadata.annotations', m.object.metadata?.annotations);
}

/** ValidateAnnotations: qualified-name keys, and at most 256 KiB of keys and values together. */
export function annotationFindings(f: ApiFindings, at: string, annotations: unknown): void {
  const entries = Object.entries(mapAt(annotations));
  for (const [key] of entries) {
    if (!isQualifiedName(key.toLowerCase()))
      f.refuse(`${at}["${key}"]`, key, 'must be a qualified name ([dns-subdomain/]name)', 'use a key such as "example.com/owner"');
  }
  const size = entries.reduce((n, [key, value]) => n + Buffer.byteLength(key) + Buffer.byteLength(String(value)), 0);
  if (size > ANNOTATIONS_SIZE_LIMIT) {
    f.refuse(
      at,
      `${size} bytes`,
      `must total at most ${ANNOTATIONS_SIZE_LIMIT} bytes (256 KiB) of keys and values`,
      'keep large data in a ConfigMap the object refers to',
    );
  }
}

/**
 * Kinds are case-sensitive: the API server knows no `deployment` in apps/v1, and none of the
 * checks written for Deployments would run on it. A built-in group's kind must be one it serves.
 */
function kindFindings(f: ApiFindings): void {
  const { apiVersion, kind } = f.manifest;
  const group = typeof apiVersion === 'string' ? apiGroupOf(apiVersion) : undefined;
  // A List is refused as a wrapper when the object is collected.
  if (group === undefined || !BUILT_IN_API_GROUPS.has(group) || typeof kind !== 'string' || kind.endsWith('List')) return;
  const kinds = builtInKinds(group);
  if (kinds.size === 0 || kinds.has(kind) || removedApiVersion(apiVersion, kind)) return;
  const meant = [...kinds].find((k) => k.toLowerCase() === kind.toLowerCase());
  f.refuse(
    'kind',
    kind,
    meant ? `must be written ${meant} (kinds are case-sensitive)` : `must be a kind the API group ${group || 'core (v1)'} serves`,
    meant ? `write kind: "${meant}"` : 'check the kind and apiVersion in the API reference (kubectl api-resources)',
    'the object',
  );
}
