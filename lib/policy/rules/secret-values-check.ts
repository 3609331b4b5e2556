import { isReference, literalUnderSecretName, looksSecret, urlPasswords } from '../../core/secrets';
import { declaredNotSecrets, NOT_SECRET_ANNOTATION } from '../../core/not-secret';
import { PolicyRule } from '../../core/exceptions';
import { Manifest } from '../../core/manifest';
import { Finding, PolicyCheck } from '../policy-check';
import { containersOf, podSpecOf } from '../../core/pod-specs';
import { prescanForSecrets, secretVerdict } from '../secret-scanner';

const HIDDEN = '<literal value hidden>';
const KEEP_IT_OUT = 'keep the value in a Secret or a secret store and reference it';
const FROM_SECRET = 'reference it with valueFrom.secretKeyRef (EnvValue.fromSecret) and keep the value in the cluster or a secret store';

/**
 * dist/ is in git: nothing in it may hold a secret value. Found by name (a literal under a
 * secret-looking env name, flag, ConfigMap key or properties line) and by content (secretlint's
 * recommended rules, and a password in any URL's userinfo) in every string of every object,
 * ConfigMap binaryData decoded. No exceptions: a value that only looks secret is declared with
 * declareNotSecret, by field.
 */
export const secretValuesCheck: PolicyCheck = {
  rule: PolicyRule.NO_SECRET_VALUES,
  // One scanner run for every string of every build (the scanner remembers), not one per object or build.
  prepare(builds) {
    const values: string[] = [];
    for (const build of builds) for (const m of build.manifests) eachString(m, (value) => values.push(value));
    prescanForSecrets(values);
  },
  appliesTo: () => true,
  check(m) {
    if (m.kind === 'Secret') {
      return ['data', 'stringData']
        .filter((field) => m.object[field] !== undefined)
        .map((field) => ({
          field,
          value: HIDDEN,
          problem: 'would write secret values to dist/',
          fix: 'keep the Secret out of dist/ and sync it from a secret store (AzureKeyVaultSecrets) or create it in the cluster',
        }));
    }
    const findings = dedupe([...byName(m), ...byContent(m)]);
    const declared = declaredNotSecrets(m.object);
    const unused = [...declared.keys()].filter((field) => !findings.some((f) => f.field === field));
    return [
      ...findings.filter((f) => !declared.has(f.field)),
      ...unused.map((field) => ({
        field: `metadata.annotations["${NOT_SECRET_ANNOTATION}"]`,
        value: field,
        problem: 'declares a value not secret that no part of the rule flags',
        fix: 'remove the declaration, so the rule guards this value again',
      })),
    ];
  },
};

/** Literals under names that say "secret": env vars, command-line flags, ConfigMap keys and lines. */
function byName(m: Manifest): Finding[] {
  const findings: Finding[] = [];
  const pod = podSpecOf(m);
  for (const { field, container } of pod ? containersOf(pod, ['initContainers', 'containers', 'ephemeralContainers']) : []) {
    (container.env ?? []).forEach((env: { name: string; value?: string }, i: number) => {
      if (typeof env.value === 'string' && env.value !== '' && looksSecret(env.name)) {
        findings.push({
          field: `${field}.env[${i}].value`,
          value: HIDDEN,
          problem: `is a literal value for ${env.name}, which looks like a secret`,
          fix: FROM_SECRET,
        });
      }
    });
    for (const list of ['command', 'args']) {
      const args: unknown[] = container[list] ?? [];
      args.forEach((arg, i) => {
        const flag = typeof arg === 'string' ? /^--?([A-Za-z0-9][\w.-]*)(?:=([\s\S]*))?$/.exec(arg) : null;
        if (!flag) return;
        const value = flag[2] ?? (typeof args[i + 1] === 'string' && !String(args[i + 1]).startsWith('-') ? String(args[i + 1]) : '');
        if (literalUnderSecretName(flag[1], value)) {
          findings.push({
            field: `${field}.${list}[${flag[2] === undefined ? i + 1 : i}]`,
            value: HIDDEN,
            problem: `gives --${flag[1]} a literal value, which looks like a secret`,
            fix: 'pass it from the environment ("--flag=$(VAR)" with VAR from EnvValue.fromSecret) or from a mounted Secret file',
          });
        }
      });
    }
  }
  if (m.kind === 'ConfigMap') {
    for (const section of ['data', 'binaryData']) {
      for (const [key, value] of Object.entries<string>(m.object[section] ?? {})) {
        const text = section === 'binaryData' ? Buffer.from(value, 'base64').toString('utf8') : value;
        if (looksSecret(key)) {
          findings.push({
            field: `${section}.${key}`,
            value: HIDDEN,
            problem: 'looks like a secret, and ConfigMaps are written to dist/ in clear',
            fix: KEEP_IT_OUT,
          });
          continue;
        }
        const line = secretLine(text);
        if (line)
          findings.push({
            field: `${section}.${key}`,
            value: HIDDEN,
            problem: `sets ${line} on one of its lines, which looks like a secret`,
            fix: KEEP_IT_OUT,
          });
      }
    }
  }
  return findings;
}

/** The first `key=value` / `key: value` line (properties, .env, YAML) that sets a secret-looking key to a literal. */
function secretLine(text: string): string | undefined {
  for (const line of text.split('\n')) {
    const setting = /^\s*(?:export\s+)?["']?([A-Za-z0-9_.\-[\]]+)["']?\s*[=:]\s*["']?([^"'\s#]+)/.exec(line);
    if (setting && literalUnderSecretName(setting[1], setting[2])) return setting[1];
  }
  return undefined;
}

/** Every string of the object (and ConfigMap binaryData decoded), checked by content. */
function byContent(m: Manifest): Finding[] {
  const values: string[] = [];
  eachString(m, (value) => values.push(value));
  prescanForSecrets(values); // a lookup each, after prepare()
  const findings: Finding[] = [];
  eachString(m, (value, field) => {
    const verdict = secretVerdict(value)!;
    const rules =
      verdict.length === 0 && !URL_WITH_USERINFO.test(value)
        ? []
        : [...verdict, ...(urlPasswords(value).length > 0 ? ['url-userinfo/password'] : [])];
    if (rules.length > 0) {
      findings.push({
        field: field(),
        value: HIDDEN,
        problem: `holds what looks like a secret (${rules.join(', ')})`,
        fix: 'keep the value in a Secret or a secret store and reference it (a URL takes its password from the environment: "postgresql://app:$(DB_PASSWORD)@db/app")',
      });
    }
  });
  return findings;
}

/** What urlPasswords can find something in: a scheme, then `:` in the userinfo before an `@`. A cheap test first. */
const URL_WITH_USERINFO = /:\/\/[^\s@/?#]*:[^\s@]*@/;

/**
 * Calls `visit` with every string of the object the content scan reads (not references, not the
 * not-secret declarations; ConfigMap binaryData decoded). `field()` names the string's field; it
 * is built only when asked (a finding), not for every string.
 */
function eachString(m: Manifest, visit: (value: string, field: () => string) => void): void {
  const path: (string | number)[] = [];
  const field = () => path.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p}]` : out ? `${out}.${p}` : p), '');
  const walk = (node: unknown): void => {
    if (typeof node === 'string') {
      if (!isReference(node)) visit(node, field);
    } else if (Array.isArray(node)) {
      node.forEach((item, i) => {
        path.push(i);
        walk(item);
        path.pop();
      });
    } else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === NOT_SECRET_ANNOTATION || (path.length === 0 && key === 'binaryData')) continue;
        path.push(key);
        walk(value);
        path.pop();
      }
    }
  };
  walk(m.object);
  for (const [key, value] of Object.entries<string>(m.object.kind === 'ConfigMap' ? (m.object.binaryData ?? {}) : {})) {
    visit(Buffer.from(value, 'base64').toString('utf8'), () => `binaryData.${key}`);
  }
}

/** One finding per field: the name rule's wording wins over the content rule's. */
function dedupe(findings: Finding[]): Finding[] {
  return findings.filter((f, i) => findings.findIndex((g) => g.field === f.field) === i);
}
