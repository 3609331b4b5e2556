import { Site } from './errors';
import { looksLikeCredential } from './secrets';

// Kubernetes naming rules (k8s.io/apimachinery/pkg/util/validation: IsDNS1123Label,
// IsDNS1035Label, IsDNS1123Subdomain, IsValidPortName, IsQualifiedName, IsValidLabelValue). The
// predicates are the one implementation; the constructs' checks and the synth's API-server checks
// (lib/policy/api-server/) both call them.
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const IANA_SVC_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** A DNS-1123 label: 1-63 lower-case letters, digits and "-", starting and ending with a letter or digit. */
export function isDnsLabel(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 63 && DNS_LABEL.test(value);
}

/** A DNS-1035 label (a Service's name): a DNS-1123 label that starts with a letter. */
export function isDns1035Label(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 63 && DNS_1035_LABEL.test(value);
}

/** A DNS-1123 subdomain: dot-separated labels, at most 253 characters. */
export function isDnsSubdomain(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 253 && DNS_SUBDOMAIN.test(value);
}

/** An IANA service name (a named container port): 1-15 lower-case letters, digits and single "-", at least one letter. */
export function isPortName(value: unknown): value is string {
  return (
    typeof value === 'string' && value.length > 0 && value.length <= 15 && IANA_SVC_NAME.test(value) && /[a-z]/.test(value) && !value.includes('--')
  );
}

/** A whole port number from 1 to 65535. */
export function isPortNumber(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 65535;
}

/** A qualified name (label and annotation keys): an optional DNS-subdomain prefix and "/", then a name of at most 63 characters. */
export function isQualifiedName(key: unknown): key is string {
  if (typeof key !== 'string') return false;
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  return (prefix === undefined || isDnsSubdomain(prefix)) && name.length > 0 && name.length <= 63 && LABEL_NAME.test(name);
}

/** A label value: at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit; may be empty. */
export function isLabelValue(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 63 && LABEL_VALUE.test(value);
}

/** Namespaces, Services, containers, ports of pods: a DNS-1123 label. */
export function checkDnsLabel(site: Site, value: string): string {
  if (!isDnsLabel(value)) {
    site.fail(
      value,
      'must be a DNS-1123 label (lower-case letters, digits and "-", 1-63 characters, starting and ending with a letter or digit)',
      `use a name such as "${suggestName(value, 63)}"`,
    );
  }
  return value;
}

/** Most object names (Deployments, ConfigMaps, ...): a DNS-1123 subdomain. */
export function checkDnsSubdomain(site: Site, value: string): string {
  if (!isDnsSubdomain(value)) {
    site.fail(
      value,
      'must be a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", at most 253 characters)',
      `use a name such as "${suggestName(value, 253)}"`,
    );
  }
  return value;
}

/** Named container ports are IANA service names: at most 15 characters, at least one letter. */
export function checkPortName(site: Site, value: string): string {
  if (!isPortName(value)) {
    site.fail(
      value,
      'must be an IANA service name (1-15 lower-case letters, digits and single "-", with at least one letter)',
      `shorten it, e.g. "${suggestName(value, 15)}"`,
    );
  }
  return value;
}

export function checkPort(site: Site, value: number): number {
  if (!isPortNumber(value)) {
    site.fail(value, 'must be a whole port number from 1 to 65535', 'give one port per entry; a Service cannot declare a range');
  }
  return value;
}

/** A label value: at most 63 characters of letters, digits, "-", "_" and ".", may be empty. */
export function checkLabelValue(site: Site, value: string): string {
  if (!isLabelValue(value)) {
    site.fail(
      value,
      'must be a label value (at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit)',
      // Labels and annotations are both written to dist/: a credential belongs in neither.
      looksLikeCredential(value) ? 'keep the value in a Secret and reference it' : 'shorten it or move long text to an annotation',
    );
  }
  return value;
}

/** A label key: optional DNS-subdomain prefix and "/", then a name of at most 63 characters. */
export function checkLabelKey(site: Site, key: string): string {
  if (!isQualifiedName(key)) {
    site.fail(
      key,
      'must be a label key ([dns-subdomain/]name, name at most 63 letters, digits, "-", "_" or ".")',
      'use a key such as "app.kubernetes.io/name"',
    );
  }
  return key;
}

export function checkLabels(site: Site, labels: Readonly<Record<string, string>>): Record<string, string> {
  for (const [key, value] of Object.entries(labels)) {
    checkLabelKey(site.at(key), key);
    checkLabelValue(site.at(key), value);
  }
  return { ...labels };
}

/**
 * Annotations: keys are qualified names like label keys (apimachinery ValidateAnnotations), values
 * any text, all of an object's together at most 256 KiB (TotalAnnotationSizeLimitB).
 */
export function checkAnnotations(site: Site, annotations: Readonly<Record<string, string>>): Record<string, string> {
  let size = 0;
  for (const [key, value] of Object.entries(annotations)) {
    const slash = key.lastIndexOf('/');
    const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
    const name = slash >= 0 ? key.slice(slash + 1) : key;
    const badPrefix = prefix !== undefined && (prefix.length === 0 || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix));
    if (badPrefix || name.length === 0 || name.length > 63 || !LABEL_NAME.test(name)) {
      site.fail(
        key,
        'must be an annotation key ([dns-subdomain/]name, name at most 63 letters, digits, "-", "_" or ".")',
        'use a key such as "example.com/owner"',
      );
    }
    if (typeof value !== 'string') site.at(key).fail(value, 'must be a string', 'quote it, e.g. "true" or "8080"');
    size += key.length + value.length;
  }
  if (size > 256 * 1024)
    site.fail(`${size} bytes`, 'are more than the 256 KiB the API server takes for all annotations of an object', 'move large values to a ConfigMap');
  return { ...annotations };
}

/** A legal name close to what was given, for error hints. */
function suggestName(value: unknown, max: number): string {
  const cleaned = (typeof value === 'string' ? value : '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/-{2,}/g, '-');
  return (cleaned || 'my-name').slice(0, max).replace(/-+$/, '');
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An Azure tenant or client id. */
export function checkGuid(site: Site, value: string): string {
  if (!GUID.test(value)) site.fail(value, 'must be a GUID', 'copy it from the Azure identity (az identity show --query clientId)');
  return value;
}
