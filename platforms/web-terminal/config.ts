import { ClusterContract, Environment, IngressController, K3S_BUILT_INS, KubernetesVersions, Resources } from '../../lib';

/** The values that differ between web-terminal clusters; everything else comes from lib/. */
export interface WebTerminalConfig {
  readonly environment: Environment;
  readonly namespaces: {
    /** The web terminal service and its sandbox pods. */
    readonly terminal: string;
    /** The Papers namespaces: manifests exist, no workloads yet. */
    readonly papers: readonly string[];
  };
  /** Host name Traefik serves the terminal on (the seed gives only the node's IP). */
  readonly host: string;
  /** The node port browsers reach the WebSocket on (`ws://<node-ip>:31000`). */
  readonly nodePort: number;
  /**
   * Images built on the k3s node and never pulled (`imagePullPolicy: Never`): the node's pool
   * lists them, and only pods on that pool may use them. Pinned tags: the kubelet matches the name.
   */
  readonly images: { readonly webTerminal: string; readonly sandbox: string };
  /** What one sandbox may use; it must fit the single node (8 vCPU / 240 GB). */
  readonly sandboxResources: Resources;
  /** The Ingress's controller: k3s's built-in Traefik. */
  readonly ingressController: IngressController;
  /** What the k3s node provides; the build installs nothing. */
  readonly cluster: ClusterContract;
}

export const webTerminalProduction: WebTerminalConfig = {
  environment: Environment.PRODUCTION,
  namespaces: { terminal: 'claudecode-terminal', papers: ['papers-frontend', 'papers-backend', 'papers-blockchain'] },
  host: 'terminal.k8s-node.internal',
  nodePort: 31000,
  images: { webTerminal: 'web-terminal-service:1.0.0', sandbox: 'claudecode-sandbox:1.0.0' },
  sandboxResources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '2', memory: '4Gi' } },
  ingressController: IngressController.traefik(),
  // The seed's node runs k3s v1.34.4+k3s1: the build is validated at Kubernetes 1.34.
  cluster: { kubernetes: KubernetesVersions.of('1.34'), provided: K3S_BUILT_INS },
};
