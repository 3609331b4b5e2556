import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { POLICY_CHECKS } from '../../lib/policy/rules/registry';

/**
 * docs/policy-rules.md is written from the code by scripts/policy-rules-doc.mjs (the rules' doc
 * comments and POLICY_CHECKS), so the docs list exactly the rules the synth runs. A new rule, a
 * changed comment or a new order fails here until the page is rewritten.
 */
const root = join(__dirname, '..', '..');

describe('docs/policy-rules.md', () => {
  test('is what scripts/policy-rules-doc.mjs writes from the code now', () => {
    const run = spawnSync(process.execPath, ['scripts/policy-rules-doc.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  });

  test('lists the rules the synth runs, in report order, each with whether it takes an exception', () => {
    const page = readFileSync(join(root, 'docs', 'policy-rules.md'), 'utf8');
    const rows = [...page.matchAll(/^\| \d+ \| \[`([a-z-]+)`\]\(#[a-z-]+\) \| (.+) \|$/gm)].map((m) => [m[1], m[2] !== 'none']);
    expect(rows).toEqual(POLICY_CHECKS.map((c) => [c.rule.id, c.rule.excusable]));
  });
});
