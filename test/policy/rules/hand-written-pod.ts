import { k8s } from 'cdk8s-plus-28';
import { testPlatform } from '../../helpers';

/**
 * The test platform with a hand-written (L1) PodTemplate `raw`: numeric user and group, a
 * readiness probe on its declared port "http", a liveness probe on port "admin", which it does not declare.
 */
export function handWrittenPod() {
  const ctx = testPlatform();
  new k8s.KubePodTemplate(ctx.platform.apps, 'raw', {
    metadata: { name: 'raw', namespace: 'apps' },
    template: {
      spec: {
        securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000 },
        containers: [
          {
            name: 'c',
            image: 'i:1',
            ports: [{ name: 'http', containerPort: 80 }],
            readinessProbe: { httpGet: { port: k8s.IntOrString.fromString('http') } },
            livenessProbe: { tcpSocket: { port: k8s.IntOrString.fromString('admin') } },
          },
        ],
      },
    },
  });
  return ctx;
}
