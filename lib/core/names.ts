import { Site } from './errors';

// Kubernetes naming rules (k8s.io/apimachinery/pkg/util/validation).
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const IANA_SVC_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** Namespaces, Services, containers, ports of pods: a DNS-1123 label. */
export function checkDnsLabel(site: Site, value: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 63 || !DNS_LABEL.test(value)) {
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
  if (typeof value !== 'string' || value.length === 0 || value.length > 253 || !DNS_SUBDOMAIN.test(value)) {
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
  if (
    typeof value !== 'string' ||
    value.length === 0 ||
    value.length > 15 ||
    !IANA_SVC_NAME.test(value) ||
    !/[a-z]/.test(value) ||
    value.includes('--')
  ) {
    site.fail(
      value,
      'must be an IANA service name (1-15 lower-case letters, digits and single "-", with at least one letter)',
      `shorten it, e.g. "${suggestName(value, 15)}"`,
    );
  }
  return value;
}

export function checkPort(site: Site, value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    site.fail(value, 'must be a whole port number from 1 to 65535', 'give one port per entry; a Service cannot declare a range');
  }
  return value;
}

/** A label value: at most 63 characters of letters, digits, "-", "_" and ".", may be empty. */
export function checkLabelValue(site: Site, value: string): string {
  if (typeof value !== 'string' || value.length > 63 || !LABEL_VALUE.test(value)) {
    site.fail(
      value,
      'must be a label value (at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit)',
      'shorten it or move long text to an annotation',
    );
  }
  return value;
}

/** A label key: optional DNS-subdomain prefix and "/", then a name of at most 63 characters. */
export function checkLabelKey(site: Site, key: string): string {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  const badPrefix = prefix !== undefined && (prefix.length === 0 || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix));
  if (badPrefix || name.length === 0 || name.length > 63 || !LABEL_NAME.test(name)) {
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
