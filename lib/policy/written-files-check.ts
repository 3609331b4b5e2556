import { ValidationError } from '../core/errors';
import { PolicyRule } from '../core/exceptions';
import { credentialShapes } from '../core/secrets';
import { scanForSecrets } from './secret-scanner';
import { secretsInText } from './secret-content';
import { structuredSecrets } from './structured-secrets';

const HIDDEN = '<literal value hidden>';

/**
 * The files the synth writes beside the objects (kustomization/README.md, docs/<build>.md) carry
 * text no object check sees: the repository URL of the bootstrap command, the platforms' names,
 * descriptions and reasons. Each line of `texts` is held to the content rule of no-secret-values
 * (secretlint's rules, a credential's shape, a secret-looking assignment); each string of the
 * `json` files (policy-report.json) to the shapes and the structure rule, since its strings are
 * the objects' names and reasons, which the object scan has read. Files are keyed by their path
 * from the project root.
 */
export function writtenFileErrors(texts: ReadonlyMap<string, string>, json: ReadonlyMap<string, string> = new Map()): ValidationError[] {
  const lines = (text: string) => text.split('\n');
  const scanned = scanForSecrets([...texts.values()].flatMap(lines));
  const errors: ValidationError[] = [];
  const leak = (path: string, field: string, rules: readonly string[]) =>
    errors.push(
      new ValidationError({
        path,
        field,
        value: HIDDEN,
        problem: `holds what looks like a secret (${rules.join(', ')}) [${PolicyRule.NO_SECRET_VALUES.id}]`,
        fix: 'find where the synth took it from (the repository URL given to GitSource, a name, description or reason of the platform) and keep the secret out of it',
      }),
    );
  for (const [path, text] of texts) {
    lines(text).forEach((line, i) => {
      const rules = secretsInText({ text: line, decoded: false }, scanned.get(line) ?? []);
      if (rules.length > 0) leak(path, `line ${i + 1}`, rules);
    });
  }
  for (const [path, text] of json) {
    const data: unknown = JSON.parse(text);
    for (const { field, rule } of structuredSecrets(data)) leak(path, field, [rule]);
    for (const [field, value] of jsonStrings(data, '')) {
      const shapes = credentialShapes(value);
      if (shapes.length > 0) leak(path, field, shapes);
    }
  }
  return errors;
}

/** Every string of a JSON value, by path. */
function jsonStrings(node: unknown, path: string): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  if (Array.isArray(node)) return node.flatMap((item, i) => jsonStrings(item, `${path}[${i}]`));
  if (node !== null && typeof node === 'object')
    return Object.entries(node).flatMap(([key, value]) => jsonStrings(value, path ? `${path}.${key}` : key));
  return [];
}
