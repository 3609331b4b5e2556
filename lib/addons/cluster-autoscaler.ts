import { AddonNeed } from '../core/addon-needs';
import { KubernetesVersions } from '../core/kubernetes-version';
import { AddonDefinition, AddonInputs, awsInputs } from './addon-definition';
import { ChartRelease } from './chart-release';

/** The values of the cluster-autoscaler chart the build sets (AWS auto-discovery of tagged groups). */
export interface ClusterAutoscalerValues {
  readonly cloudProvider: 'aws';
  readonly awsRegion: string;
  readonly autoDiscovery: { readonly clusterName: string };
  /** The build's typed settings, as `--key=value` flags. */
  readonly extraArgs: Readonly<Record<string, string>>;
  /** IRSA: the autoscaler's ServiceAccount assumes this role. */
  readonly rbac: { readonly serviceAccount: { readonly annotations: Readonly<Record<string, string>> } };
  readonly securityContext: { readonly runAsNonRoot: boolean; readonly seccompProfile: { readonly type: 'RuntimeDefault' } };
  readonly containerSecurityContext: { readonly allowPrivilegeEscalation: boolean; readonly capabilities: { readonly drop: readonly string[] } };
}

/**
 * The cluster-autoscaler releases the build may install. The project matches its minor version to
 * Kubernetes' and tests only that pair (kubernetes/autoscaler cluster-autoscaler/README.md,
 * "Releases": 1.28 from chart 9.34.0, ..., 1.34 from 9.51.0), so each chart supports the one minor
 * of its appVersion (cluster-autoscaler/charts/cluster-autoscaler/Chart.yaml at each
 * cluster-autoscaler-chart-9.x tag; the chart has no kubeVersion). The newest chart, 9.59.0
 * (2026-07-21), ships 1.35.0: no chart supports Kubernetes 1.36 yet. The values below have the same
 * keys in each.
 */
export const CLUSTER_AUTOSCALER_RELEASES: readonly ChartRelease[] = [
  { version: '9.34.0', app: 'cluster-autoscaler 1.28.2', kubernetes: KubernetesVersions.of('1.28') },
  { version: '9.36.0', app: 'cluster-autoscaler 1.29.0', kubernetes: KubernetesVersions.of('1.29') },
  { version: '9.37.0', app: 'cluster-autoscaler 1.30.0', kubernetes: KubernetesVersions.of('1.30') },
  { version: '9.44.0', app: 'cluster-autoscaler 1.31.0', kubernetes: KubernetesVersions.of('1.31') },
  { version: '9.46.6', app: 'cluster-autoscaler 1.32.0', kubernetes: KubernetesVersions.of('1.32') },
  { version: '9.50.1', app: 'cluster-autoscaler 1.33.0', kubernetes: KubernetesVersions.of('1.33') },
  { version: '9.53.0', app: 'cluster-autoscaler 1.34.2', kubernetes: KubernetesVersions.of('1.34') },
  { version: '9.59.0', app: 'cluster-autoscaler 1.35.0', kubernetes: KubernetesVersions.of('1.35') },
];

/** The cluster autoscaler, whose minor version must match Kubernetes'. */
export const clusterAutoscaler: AddonDefinition = {
  name: 'cluster-autoscaler',
  summary:
    "cluster-autoscaler with the build's settings as flags, AWS auto-discovery, namespace kube-system; needs an IAM role (IRSA) and tagged node groups",
  chart: 'cluster-autoscaler',
  releases: CLUSTER_AUTOSCALER_RELEASES,
  kinds: [],
  install(installer, need: AddonNeed, inputs: AddonInputs, release) {
    if (need.addon !== 'cluster-autoscaler') return;
    const aws = awsInputs(installer, 'cluster-autoscaler', inputs);
    installer.release<ClusterAutoscalerValues>({
      name: 'cluster-autoscaler',
      namespace: 'kube-system',
      chart: {
        repository: { name: 'autoscaler', url: 'https://kubernetes.github.io/autoscaler' },
        chart: 'cluster-autoscaler',
        version: release.version,
      },
      values: {
        cloudProvider: 'aws',
        awsRegion: aws.region,
        autoDiscovery: { clusterName: aws.clusterName },
        extraArgs: need.extraArgs,
        rbac: { serviceAccount: { annotations: { 'eks.amazonaws.com/role-arn': aws.autoscalerRoleArn } } },
        securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
        containerSecurityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
      },
    });
  },
};
