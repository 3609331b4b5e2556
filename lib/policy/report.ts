/** What the checks found on one platform. Deterministic: no times, so it can be committed. */
export interface PlatformReport {
  readonly name: string;
  readonly environment: string;
  /** The Kubernetes versions the build was validated at (its cluster.kubernetes): "1.34", "1.35-1.36". */
  readonly kubernetes: string;
  /** The Flux releases that serve both those versions and every Flux field the build writes: "2.8-2.9". */
  readonly flux: string;
  readonly objects: number;
  readonly schema: {
    readonly validated: number;
    /** Validations per schema source ("k8s-1.28", or "CRD <name>": pinned in cdk8s.yaml or defined by this platform): a built-in object is validated at each Kubernetes version of the build. */
    readonly sources: Readonly<Record<string, number>>;
    /** Objects of kinds no schema is known for at synth (neither Kubernetes, nor a pinned or own CRD; .ci/run checks them against ../shared/crds). */
    readonly unvalidated: readonly { readonly apiVersion: string; readonly kind: string; readonly object: string }[];
  };
  readonly checks: {
    readonly run: number;
    readonly failures: number;
    readonly rules: readonly { readonly rule: string; readonly objects: number; readonly failures: number; readonly excused: number }[];
  };
  readonly exceptions: readonly { readonly object: string; readonly rule: string; readonly reason: string }[];
  /** Roles that grant exec/attach into pods or access to Secrets, for review. */
  readonly sensitiveAccess: readonly { readonly object: string; readonly grants: readonly string[] }[];
}

export interface VerificationReport {
  readonly platforms: readonly PlatformReport[];
}

/** The machine-readable report: JSON, so no one mistakes it for a manifest to apply. */
export function reportFile(report: VerificationReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** One summary table for the terminal. */
export function summaryTable(report: VerificationReport): string {
  const header = ['platform', 'kubernetes', 'flux', 'objects', 'validated', 'checks', 'failures', 'exceptions'];
  const rows = report.platforms.map((p) =>
    [p.name, p.kubernetes, p.flux, p.objects, p.schema.validated, p.checks.run, p.checks.failures, p.exceptions.length].map(String),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')}`;
  const notes = report.platforms.flatMap((p) => {
    const kinds = [...new Set(p.schema.unvalidated.map((u) => `${u.kind} (${u.apiVersion})`))];
    return kinds.length > 0
      ? [
          `  ${p.name}: no schema known at synth for ${kinds.join(', ')}; pin their CRDs in cdk8s.yaml (npm run import), or .ci/run checks them against ../shared/crds`,
        ]
      : [];
  });
  return [line(header), ...rows.map(line), ...notes].join('\n');
}
