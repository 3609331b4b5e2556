import { ClusterContract, ControlPlane, KubernetesVersions, NAME_LABEL, PrometheusStack } from '../../lib';

/** The values that differ between gimp-streaming clusters; everything else comes from lib/. */
export interface GimpStreamingConfig {
  readonly namespaces: {
    /** session-manager, webrtc-gateway, Istio routes, backups, monitoring. */
    readonly platform: string;
    /** The per-user session pods; its Pod Security level follows from them. */
    readonly sessions: string;
  };
  /** Public host served by the Istio gateway. */
  readonly host: string;
  /** TLS Secret for the host, in istio-system. */
  readonly tlsSecret: string;
  /** Pinned images: a new tag is a change to this file, reviewed like any other (nothing rewrites them in CI). */
  readonly images: {
    readonly gimp: string;
    readonly rclone: string;
    readonly sessionManager: string;
    readonly webrtcGateway: string;
    readonly awsCli: string;
  };
  readonly backup: {
    /** Bucket the users' files live in, and the bucket the nightly copy goes to. */
    readonly userBucket: string;
    readonly backupBucket: string;
    /** IAM role (IRSA) allowed to read the one and write the other. */
    readonly roleArn: string;
  };
  readonly prometheus: PrometheusStack;
  /** What the EKS cluster provides, and what the add-ons the build installs are told. */
  readonly cluster: ClusterContract;
}

export const gimpStreamingProduction: GimpStreamingConfig = {
  namespaces: { platform: 'gimp-streaming', sessions: 'gimp-sessions' },
  host: 'gimp.example.com',
  tlsSecret: 'gimp-streaming-tls',
  images: {
    gimp: 'gimp-streaming-platform/gimp:1.0.0',
    rclone: 'rclone/rclone:1.68.2',
    sessionManager: 'gimp-streaming-platform/session-manager:1.0.0',
    webrtcGateway: 'gimp-streaming-platform/webrtc-gateway:1.0.0',
    awsCli: 'amazon/aws-cli:2.22.35',
  },
  backup: {
    userBucket: 'gimp-streaming-user-data',
    backupBucket: 'gimp-streaming-backups',
    roleArn: 'arn:aws:iam::000000000000:role/gimp-streaming-backup',
  },
  prometheus: {
    namespace: 'monitoring',
    podLabels: { [NAME_LABEL]: 'prometheus' },
    selectorLabels: { release: 'kube-prometheus-stack' },
  },
  cluster: {
    // The seed names no version. EKS gives 1.35 standard support until 2027-03-27 (EKS Kubernetes
    // release calendar); 1.34's ended on 2026-12-02. One version, not a range: the cluster
    // autoscaler's minor must match the cluster's, and its newest chart ships 1.35
    // (lib/addons/cluster-autoscaler.ts).
    kubernetes: KubernetesVersions.of('1.35'),
    // EKS runs the control plane and etcd, and backs etcd up: no control-plane pool, no etcd job.
    controlPlane: ControlPlane.eks(),
    // The seed's region; the IAM roles (IRSA) are placeholders like the backup role.
    inputs: {
      aws: {
        clusterName: 'gimp-streaming',
        region: 'us-east-1',
        ebsCsiRoleArn: 'arn:aws:iam::000000000000:role/gimp-streaming-ebs-csi',
        autoscalerRoleArn: 'arn:aws:iam::000000000000:role/gimp-streaming-cluster-autoscaler',
      },
    },
    provided: [
      { addon: 'eks-pod-identity-webhook', reason: 'EKS runs the IRSA webhook that gives annotated ServiceAccounts their IAM role' },
      { addon: 'coredns', reason: 'EKS installs CoreDNS in kube-system (the managed add-on)' },
    ],
    prerequisites: [
      {
        kind: 'Secret',
        namespace: 'istio-system',
        name: 'gimp-streaming-tls',
        reason: 'the certificate the Istio gateway serves for gimp.example.com; the seed names no issuer, so it is created outside Git',
      },
    ],
  },
};
