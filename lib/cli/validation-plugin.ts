import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Environment } from '../core/environment';
import { Manifest, objectId } from '../core/manifest';
import { verifyPlatform } from '../policy/verify';
import { Cdk8sHandoff, findingOf, HandoffFinding, sha256, takeHandoff } from './cdk8s-handoff';
import { findProjectRoot } from './project';

/** The part of the cdk8s CLI's validation context a plugin uses (cdk8s-cli lib/plugins/validation). */
export interface Cdk8sValidationContext {
  readonly manifests: readonly string[];
  readonly report: {
    addViolation(violation: Cdk8sViolation): void;
    submit(status: 'success' | 'failure', metadata?: Record<string, string>): void;
  };
}

export interface Cdk8sViolation {
  readonly ruleName: string;
  readonly recommendation: string;
  readonly fix: string;
  readonly violatingResources: { readonly resourceName: string; readonly manifestPath: string; readonly locations: string[] }[];
}

/**
 * The project's checks as a cdk8s validation plugin, so `cdk8s synth` shows them in its own
 * report. In cdk8s.yaml:
 *
 *   validations:
 *     - package: ./node_modules/k8s-platforms   # a local path: the CLI loads it as it is
 *       class: PlatformChecks
 *       version: <the installed version>
 *
 * With a PlatformApp, the app has already run every check (it has the whole construct tree: pools,
 * add-ons, closure) and hands over what it found (cdk8s-handoff.ts): a refused synth is reported
 * here, and every file the CLI passes must be one the app wrote, unchanged. With any other app,
 * the plugin checks the YAML itself: schemas and every policy rule that needs no node pools.
 */
export class PlatformChecks {
  private readonly root: string;

  /**
   * @param properties cdk8s.yaml's `properties:` of the plugin; `projectRoot` is the folder of
   * cdk8s.yaml (default: the current folder, or the nearest above it holding cdk8s.yaml).
   */
  constructor(properties: { readonly projectRoot?: string } = {}) {
    this.root = properties.projectRoot ?? findProjectRoot() ?? process.cwd();
  }

  // The CLI awaits validate(); the work is synchronous.
  validate(context: Cdk8sValidationContext): Promise<void> {
    const root = this.root;
    const handoff = takeHandoff(root);
    const violations = handoff ? fromHandoff(handoff, context.manifests) : checkFiles(context.manifests);
    for (const v of violations) context.report.addViolation(v);
    const objects = handoff ? String(handoff.objects) : String(parsedObjects(context.manifests).length);
    const metadata: Record<string, string> = handoff
      ? { objects, builds: handoff.builds.join(' ') || '(refused)' }
      : { objects, checked: 'the YAML files alone (no PlatformApp hand-off)' };
    context.report.submit(violations.length > 0 ? 'failure' : 'success', metadata);
    return Promise.resolve();
  }
}

function fromHandoff(handoff: Cdk8sHandoff, manifests: readonly string[]): Cdk8sViolation[] {
  if (!handoff.ok) return handoff.findings.map((f) => violation(f, '(not written: the synth was refused)'));
  return manifests.flatMap((file) => {
    const path = relative(handoff.outdir, file);
    const recorded = handoff.files[path];
    if (recorded === sha256(readFileSync(file))) return [];
    return [
      violation(
        {
          rule: 'written-by-the-synth',
          path,
          field: '(file)',
          fix: 'run the synth again and leave its output as it is',
          message: recorded
            ? `${path} changed after the synth wrote it`
            : `${path} was not written by the synth (a file added to the output folder by hand?)`,
        },
        file,
      ),
    ];
  });
}

function violation(f: HandoffFinding, manifestPath: string): Cdk8sViolation {
  return {
    ruleName: f.rule,
    recommendation: f.message,
    fix: f.fix,
    violatingResources: [{ resourceName: f.path, manifestPath, locations: [f.field] }],
  };
}

/** Every object of the files, except kustomize's own kustomization.yaml (not applied to a cluster). */
function parsedObjects(files: readonly string[]): (Manifest & { file: string })[] {
  return files.flatMap((file) =>
    parseAllDocuments(readFileSync(file, 'utf8'))
      .map((d) => d.toJS() as Record<string, any> | null)
      .filter(
        (o): o is Record<string, any> =>
          !!o && typeof o === 'object' && typeof o.kind === 'string' && !String(o.apiVersion).startsWith('kustomize.config.k8s.io/'),
      )
      .map((object) => ({
        file,
        path: `${file}#${object.kind}/${object.metadata?.name}`,
        apiVersion: object.apiVersion,
        kind: object.kind,
        name: object.metadata?.name,
        namespace: object.metadata?.namespace,
        object,
      })),
  );
}

function checkFiles(files: readonly string[]): Cdk8sViolation[] {
  const manifests = parsedObjects(files);
  const byPath = new Map(manifests.map((m) => [m.path, m]));
  return verifyPlatform({ name: 'cdk8s output', environment: Environment.PRODUCTION, manifests }).errors.map((error) => {
    const finding = findingOf(error);
    const m = byPath.get(finding.path);
    return violation({ ...finding, path: m ? objectId(m) : finding.path }, m?.file ?? '(output)');
  });
}
