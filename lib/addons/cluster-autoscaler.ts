import { AddonNeed } from '../core/addon-needs';
import { AddonDefinition, AddonInputs, awsInputs } from './addon-definition';

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

/** The cluster autoscaler 1.28 (chart 9.34.0: its minor version must match Kubernetes'). */
export const clusterAutoscaler: AddonDefinition = {
  name: 'cluster-autoscaler',
  summary:
    "cluster-autoscaler 1.28 (chart cluster-autoscaler 9.34.0) with the build's settings as flags, AWS auto-discovery, namespace kube-system; needs an IAM role (IRSA) and tagged node groups",
  kinds: [],
  install(installer, need: AddonNeed, inputs: AddonInputs) {
    if (need.addon !== 'cluster-autoscaler') return;
    const aws = awsInputs(installer, 'cluster-autoscaler', inputs);
    installer.release<ClusterAutoscalerValues>({
      name: 'cluster-autoscaler',
      namespace: 'kube-system',
      chart: { repository: { name: 'autoscaler', url: 'https://kubernetes.github.io/autoscaler' }, chart: 'cluster-autoscaler', version: '9.34.0' },
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
