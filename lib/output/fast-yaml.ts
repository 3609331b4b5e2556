import { stringify } from 'yaml';

/**
 * `stringify(value, { lineWidth: 0 })` of the `yaml` package, byte for byte, for the JSON-like
 * objects a synth emits, without building a yaml Document. Only the shapes whose output is
 * certain are written here: maps with plain keys, lists, integers and finite numbers, booleans,
 * null, and strings that are plain or need only double quotes. Anything else (a multi-line
 * string, an odd key, undefined) hands the whole value to the yaml package.
 */
export function toYaml(value: unknown): string {
  const out: string[] = [];
  try {
    if (!isCollection(value)) throw FALLBACK;
    block(value, 0, out);
  } catch (error) {
    if (error !== FALLBACK) throw error;
    return stringify(value, { lineWidth: 0 });
  }
  return out.join('');
}

const FALLBACK = new Error('fast-yaml: fall back to the yaml package');

function isCollection(v: unknown): v is Record<string, unknown> | unknown[] {
  return v !== null && typeof v === 'object' && (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype);
}

const isEmpty = (v: Record<string, unknown> | unknown[]) => (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0);

/** A collection in block style at `indent` spaces; lines end with "\n". */
function block(v: Record<string, unknown> | unknown[], indent: number, out: string[]): void {
  const pad = ' '.repeat(indent);
  if (Array.isArray(v)) {
    if (v.length === 0) throw FALLBACK; // only nested empties are known (flow "[]" after a key)
    for (const item of v) {
      if (isCollection(item) && !isEmpty(item)) {
        // "- " then the first line of the nested block on the same line.
        const inner: string[] = [];
        block(item, indent + 2, inner);
        out.push(`${pad}- ${inner.join('').slice(indent + 2)}`);
      } else {
        out.push(`${pad}- ${inline(item)}\n`);
      }
    }
    return;
  }
  const keys = Object.keys(v);
  if (keys.length === 0) throw FALLBACK;
  for (const key of keys) {
    const item = v[key];
    if (item === undefined) throw FALLBACK;
    const k = plainKey(key);
    if (isCollection(item) && !isEmpty(item)) {
      out.push(`${pad}${k}:\n`);
      block(item, indent + 2, out); // yaml indents a list under a key too (indentSeq)
    } else {
      out.push(`${pad}${k}: ${inline(item)}\n`);
    }
  }
}

/** A scalar, or an empty collection, on one line. */
function inline(v: unknown): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      if (Number.isFinite(v) && !Object.is(v, -0)) return String(v);
      throw FALLBACK;
    case 'string':
      return scalar(v);
    case 'object':
      if (Array.isArray(v) && v.length === 0) return '[]';
      if (isCollection(v) && isEmpty(v)) return '{}';
      throw FALLBACK;
    default:
      throw FALLBACK;
  }
}

// Strings that yaml surely writes plain: no indicator first, no ": " or " #", no trailing space,
// and nothing the core schema would read as another type. Any other string: asked of yaml once.
const PLAIN = /^[A-Za-z0-9_./][A-Za-z0-9_./=@ -]*$/;
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
// What the YAML 1.2 core schema (yaml's default) resolves to null, bool, int or float.
const NOT_A_STRING =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

function scalar(s: string): string {
  if (s.length > 0 && PLAIN.test(s) && !s.endsWith(' ') && !s.includes(' #') && !NOT_A_STRING.test(s)) return s;
  return asked(values, s, () => stringify({ k: s }, { lineWidth: 0 }), 'k: ');
}

function plainKey(key: string): string {
  if (PLAIN_KEY.test(key) && !NOT_A_STRING.test(key)) return key;
  return asked(keys, key, () => stringify({ [key]: 0 }, { lineWidth: 0 }), undefined);
}

const values = new Map<string, string | undefined>();
const keys = new Map<string, string | undefined>();
/**
 * How yaml writes one string as a block map value (`k: X`) or key (`X: 0`), cached; a block
 * sequence item is written the same way. Multi-line results fall back.
 */
function asked(cache: Map<string, string | undefined>, s: string, render: () => string, prefix: string | undefined): string {
  if (!cache.has(s)) {
    const text = render();
    let found: string | undefined;
    if (prefix !== undefined) {
      if (text.startsWith(prefix) && text.endsWith('\n') && text.indexOf('\n') === text.length - 1) found = text.slice(prefix.length, -1);
    } else if (text.endsWith(': 0\n') && text.indexOf('\n') === text.length - 1 && !text.startsWith('? ')) {
      found = text.slice(0, -4);
    }
    cache.set(s, found);
  }
  const found = cache.get(s);
  if (found === undefined) throw FALLBACK;
  return found;
}
