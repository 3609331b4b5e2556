import { PolicyInput } from '../policy/policy-check';
import { fluxRange, fluxVersions } from '../policy/build/flux-range';
import { UpgradeStep, upgradeReport } from '../policy/upgrade/upgrade-report';
import { KubernetesVersions } from '../core/kubernetes-version';
import { SCHEMA_VERSIONS } from '../policy/schema/schema-registry';

/** A Markdown table cell: pipes escaped, no line breaks. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The Flux CLI a build's range asks for: the newest release of it. */
function fluxCli(releases: readonly { version: string }[]): string {
  return releases.length > 0 ? releases[releases.length - 1].version : 'none';
}

/**
 * "## Kubernetes and Flux" of a build's doc: the versions it is validated at, the Flux to install,
 * and each add-on's chart release with the versions it supports.
 */
export function versionsSection(input: PolicyInput): string[] {
  const range = input.kubernetes ?? KubernetesVersions.DEFAULT;
  const flux = fluxRange(input.name, input.manifests, range);
  const plan = input.cluster?.addons;
  const out = [
    '## Kubernetes and Flux',
    '',
    `Kubernetes ${String(range)} (the platform's \`cluster.kubernetes\`): every object is validated strictly at ${range.versions().length === 1 ? 'it' : `each of ${range.versions().join(', ')}`}.`,
    '',
    `Flux ${fluxVersions(flux.releases)} serves ${range.versions().length === 1 ? 'it' : 'all of them'} and every Flux field the build writes (they need Flux ${flux.needs.version} or later): bootstrap with the Flux CLI ${fluxCli(flux.releases)}.`,
    '',
  ];
  const installed = plan?.installed ?? [];
  if (installed.length === 0) return [...out, 'The build installs no add-on.', ''];
  out.push('| add-on | chart | release | supports Kubernetes |', '| --- | --- | --- | --- |');
  for (const addon of installed) {
    const release = plan?.releases.get(addon.name);
    if (!release) continue;
    out.push(
      `| ${addon.name} | ${cell(addon.chart ?? addon.name)} | ${release.version}${release.app ? ` (${cell(release.app)})` : ''} | ${String(release.kubernetes)} |`,
    );
  }
  return [...out, ''];
}

/** One upgrade step's cells: the objects, the add-ons and the Flux it takes. */
function stepCells(step: UpgradeStep): [string, string, string] {
  const apis = step.apis.length === 0 ? 'none' : step.apis.map((a) => `${a.object}: ${a.change}`).join('; ');
  const addons =
    step.addons.length === 0
      ? 'none'
      : step.addons
          .map((a) =>
            a.moveTo
              ? `${a.addon} ${a.installed.version} (${a.installed.kubernetes}): move to ${a.moveTo.version} (${a.moveTo.kubernetes})`
              : `${a.addon} ${a.installed.version} (${a.installed.kubernetes}): no recorded release supports ${step.version}`,
          )
          .join('; ');
  return [apis, addons, step.flux.length === 0 ? `none recorded serves ${step.version}` : fluxVersions(step.flux)];
}

/**
 * "## Upgrade report" of a build's doc: for each later Kubernetes version the package has schemas
 * for, what moving the cluster there takes (the `k8s-platforms upgrade-report` command prints the same).
 */
export function upgradeSection(input: PolicyInput): string[] {
  const range = input.kubernetes ?? KubernetesVersions.DEFAULT;
  const steps = upgradeReport(input);
  const out = [
    '## Upgrade report',
    '',
    `What moving the cluster from Kubernetes ${String(range.newest ?? range.oldest)} to each later version takes (each row includes the changes of the versions before it): objects whose API the version removes or reads differently, add-ons whose chart release does not support it, and the Flux that serves it. \`npx k8s-platforms upgrade-report --platform ${input.name}\` prints the same.`,
    '',
  ];
  if (steps.length === 0) {
    return [
      ...out,
      `None: ${String(range.newest ?? range.oldest)} is the newest Kubernetes version this package has API schemas for (${SCHEMA_VERSIONS.join(', ')}).`,
      '',
    ];
  }
  out.push('| to | objects whose API is removed or changed | add-ons to move | Flux |', '| --- | --- | --- | --- |');
  for (const step of steps) out.push(`| ${step.version} | ${stepCells(step).map(cell).join(' | ')} |`);
  return [...out, ''];
}

/** The upgrade report as text for the terminal, one line per later version. */
export function upgradeReportText(input: PolicyInput, steps: readonly UpgradeStep[] = upgradeReport(input)): string {
  const range = input.kubernetes ?? KubernetesVersions.DEFAULT;
  const flux = fluxVersions(fluxRange(input.name, input.manifests, range).releases);
  const head = `${input.name} (Kubernetes ${String(range)}, Flux ${flux}):`;
  if (steps.length === 0) return `${head}\n  no later Kubernetes version has API schemas here (${SCHEMA_VERSIONS.join(', ')})`;
  return [
    head,
    ...steps.map((step) => {
      const [apis, addons, fluxCell] = stepCells(step);
      return `  to ${step.version}: objects: ${apis}\n          add-ons: ${addons}\n          Flux: ${fluxCell}`;
    }),
  ].join('\n');
}
