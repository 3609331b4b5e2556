import { Construct } from 'constructs';
import { AlertRules, NetworkGraph, WebService, WorkloadMonitor } from '../../lib';
import { GIMP_SESSION_CAPACITY } from './capacity';
import { GimpStreamingConfig } from './config';
import { gimpStreamingPools as pools } from './pools';

// Seed: "Prometheus Metrics" -- gimp_sessions_total, gimp_session_duration_seconds,
// gimp_active_sessions, exported by the session manager.
export function gimpMonitoring(scope: Construct, config: GimpStreamingConfig, sessionManager: WebService, network: NetworkGraph): void {
  new WorkloadMonitor(scope, 'session-manager-monitor', { workload: sessionManager, port: 'metrics', prometheus: config.prometheus, network });

  // Capacity at the pools' maximum size, from the seed's sizing (10 sessions a CPU node, 4 a GPU).
  const cpuCapacity = pools.get('cpu').maxNodes * GIMP_SESSION_CAPACITY.cpuSessionsPerNode;
  const gpuPool = pools.get('gpu');
  const gpuCapacity = gpuPool.maxNodes * (gpuPool.instanceType.gpus?.count ?? 0) * (gpuPool.gpuSharing?.replicas ?? 1);
  const job = `job="${sessionManager.name}", namespace="${sessionManager.namespace}"`;
  new AlertRules(scope, 'alerts', {
    name: 'gimp-streaming-alerts',
    namespace: config.namespaces.platform,
    prometheus: config.prometheus,
    groups: {
      'gimp-sessions': [
        {
          name: 'GimpSessionManagerDown',
          expr: `absent(up{${job}} == 1)`,
          for: '5m',
          severity: 'critical',
          summary: 'No session-manager is being scraped',
          description: 'New GIMP sessions cannot start. Check the session-manager pods in namespace gimp-streaming.',
        },
        {
          name: 'GimpCpuSessionsNearCapacity',
          expr: `sum(gimp_active_sessions{node_type="cpu"}) > ${Math.floor(cpuCapacity * 0.8)}`,
          for: '10m',
          severity: 'warning',
          summary: 'CPU sessions above 80% of what the CPU pool can hold at its maximum size',
          description: `The CPU pool holds about ${cpuCapacity} sessions at ${pools.get('cpu').maxNodes} nodes; raise its maxNodes before users are turned away.`,
        },
        {
          name: 'GimpGpuSessionsNearCapacity',
          expr: `sum(gimp_active_sessions{node_type="gpu"}) > ${Math.floor(gpuCapacity * 0.8)}`,
          for: '10m',
          severity: 'warning',
          summary: 'GPU sessions above 80% of the time-sliced GPU shares',
          description: `The GPU pool offers ${gpuCapacity} shares at ${gpuPool.maxNodes} nodes; raise its maxNodes or the time-slicing replicas.`,
        },
        {
          name: 'GimpSessionsEndingEarly',
          expr: 'histogram_quantile(0.5, sum by (le) (rate(gimp_session_duration_seconds_bucket[30m]))) < 120',
          for: '30m',
          severity: 'warning',
          summary: 'Half of the GIMP sessions end within two minutes',
          description: 'Sessions that end this fast usually crash or fail to stream; check session pod restarts and the webrtc-gateway.',
        },
      ],
    },
  });
}
