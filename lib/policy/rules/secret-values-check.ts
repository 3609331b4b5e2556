import { isReference, literalUnderSecretName, looksSecret } from '../../core/secrets';
import { declaredNotSecrets, NOT_SECRET_ANNOTATION } from '../../core/not-secret';
import { PolicyRule } from '../../core/exceptions';
import { Manifest } from '../../core/manifest';
import { isRealReason } from '../../core/reasons';
import { Finding, PolicyCheck } from '../policy-check';
import { containersOf, podSpecOf } from '../../core/pod-specs';
import { prescanForSecrets, secretVerdict } from '../secret-scanner';
import { scanForms, secretsInText } from '../secret-content';
import { structuredSecrets } from '../structured-secrets';

const HIDDEN = '<literal value hidden>';
const KEEP_IT_OUT = 'keep the value in a Secret or a secret store and reference it';
const FROM_SECRET = 'reference it with valueFrom.secretKeyRef (EnvValue.fromSecret) and keep the value in the cluster or a secret store';
const CONTENT_FIX =
  'keep the value in a Secret or a secret store and reference it (a URL takes its password from the environment: "postgresql://app:$(DB_PASSWORD)@db/app")';

/**
 * dist/ is in git: nothing in it may hold a secret value. Found by name (a literal under a
 * secret-looking env name, flag, ConfigMap key or properties line; under any secret-looking key
 * of any object, such as a HelmRelease's values or a Flux substitution; in a `{ name, value }`
 * pair such as an HTTP probe's Authorization header) and by content (secretlint's recommended
 * rules, a JWT, an Authorization value, a password in any URL's userinfo, a secret-looking
 * `NAME=value` anywhere in a script or text, a secret inside JSON or a docker config) in every
 * string of every object, base64 decoded too. No exceptions, and no directive inside the content
 * (`secretlint-disable`) turns the scan off: a value that only looks secret is declared with
 * declareNotSecret, by field, with a reason a reviewer can read.
 */
export const secretValuesCheck: PolicyCheck = {
  rule: PolicyRule.NO_SECRET_VALUES,
  // One scanner run for every string of every build (the scanner remembers), not one per object or build.
  prepare(builds) {
    prescanForSecrets(builds.flatMap((build) => build.manifests.flatMap(secretScanInputs)));
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
    const findings = dedupe([...byName(m), ...byStructure(m), ...byContent(m)]);
    const declared = declaredNotSecrets(m.object);
    const unreasoned = [...declared].filter(([, reason]) => !isRealReason(reason)).map(([field]) => field);
    const unused = [...declared.keys()].filter((field) => !unreasoned.includes(field) && !findings.some((f) => f.field === field));
    return [
      // A declaration without a reason excuses nothing.
      ...findings.filter((f) => !declared.has(f.field) || unreasoned.includes(f.field)),
      ...unreasoned.map((field) => ({
        field: `metadata.annotations["${NOT_SECRET_ANNOTATION}"]`,
        value: field,
        problem: 'declares a value not secret without a reason a reviewer can read (at least 10 characters, in words)',
        fix: 'declare it with declareNotSecret(construct, field, reason), saying why the value is not a secret',
      })),
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

/** Literals under secret-looking keys and in secret-looking `{ name, value }` pairs, anywhere in the object. */
function byStructure(m: Manifest): Finding[] {
  return structuredSecrets(m.object).map(({ field, rule }) =>
    rule.startsWith('pair/')
      ? {
          field,
          value: HIDDEN,
          problem: `gives ${rule.slice('pair/'.length)} a literal value, which looks like a secret`,
          fix: 'take it from a Secret (an env var by valueFrom.secretKeyRef); a probe cannot read one, so probe a path that needs no credentials',
        }
      : {
          field,
          value: HIDDEN,
          problem:
            rule === 'docker-config/auth'
              ? 'holds registry credentials (a docker config auth)'
              : 'is a literal under a name that says it is a secret',
          fix: `${KEEP_IT_OUT} (a HelmRelease takes values from it with valuesFrom, a Flux Kustomization with postBuild.substituteFrom, a pod with imagePullSecrets)`,
        },
  );
}

/** The first `key=value` / `key: value` line (properties, .env, YAML) that sets a secret-looking key to a literal. */
function secretLine(text: string): string | undefined {
  for (const line of text.split('\n')) {
    const setting = /^\s*(?:export\s+)?["']?([A-Za-z0-9_.\-[\]]+)["']?\s*[=:]\s*["']?([^"'\s#]+)/.exec(line);
    if (setting && literalUnderSecretName(setting[1], setting[2])) return setting[1];
  }
  return undefined;
}

/** Every string of the object (and ConfigMap binaryData), as written and base64 decoded, checked by content. */
function byContent(m: Manifest): Finding[] {
  const findings: Finding[] = [];
  eachString(m, (value, field) => {
    for (const form of scanForms(value)) {
      // prepare() scanned every form of every build at once; a value it did not see is scanned now.
      if (secretVerdict(form.text) === undefined) prescanForSecrets([form.text]);
      const rules = secretsInText(form, secretVerdict(form.text)!);
      if (rules.length === 0) continue;
      findings.push({
        field: field(),
        value: HIDDEN,
        problem: `holds${form.decoded ? ', base64-encoded,' : ''} what looks like a secret (${rules.join(', ')})`,
        fix: CONTENT_FIX,
      });
      break;
    }
  });
  return findings;
}

/** The texts the content rule scans for one object: every string, and the base64-decoded forms. */
export function secretScanInputs(m: Manifest): string[] {
  const texts: string[] = [];
  eachString(m, (value) => scanForms(value).forEach((form) => texts.push(form.text)));
  return texts;
}

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

/** One finding per field: the name rule's wording wins over the structure rule's, and both over the content rule's. */
function dedupe(findings: Finding[]): Finding[] {
  return findings.filter((f, i) => findings.findIndex((g) => g.field === f.field) === i);
}
