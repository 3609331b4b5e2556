import { KubernetesVersions } from '../core/kubernetes-version';
import { VerificationReport } from '../policy/report';

/** Each build's Kubernetes versions (its cluster.kubernetes), as the synth's report records them. */
export function buildVersions(report: VerificationReport): ReadonlyMap<string, string> {
  return new Map(report.platforms.map((p) => [p.name, p.kubernetes]));
}

/**
 * The one Kubernetes version a build's charts are rendered (`helm template --kube-version`) and
 * checked at: the newest of its cluster's range, the version it runs once upgraded, whose removed
 * APIs a chart must no longer use. A build the report does not name is at the default (1.28).
 */
export function chartKubernetesVersion(versions: ReadonlyMap<string, string>, build: string): string {
  const range = KubernetesVersions.parse(versions.get(build) ?? String(KubernetesVersions.DEFAULT));
  return String((range.newest ?? range.oldest).toString());
}
