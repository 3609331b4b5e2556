import { PolicyRule } from '../core/exceptions';
import { objectId } from '../core/manifest';
import { PlatformReport, VerificationReport } from '../policy/report';
import { PlatformManifests } from './collect';
import { fileName } from './layout';

/** Beside policy-report.json: SARIF 2.1.0 for code-scanning views, JUnit XML for CI test views. */
export const SARIF_FILE = 'policy-report.sarif';
export const JUNIT_FILE = 'policy-report.junit.xml';

const TOOL = 'k8s-platforms';
const RULES_PAGE = 'docs/policy-rules.md';

/** One exception of a build, with where its object is written and which construct made it. */
export interface SuppressedFinding {
  readonly rule: string;
  readonly object: string;
  readonly reason: string;
  /** `dist/<build>/<layer>/...yaml`, or `kustomization/<build>/...` for an entry-point object. */
  readonly file: string;
  readonly constructPath: string;
}

/** The findings of one build as both files show them. */
export interface BuildFindings {
  readonly build: string;
  readonly report: PlatformReport;
  readonly suppressed: readonly SuppressedFinding[];
}

/**
 * Each build's findings from its report and its objects. A published synth has no failures (any
 * refuses it), so what the files hold are the declared exceptions: the findings a reason excused.
 */
export function buildFindings(platforms: readonly PlatformManifests[], report: VerificationReport): BuildFindings[] {
  return platforms.map((p) => {
    const byId = new Map<string, { file: string; path: string }>();
    for (const { layer, manifests } of p.layers)
      for (const m of manifests) byId.set(objectId(m), { file: `dist/${p.platform.folder}/${layer.name}/${fileName(m)}`, path: m.path });
    for (const m of p.entryPoint) byId.set(objectId(m), { file: `kustomization/${p.platform.folder}/flux-system/${fileName(m)}`, path: m.path });
    const platformReport = report.platforms.find((r) => r.name === p.platform.folder)!;
    const suppressed = platformReport.exceptions.map((e) => {
      const at = byId.get(e.object);
      return {
        rule: e.rule,
        object: e.object,
        reason: e.reason,
        file: at?.file ?? `dist/${p.platform.folder}/`,
        constructPath: at?.path ?? e.object,
      };
    });
    return { build: p.platform.folder, report: platformReport, suppressed };
  });
}

/**
 * SARIF 2.1.0: one run per build (automationDetails.id `k8s-platforms/<build>/`, so a
 * code-scanning view keeps each build's results apart), every rule in the driver, one result per
 * finding with its rule, its object's file and construct, and what to do; an excused finding is a
 * result with an in-source suppression whose justification is the declared reason.
 */
export function sarifFile(builds: readonly BuildFindings[]): string {
  const rules = PolicyRule.rules.map((r) => ({
    id: r.id,
    name: r.id,
    shortDescription: { text: `k8s-platforms policy rule ${r.id}` },
    // helpUri and informationUri must be absolute URIs; the rules page is a path of the repository.
    help: { text: `See ${RULES_PAGE}#${r.id} in the repository.` },
    properties: { excusable: r.excusable },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const runs = builds.map((b) => ({
    tool: { driver: { name: TOOL, rules } },
    automationDetails: { id: `${TOOL}/${b.build}/` },
    results: b.suppressed.map((s) => ({
      ruleId: ruleOf(s.rule),
      ...(ruleIndex.has(ruleOf(s.rule)) ? { ruleIndex: ruleIndex.get(ruleOf(s.rule)) } : {}),
      level: 'error',
      message: { text: `${s.object} breaks ${s.rule}, excused by its declared exception: ${s.reason}` },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: s.file } },
          logicalLocations: [{ fullyQualifiedName: s.constructPath, kind: 'object' }],
        },
      ],
      suppressions: [{ kind: 'inSource', justification: s.reason }],
      properties: {
        object: s.object,
        fix: `keep the reason true, or change the object so it follows ${s.rule} and remove the exception`,
      },
    })),
  }));
  return `${JSON.stringify({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs }, null, 2)}\n`;
}

/**
 * JUnit XML as Jenkins, GitLab and GitHub test views read it: a test suite per build, a test case
 * per rule (its objects checked, passed), and a skipped test case per excused finding with the
 * declared reason as the skip text (Jenkins' junit-4.xsd gives `<skipped>` text, no attributes).
 */
export function junitFile(builds: readonly BuildFindings[]): string {
  const suites = builds.map((b) => {
    const cases = [
      ...b.report.checks.rules.map((r) => `    <testcase classname="${xml(b.build)}" name="${xml(`${r.rule}: ${r.objects} objects`)}" time="0"/>`),
      ...b.suppressed.map(
        (s) =>
          `    <testcase classname="${xml(`${b.build}.${s.rule}`)}" name="${xml(`${s.object} (${s.file})`)}" time="0">\n      <skipped>${xml(`excused: ${s.reason}`)}</skipped>\n    </testcase>`,
      ),
    ];
    const tests = b.report.checks.rules.length + b.suppressed.length;
    return `  <testsuite name="${xml(b.build)}" tests="${tests}" failures="0" errors="0" skipped="${b.suppressed.length}" time="0">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${TOOL} checks">\n${suites.join('\n')}\n</testsuites>\n`;
}

/** A not-secret declaration is reported under its rule with the field: `no-secret-values: data.x is not a secret`. */
function ruleOf(reported: string): string {
  return reported.split(':')[0];
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
