import {
  CloudLoadBalancer,
  ClusterContract,
  ControlPlane,
  Environment,
  KubernetesVersions,
  LoadBalancerImplementation,
  NodePools,
  Resources,
} from '../../lib';
import { computesdkEksPools, computesdkLocalPools } from './pools';

/**
 * How compute pods are kept apart: `gvisor` runs each in gVisor's user-space kernel through a
 * RuntimeClass (handler runsc) on nodes that have it; `fargate-micro-vm` runs each in its own
 * Fargate micro-VM, which takes no custom RuntimeClass.
 */
export type ComputeIsolation = 'gvisor' | 'fargate-micro-vm';

/** One ComputeSDK cluster. Environments are values of this type; the code is the same for all. */
export interface ComputesdkConfig {
  readonly environment: Environment;
  readonly namespaces: { readonly system: string; readonly workloads: string };
  readonly pools: NodePools;
  /** Which pool runs what: gateway and API, the data stores, the compute pods. */
  readonly placement: { readonly system: string; readonly data: string; readonly compute: string };
  readonly isolation: ComputeIsolation;
  readonly images: {
    readonly gateway: string;
    readonly api: string;
    readonly computeRuntime: string;
    readonly mysql: string;
    readonly redis: string;
    readonly seaweedfs: string;
    readonly busybox: string;
  };
  readonly gateway: {
    readonly replicas: number;
    /** The load balancer's port; the gateway listens on 8080 (http) or 8443 (https with tlsSecret). */
    readonly port: number;
    /** TLS ends in the gateway with this Secret, so the load balancer can stay a TCP listener with a long idle timeout. @default plain http */
    readonly tlsSecret?: string;
    /** @default the cloud's defaults (a local cluster has no cloud) */
    readonly loadBalancer?: CloudLoadBalancer;
    readonly resources: Resources;
  };
  readonly api: { readonly minReplicas: number; readonly maxReplicas: number; readonly cpuUtilization: number; readonly resources: Resources };
  readonly compute: { readonly agentPort: number; readonly resources: Resources };
  /** Storage class of the data stores' claims: the cluster's own, or an EBS gp3 class this build creates. */
  readonly storage: {
    readonly storageClass: { readonly name: string; readonly createEbsGp3?: boolean };
    readonly sizes: {
      readonly mysql: string;
      readonly redis: string;
      readonly seaweedfsMaster: string;
      readonly seaweedfsVolume: string;
      readonly seaweedfsFiler: string;
    };
  };
  /** Spread the gateway and API over availability zones. */
  readonly spreadOverZones: boolean;
  /** What the cluster provides and what its add-ons are told; the build installs the rest. */
  readonly cluster: ClusterContract;
}

const SEAWEEDFS = 'chrislusf/seaweedfs:3.80';

/** The credentials the data stores and the API read; values never enter Git. */
const SECRETS_OUTSIDE_GIT = [
  {
    kind: 'Secret',
    namespace: 'computesdk-system',
    name: 'mysql-credentials',
    reason:
      "MySQL root and application passwords (keys root-password, password), created at bootstrap with kubectl create secret or synced by the team's secret store",
  },
  {
    kind: 'Secret',
    namespace: 'computesdk-system',
    name: 'seaweedfs-s3-credentials',
    reason:
      "the SeaweedFS S3 keys (keys access-key, secret-key), created at bootstrap with kubectl create secret or synced by the team's secret store",
  },
] as const;
const BUSYBOX = 'busybox:1.36.1';

/**
 * The developer's OrbStack cluster (seed: "using mysql:latest ... for local dev", "OrbStack's
 * local storage provider"). One node, gVisor installed on it; floating tags allowed here only.
 */
export const computesdkLocal: ComputesdkConfig = {
  environment: Environment.localDev('local'),
  namespaces: { system: 'computesdk-system', workloads: 'computesdk-workloads' },
  pools: computesdkLocalPools,
  placement: { system: 'orbstack', data: 'orbstack', compute: 'orbstack' },
  isolation: 'gvisor',
  images: {
    gateway: 'computesdk/gateway:dev',
    api: 'computesdk/api:dev',
    computeRuntime: 'computesdk/compute-runtime:dev',
    mysql: 'mysql:latest',
    redis: 'redis:alpine',
    seaweedfs: SEAWEEDFS,
    busybox: BUSYBOX,
  },
  gateway: { replicas: 1, port: 80, resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } } },
  api: {
    minReplicas: 2,
    maxReplicas: 3,
    cpuUtilization: 70,
    resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
  },
  compute: { agentPort: 8080, resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '1', memory: '1Gi' } } },
  // OrbStack's built-in local provisioner.
  storage: {
    storageClass: { name: 'local-path' },
    sizes: { mysql: '5Gi', redis: '1Gi', seaweedfsMaster: '1Gi', seaweedfsVolume: '10Gi', seaweedfsFiler: '1Gi' },
  },
  spreadOverZones: false,
  cluster: {
    // The seed names no version, and OrbStack bundles one Kubernetes version per OrbStack release,
    // trailing upstream (orbstack/orbstack#1694), so developers' Macs differ. The build is checked
    // at every version Flux 2.9, the newest, serves: 1.33 to 1.36. An older OrbStack is updated.
    kubernetes: KubernetesVersions.between('1.33', '1.36'),
    // OrbStack serves LoadBalancer Services itself, on *.k8s.orb.local (docs.orbstack.dev/kubernetes).
    loadBalancer: LoadBalancerImplementation.cloudController('OrbStack'),
    provided: [
      { addon: 'coredns', reason: "OrbStack's Kubernetes (k3s) runs CoreDNS in kube-system" },
      {
        addon: 'local-path-provisioner',
        reason: "OrbStack's Kubernetes (k3s) ships the local-path provisioner and its default StorageClass local-path",
        objects: ['StorageClass/local-path'],
      },
      { addon: 'metrics-server', reason: "OrbStack's Kubernetes (k3s) ships metrics-server, which the API's HorizontalPodAutoscaler reads" },
    ],
    prerequisites: [...SECRETS_OUTSIDE_GIT],
  },
};

/**
 * EKS (seed: "Node Strategy"): system services on arm64 managed node groups, compute pods on
 * Fargate, isolated by their micro-VMs (Fargate takes no gVisor RuntimeClass).
 */
export const computesdkEks: ComputesdkConfig = {
  environment: Environment.named('eks'),
  namespaces: { system: 'computesdk-system', workloads: 'computesdk-workloads' },
  pools: computesdkEksPools,
  placement: { system: 'system', data: 'data', compute: 'compute' },
  isolation: 'fargate-micro-vm',
  images: {
    gateway: '000000000000.dkr.ecr.us-east-1.amazonaws.com/computesdk/gateway:1.0.0',
    api: '000000000000.dkr.ecr.us-east-1.amazonaws.com/computesdk/api:1.0.0',
    computeRuntime: '000000000000.dkr.ecr.us-east-1.amazonaws.com/computesdk/compute-runtime:1.0.0',
    mysql: 'mysql:8.4.3',
    redis: 'redis:7.4.1-alpine',
    seaweedfs: SEAWEEDFS,
    busybox: BUSYBOX,
  },
  gateway: {
    replicas: 2,
    port: 443,
    tlsSecret: 'compute-gateway-tls',
    // WebSockets sit idle between keystrokes: an hour before the NLB drops them (default 350 s).
    loadBalancer: CloudLoadBalancer.awsNlb({ idleTimeoutSeconds: 3600 }),
    resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
  },
  api: {
    minReplicas: 3,
    maxReplicas: 10,
    cpuUtilization: 70,
    resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '1', memory: '1Gi' } },
  },
  // Fargate sizes each micro-VM from the requests: ask for what the pod may use.
  compute: { agentPort: 8080, resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '1', memory: '2Gi' } } },
  storage: {
    storageClass: { name: 'computesdk-gp3', createEbsGp3: true },
    sizes: { mysql: '20Gi', redis: '5Gi', seaweedfsMaster: '1Gi', seaweedfsVolume: '100Gi', seaweedfsFiler: '5Gi' },
  },
  spreadOverZones: true,
  cluster: {
    // The seed names no version. EKS gives 1.35 standard support until 2027-03-27 and 1.36 after
    // it (EKS Kubernetes release calendar); the build works on both, so the cluster can move from
    // one to the other without a change here.
    kubernetes: KubernetesVersions.between('1.35', '1.36'),
    controlPlane: ControlPlane.eks(),
    // The AWS Load Balancer Controller (provided below) makes the gateway's NLB.
    loadBalancer: LoadBalancerImplementation.cloudController('AWS'),
    // The seed's region; the IAM roles (IRSA) are placeholders like the ECR account.
    inputs: {
      aws: {
        clusterName: 'computesdk',
        region: 'us-east-1',
        ebsCsiRoleArn: 'arn:aws:iam::000000000000:role/computesdk-ebs-csi',
        autoscalerRoleArn: 'arn:aws:iam::000000000000:role/computesdk-cluster-autoscaler',
      },
    },
    provided: [
      { addon: 'coredns', reason: 'EKS installs CoreDNS in kube-system (the managed add-on), on the system node group' },
      {
        addon: 'eks-pod-identity-webhook',
        reason: "EKS runs the IRSA webhook that gives the EBS CSI driver's annotated ServiceAccount its IAM role",
      },
      {
        addon: 'aws-load-balancer-controller',
        reason:
          "installed with the cluster (Helm chart eks/aws-load-balancer-controller with its IAM role, or EKS Auto Mode): it makes the gateway's NLB from the Service annotations",
      },
      { addon: 'metrics-server', reason: "the EKS metrics-server add-on, enabled with the cluster; the API's HorizontalPodAutoscaler reads it" },
    ],
    prerequisites: [
      ...SECRETS_OUTSIDE_GIT,
      {
        kind: 'Secret',
        namespace: 'computesdk-system',
        name: 'compute-gateway-tls',
        reason:
          'the certificate the gateway serves (TLS ends in the pod, so the NLB stays a TCP listener); the seed names no issuer, so it is created outside Git',
      },
    ],
  },
};
