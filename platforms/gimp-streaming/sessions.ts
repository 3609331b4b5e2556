import { Construct } from 'constructs';
import { CustomResourceDefinition, EnvValue, NodePool, PodProps, Probe, SessionTemplates, Volume } from '../../lib';
import { GimpStreamingConfig } from './config';
import { gimpStreamingPools as pools } from './pools';

/** The pod label carrying the user id; the GIMP container reads it back as USER_ID. */
const USER_LABEL = 'user';

// Seed: "Session Pod Design" -- GIMP container + rclone sidecar, uid/gid 1000, one pod a user.
function sessionPod(config: GimpStreamingConfig, pool: NodePool, gpus: number): PodProps {
  return {
    pool,
    runAsUser: 1000,
    runAsGroup: 1000,
    fsGroup: 1000,
    containers: [
      {
        name: 'gimp-container',
        image: config.images.gimp,
        // Requests 1 CPU / 2Gi, bursting to 2 CPU / 4Gi (Burstable). GPU: one time-sliced
        // share (a quarter of a T4), not the seed's invalid "0.25".
        resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '2', memory: '4Gi' }, gpus },
        ports: [
          { name: 'webrtc', port: 6901 },
          { name: 'vnc', port: 5901 },
        ],
        env: { DISPLAY: ':99', USER_ID: EnvValue.fromPodLabel(USER_LABEL) },
        volumeMounts: [
          { volume: 'user-storage', path: '/home/user' },
          { volume: 'temp-storage', path: '/tmp' },
          // Sees the sidecar's FUSE mount of the user's cloud drive.
          { volume: 'cloud-storage', path: '/data/cloud', propagation: 'HostToContainer' },
        ],
        readinessProbe: Probe.httpGet('/health', 'webrtc', { initialDelaySeconds: 30, periodSeconds: 10 }),
        livenessProbe: Probe.httpGet('/health', 'webrtc', { initialDelaySeconds: 60, periodSeconds: 30 }),
        // A desktop session (X server, GIMP) writes outside its volumes.
        readOnlyRootFilesystem: false,
      },
      {
        name: 'rclone-sidecar',
        image: config.images.rclone,
        privileged: {
          reason:
            "rclone mounts the user's cloud drive with FUSE (/dev/fuse, CAP_SYS_ADMIN) and shares it with the GIMP container through Bidirectional mount propagation",
        },
        command: ['rclone', 'mount'],
        args: ['remote:', '/data/cloud', '--allow-other', '--vfs-cache-mode', 'writes'],
        // RCLONE_CONFIG is a path: the user's config is mounted from their Secret.
        env: { RCLONE_CONFIG: '/etc/rclone/config' },
        volumeMounts: [
          { volume: 'cloud-storage', path: '/data/cloud', propagation: 'Bidirectional' },
          { volume: 'cloud-credentials', path: '/etc/rclone', readOnly: true },
          { volume: 'rclone-cache', path: '/root/.cache' },
        ],
        resources: { requests: { cpu: '0.1', memory: '128Mi' }, limits: { cpu: '0.5', memory: '512Mi' } },
        // The sidecar is healthy while the cloud drive is mounted.
        readinessProbe: Probe.exec(['mountpoint', '-q', '/data/cloud'], { initialDelaySeconds: 5, periodSeconds: 10 }),
        livenessProbe: Probe.exec(['mountpoint', '-q', '/data/cloud'], { initialDelaySeconds: 30, periodSeconds: 30 }),
      },
    ],
    volumes: [
      Volume.emptyDir('temp-storage', { sizeLimit: '1Gi' }),
      Volume.emptyDir('cloud-storage'),
      Volume.emptyDir('rclone-cache', { sizeLimit: '1Gi' }),
    ],
  };
}

/** The session pod templates (CPU and GPU), the user claim and snapshot templates. */
export function gimpSessions(scope: Construct, config: GimpStreamingConfig, storage: { userClass: string; snapshotClass: string }): SessionTemplates {
  return new SessionTemplates(scope, 'sessions', {
    name: 'gimp-session',
    namespace: config.namespaces.sessions,
    podLabels: { app: 'gimp-session', tier: 'streaming' },
    userLabel: USER_LABEL,
    instructionsAnnotation: 'sessions.streaming.platform/per-user',
    userStorage: {
      volume: 'user-storage',
      claimPrefix: 'user-storage',
      size: '20Gi',
      storageClass: storage.userClass,
      labels: { type: 'persistent' },
    },
    userSecrets: [{ volume: 'cloud-credentials', secretPrefix: 'user-cloud-credentials' }],
    snapshots: { snapshotClass: storage.snapshotClass, namePrefix: 'user-snapshot' },
    variants: {
      cpu: sessionPod(config, pools.get('cpu'), 0),
      gpu: sessionPod(config, pools.get('gpu'), 1),
    },
  });
}

// Seed: "Custom Resource Definition" of sessions.streaming.platform.
export function sessionCrd(scope: Construct): CustomResourceDefinition {
  const string = { type: 'string' };
  return new CustomResourceDefinition(scope, 'session-crd', {
    group: 'streaming.platform',
    kind: 'Session',
    plural: 'sessions',
    versions: [
      {
        name: 'v1',
        storage: true,
        statusSubresource: true,
        schema: {
          type: 'object',
          properties: {
            spec: {
              type: 'object',
              properties: {
                // The user id names the session's pod and claim, so it must be a DNS label.
                userId: { type: 'string', maxLength: 63, pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$' },
                application: { type: 'string', enum: ['gimp', 'blender', 'inkscape'] },
                resources: { type: 'object', properties: { cpu: string, memory: string, gpu: string } },
                storage: { type: 'object', properties: { size: string, class: string } },
                timeout: { type: 'integer' },
              },
            },
            status: {
              type: 'object',
              properties: {
                phase: { type: 'string', enum: ['pending', 'running', 'terminating', 'failed'] },
                podName: string,
                startTime: string,
                endpoint: string,
              },
            },
          },
        },
        printerColumns: [
          { name: 'User', type: 'string', jsonPath: '.spec.userId' },
          { name: 'Application', type: 'string', jsonPath: '.spec.application' },
          { name: 'Phase', type: 'string', jsonPath: '.status.phase' },
          { name: 'Pod', type: 'string', jsonPath: '.status.podName' },
          { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
        ],
      },
    ],
  });
}
