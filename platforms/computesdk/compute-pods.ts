import { Construct } from 'constructs';
import { NAME_LABEL, Probe, RuntimeClass, SessionTemplates, Volume } from '../../lib';
import { ComputesdkConfig } from './config';

/** The pod label carrying the session id. */
export const SESSION_LABEL = 'computesdk.dev/session';

/**
 * Seed: "Compute Pod Runtime Environment": one pod a user session in the workloads namespace,
 * created by the gateway, running user code next to the runtime agent the gateway talks to
 * (terminal I/O, files, port forwarding over its WebSocket). Isolation per environment: a gVisor
 * RuntimeClass on a node pool, or a Fargate micro-VM (no RuntimeClass: Fargate refuses them).
 */
export function computePods(scope: Construct, infrastructure: Construct, config: ComputesdkConfig): SessionTemplates {
  const pool = config.pools.get(config.placement.compute);
  const gvisor = config.isolation === 'gvisor' ? new RuntimeClass(infrastructure, 'gvisor', { name: 'gvisor', handler: 'runsc', pool }) : undefined;
  return new SessionTemplates(scope, 'compute', {
    name: 'compute',
    namespace: config.namespaces.workloads,
    podLabels: { [NAME_LABEL]: 'compute' },
    userLabel: SESSION_LABEL,
    placeholder: '{session-id}',
    templateNames: { session: 'compute-session' },
    instructionsAnnotation: 'computesdk.dev/per-session',
    runsUntrustedCode: true,
    variants: {
      session: {
        pool,
        runtimeClassName: gvisor?.name,
        runAsUser: 1000,
        runAsGroup: 1000,
        fsGroup: 1000,
        containers: [
          {
            name: 'runtime',
            image: config.images.computeRuntime,
            ports: [{ name: 'agent', port: config.compute.agentPort }],
            resources: config.compute.resources,
            readinessProbe: Probe.tcpSocket('agent', { periodSeconds: 5 }),
            livenessProbe: Probe.tcpSocket('agent', { initialDelaySeconds: 10, periodSeconds: 20 }),
            // User code installs packages and writes where it likes.
            readOnlyRootFilesystem: false,
            volumeMounts: [
              { volume: 'workspace', path: '/workspace' },
              { volume: 'tmp', path: '/tmp' },
            ],
          },
        ],
        volumes: [Volume.emptyDir('workspace', { sizeLimit: '10Gi' }), Volume.emptyDir('tmp', { sizeLimit: '1Gi' })],
      },
    },
  });
}
