// Writes docs/policy-rules.md from the code, so the list of rules in the docs cannot drift from
// the rules the synth runs: each rule's id, whether it takes an exception and what it requires
// (PolicyRule's doc comments, lib/core/exceptions.ts), in report order with the reason it exists
// (POLICY_CHECKS and each check's doc comment, lib/policy/rules/). Reads the sources with the
// TypeScript parser; loads nothing. test/documentation/policy-rules-page.test.ts runs --check.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fail, helpRequested, oneLineErrors } from './cli.mjs';

const PAGE = 'docs/policy-rules.md';
const RULES = 'lib/core/exceptions.ts';
const REGISTRY = 'lib/policy/rules/registry.ts';

helpRequested(`Usage: node scripts/policy-rules-doc.mjs [--check]
Writes ${PAGE} from the rules' doc comments (${RULES}) and their registry (${REGISTRY}).
  --check   write nothing; fail when ${PAGE} differs from what the code says.
Exit codes: 0 written (or up to date); 1 out of date, or a rule without a check; 2 bad command line.`);
oneLineErrors('policy-rules-doc');
const args = process.argv.slice(2);
for (const arg of args) if (arg !== '--check') fail('policy-rules-doc', `unknown argument ${JSON.stringify(arg)}; see --help`);
// TypeScript takes most of a second to load: only once the command line is known to be good.
const { default: ts } = await import('typescript');

const parse = (path) => ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);

/** The text of the last /** comment before a node, as one line. */
function docOf(node, source) {
  const ranges = ts.getLeadingCommentRanges(source.text, node.getFullStart()) ?? [];
  const doc = ranges
    .map((r) => source.text.slice(r.pos, r.end))
    .filter((c) => c.startsWith('/**'))
    .pop();
  if (!doc) return '';
  return doc
    .replace(/^\/\*\*|\*\/$/g, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, '').trim())
    .filter((line) => !line.startsWith('@'))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** PolicyRule's static rules: constant name -> id, excusable, doc. */
function policyRules() {
  const source = parse(RULES);
  const rules = new Map();
  source.forEachChild(function visit(node) {
    if (ts.isClassDeclaration(node) && node.name?.text === 'PolicyRule') {
      for (const member of node.members) {
        const init = ts.isPropertyDeclaration(member) ? member.initializer : undefined;
        if (!init || !ts.isNewExpression(init) || init.expression.getText(source) !== 'PolicyRule') continue;
        const [id, excusable] = init.arguments ?? [];
        rules.set(member.name.getText(source), {
          id: id.text,
          excusable: excusable?.kind !== ts.SyntaxKind.FalseKeyword,
          doc: docOf(member, source),
        });
      }
    }
  });
  return rules;
}

/** POLICY_CHECKS in order, each with its file, the rule constant it checks and its doc comment. */
function registeredChecks() {
  const source = parse(REGISTRY);
  const files = new Map();
  let order = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && statement.importClause?.namedBindings && ts.isNamedImports(statement.importClause.namedBindings)) {
      for (const element of statement.importClause.namedBindings.elements)
        files.set(element.name.text, join(dirname(REGISTRY), `${statement.moduleSpecifier.text}.ts`));
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (declaration.name.getText(source) === 'POLICY_CHECKS' && declaration.initializer && ts.isArrayLiteralExpression(declaration.initializer)) {
          order = declaration.initializer.elements.map((e) => e.getText(source));
        }
      }
    }
  }
  return order.map((name) => {
    const file = files.get(name);
    if (!file) throw new Error(`${REGISTRY}: ${name} is not imported`);
    const checkSource = parse(file);
    for (const statement of checkSource.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      const declaration = statement.declarationList.declarations.find((d) => d.name.getText(checkSource) === name);
      if (!declaration) continue;
      const rule = /rule:\s*PolicyRule\.([A-Z_]+)/.exec(declaration.initializer?.getText(checkSource) ?? '')?.[1];
      if (!rule) throw new Error(`${file}: ${name} names no rule (rule: PolicyRule.X)`);
      return { name, file, rule, why: docOf(statement, checkSource) };
    }
    throw new Error(`${file}: does not export ${name}`);
  });
}

function page() {
  const rules = policyRules();
  const checks = registeredChecks();
  const unchecked = [...rules.keys()].filter((constant) => !checks.some((c) => c.rule === constant));
  if (unchecked.length > 0) fail('policy-rules-doc', `PolicyRule.${unchecked.join(', PolicyRule.')} has no check in POLICY_CHECKS (${REGISTRY})`, 1);
  const link = (file) => `[${file}](${relative(dirname(PAGE), file)})`;
  const out = [
    `<!-- Written by node scripts/policy-rules-doc.mjs from ${RULES} and ${REGISTRY}; edit those, then run it. -->`,
    '# Policy rules',
    '',
    'Every rule the synth holds each build to, in the order of the checks table and `policy-report.json`.',
    'The schema, placement and whole-build checks run before them: see [synth-and-checks.md](synth-and-checks.md).',
    "A broken rule stops the synth with the object's construct path, the field, the value and the fix.",
    '',
    'An object that cannot follow a rule says so next to it, with a reason a reviewer can read:',
    '`declareException(obj, { rule: PolicyRule.X, reason })` adds the annotation',
    '`policy.k8s-platforms.dev/allow-<rule>`, and the report lists it. An exception the object does not',
    'need is refused, so it cannot outlive its reason. Rules marked "none" take no exception.',
    '',
    '| # | rule | exception |',
    '| --- | --- | --- |',
    ...checks.map((c, i) => {
      const rule = rules.get(c.rule);
      return `| ${i + 1} | [\`${rule.id}\`](#${rule.id}) | ${rule.excusable ? `\`PolicyRule.${c.rule}\`` : 'none'} |`;
    }),
  ];
  for (const c of checks) {
    const rule = rules.get(c.rule);
    out.push('', `## \`${rule.id}\``, '', rule.doc, '');
    if (c.why) out.push(`Why: ${c.why}`, '');
    out.push(`Exception: ${rule.excusable ? `\`declareException(obj, { rule: PolicyRule.${c.rule}, reason })\`` : 'none'}. Check: ${link(c.file)}.`);
  }
  return `${out.join('\n')}\n`;
}

const text = page();
if (args.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(PAGE, 'utf8');
  } catch {
    // missing: out of date
  }
  if (current !== text) fail('policy-rules-doc', `${PAGE} is not what the code says; run node scripts/policy-rules-doc.mjs and commit it`, 1);
  console.log(`${PAGE} is up to date`);
} else {
  writeFileSync(PAGE, text);
  console.log(`wrote ${PAGE}`);
}
