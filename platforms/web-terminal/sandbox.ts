import { Construct } from 'constructs';
import { declareException, NAME_LABEL, NodePool, PolicyRule, SessionTemplates, Volume } from '../../lib';
import { WebTerminalConfig } from './config';

/** The pod label carrying the session id; the service deletes the pod by it when the session ends. */
export const SESSION_LABEL = 'claudecode.dev/session';

/**
 * Seed: "claudecode-sandbox Pod (dynamically created/deleted)": Ubuntu 22.04, Node.js 20, Claude
 * Code CLI, `/bin/bash` through exec. One pod a session, from this template. It runs what the user
 * types: no API token, no privileges, and (with the network graph) no way into the cluster.
 */
export function claudecodeSandbox(scope: Construct, config: WebTerminalConfig, pool: NodePool): SessionTemplates {
  const sandbox = new SessionTemplates(scope, 'sandbox', {
    name: 'claudecode-sandbox',
    namespace: config.namespaces.terminal,
    podLabels: { [NAME_LABEL]: 'claudecode-sandbox' },
    userLabel: SESSION_LABEL,
    placeholder: '{session-id}',
    templateNames: { shell: 'claudecode-sandbox' },
    instructionsAnnotation: 'claudecode.dev/per-session',
    runsUntrustedCode: true,
    variants: {
      shell: {
        pool,
        runAsUser: 1000,
        runAsGroup: 1000,
        fsGroup: 1000,
        containers: [
          {
            name: 'sandbox',
            image: config.images.sandbox,
            // Built on the node, never pulled: the pool holds it (placement refuses any other pool).
            imagePullPolicy: 'Never',
            // The shell comes from exec (`/bin/bash`); the container only keeps the pod alive.
            command: ['sleep', 'infinity'],
            resources: config.sandboxResources,
            // An interactive shell installs packages and writes to its home.
            readOnlyRootFilesystem: false,
            volumeMounts: [
              { volume: 'workspace', path: '/home/sandbox' },
              { volume: 'tmp', path: '/tmp' },
            ],
          },
        ],
        volumes: [Volume.emptyDir('workspace', { sizeLimit: '10Gi' }), Volume.emptyDir('tmp', { sizeLimit: '1Gi' })],
      },
    },
  });
  declareException(sandbox.podTemplates.shell, {
    rule: PolicyRule.PROBES_SET,
    reason: 'an interactive shell with no server to probe; the web terminal execs into it and deletes it when the session ends',
  });
  return sandbox;
}
