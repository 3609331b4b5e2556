import { declareReplacement } from '../../lib/core/replacement';
import { CloudLoadBalancer } from '../../lib/workloads/load-balancer';
import { Probe } from '../../lib/workloads/probe';
import { StatefulStore } from '../../lib/workloads/stateful-store';
import { ServiceClients } from '../../lib/workloads/service-clients';
import { WebService } from '../../lib/workloads/web-service';
import { container } from '../helpers';
import { Case, PROBED, sessions, web } from './fixtures';

/** Refused inputs: pods and Services: containers, ports, probes, volumes, budgets, pod settings, load balancers. */
export const podsAndServices: Case[] = [
  [
    'port name longer than 15 characters',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { ports: [{ name: 'webrtc-signaling', port: 6901 }] })),
    'test/apps/web: containers[0].ports[0].name must be an IANA service name (1-15 lower-case letters, digits and single "-", with at least one letter) (got "webrtc-signaling"); fix: shorten it, e.g. "webrtc-signalin"',
  ],
  [
    'port out of range',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { ports: [{ name: 'http', port: 70000 }] })),
    'test/apps/web: containers[0].ports[0].port must be a whole port number from 1 to 65535 (got 70000); fix: give one port per entry; a Service cannot declare a range',
  ],
  [
    'mount of a volume the pod does not declare',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { volumeMounts: [{ volume: 'cache', path: '/cache' }] })),
    'test/apps/web: containers[0].volumeMounts[0].volume names no volume of the pod (got "cache"); fix: declare it in volumes, or mount one of: (none declared)',
  ],
  [
    'two containers with one name',
    (ctx) => new WebService(ctx.platform.apps, 'web', { ...web(ctx), containers: [container(), container({ ports: [] })] }),
    'test/apps/web: containers repeats the container name "app" (got "app"); fix: give every container name in the pod its own name',
  ],
  [
    'label value longer than 63 characters',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { podLabels: { team: 'x'.repeat(64) } })),
    `test/apps/web: podLabels.team must be a label value (at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit) (got "${'x'.repeat(64)}"); fix: shorten it or move long text to an annotation`,
  ],
  [
    'service port aimed at no container port',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { service: { ports: [{ name: 'http', port: 80, targetPort: 'web' }] } })),
    'test/apps/web: service.ports[0].targetPort names no container port (got "web"); fix: use one of: http',
  ],
  [
    'nodePort on a ClusterIP service',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { service: { ports: [{ name: 'http', port: 80, nodePort: 31000 }] } })),
    'test/apps/web: service.ports[0].nodePort is only allowed on NodePort and LoadBalancer Services (got 31000); fix: set the Service\'s type to "NodePort" or drop nodePort',
  ],
  [
    'pod without containers',
    (ctx) => new WebService(ctx.platform.apps, 'web', { ...web(ctx), containers: [] }),
    'test/apps/web: containers must list at least one container (got []); fix: add the application container',
  ],
  [
    'privileged container without a declared exception',
    (ctx) => sessions(ctx, {}, { privileged: true as unknown as { reason: string } }),
    'test/apps/sessions: variants.main.containers[0].privileged must be a declared exception with a reason, not a switch (got true); fix: write privileged: { reason: "why this container needs the host\'s privileges" } and run the pod in a namespace whose Pod Security level is privileged',
  ],
  [
    'bidirectional mount propagation in an unprivileged container',
    (ctx) => sessions(ctx, { volumes: [] }, { volumeMounts: [{ volume: 'home', path: '/data', propagation: 'Bidirectional' }] }),
    'test/apps/sessions: variants.main.containers[0].volumeMounts[0].propagation is only allowed in a privileged container (the API refuses it otherwise) (got "Bidirectional"); fix: use "HostToContainer" to see mounts made by another container, or declare privileged: { reason } on this one',
  ],
  [
    'two Service ports on 80/TCP',
    (ctx) =>
      new WebService(
        ctx.platform.apps,
        'web',
        web(ctx, {
          service: {
            ports: [
              { name: 'http', port: 80 },
              { name: 'alt', port: 80, targetPort: 'http' },
            ],
          },
        }),
      ),
    'test/apps/web: service.ports[1].port repeats port 80/TCP of this Service (the API server refuses it) (got 80); fix: give every Service port its own number, or map both to one port',
  ],
  [
    'two container ports on 8080',
    (ctx) =>
      new WebService(ctx.platform.apps, 'web', {
        ...web(ctx),
        containers: [container(), container({ name: 'sidecar', ports: [{ name: 'admin', port: 8080 }] })],
      }),
    'test/apps/web: containers[1].ports[0].port repeats port 8080/TCP of container app (the containers of a pod share one network) (got 8080); fix: give each container its own port number',
  ],
  [
    'nodePort outside 30000-32767',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { service: { type: 'NodePort', ports: [{ name: 'http', port: 80, nodePort: 80 }] } })),
    "test/apps/web: service.ports[0].nodePort must be a whole number from 30000 to 32767 (the cluster's node port range) (got 80); fix: pick a port in that range, or leave nodePort out and let the cluster assign one",
  ],
  [
    'second Service without a name',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { extraServices: [{ type: 'LoadBalancer' }] })),
    'test/apps/web: extraServices[0].name must be given for every Service after the first (got nothing); fix: name it, e.g. "<workload>-public"',
  ],
  [
    'probe on port 0',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { readinessProbe: Probe.httpGet('/healthz', 0) })),
    'test/apps/web: containers[0].readinessProbe.port is no port the container declares (got 0); fix: probe one of: "http" (8080)',
  ],
  [
    'probe on a port name the container does not declare',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, {}, { livenessProbe: Probe.tcpSocket('metrics') })),
    'test/apps/web: containers[0].livenessProbe.port is no port the container declares (got "metrics"); fix: probe one of: "http" (8080)',
  ],
  [
    'runAsUser: -1',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { runAsUser: -1 })),
    "test/apps/web: runAsUser must be a whole user or group id from 1 to 2147483647 (got -1); fix: give the numeric id the image's user has (e.g. 1000), or leave it out for 65532",
  ],
  [
    'disruption budget with both minAvailable and maxUnavailable',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { replicas: 2, disruptionBudget: { minAvailable: 1, maxUnavailable: 1 } as any })),
    'test/apps/web: disruptionBudget must give exactly one of minAvailable and maxUnavailable (got {"minAvailable":1,"maxUnavailable":1}); fix: e.g. disruptionBudget: { maxUnavailable: 1 }, or false for pods meant to be evicted',
  ],
  [
    'topology spread with maxSkew 0',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { topologySpread: [{ topologyKey: 'topology.kubernetes.io/zone', maxSkew: 0 }] })),
    'test/apps/web: topologySpread[0].maxSkew must be a whole number of at least 1 (got 0); fix: e.g. maxSkew: 1',
  ],
  [
    'StatefulStore whose only Service is not headless',
    (ctx) =>
      new StatefulStore(ctx.platform.apps, 'db', {
        ...web(ctx, { name: 'db', service: { type: 'ClusterIP' } }),
        volumeClaims: [{ name: 'data', size: '1Gi', storageClass: 'ssd' }],
      }),
    'test/apps/db: service.type leaves the StatefulSet without a headless governing Service (its pods get no stable DNS names) (got "ClusterIP"); fix: leave service.type out (headless is the default), or add extraServices: [{ name: "<name>-headless", type: "Headless" }]',
  ],
  [
    'NodePort above 32767',
    (ctx) =>
      new WebService(ctx.platform.apps, 'web', web(ctx, { service: { type: 'NodePort', ports: [{ name: 'http', port: 3000, nodePort: 40000 }] } })),
    "test/apps/web: service.ports[0].nodePort must be a whole number from 30000 to 32767 (the cluster's node port range) (got 40000); fix: pick a port in that range, or leave nodePort out and let the cluster assign one",
  ],
  [
    'NLB idle timeout above 6000 seconds',
    (ctx) =>
      new WebService(
        ctx.platform.apps,
        'web',
        web(
          ctx,
          {
            service: {
              type: 'LoadBalancer',
              loadBalancer: CloudLoadBalancer.awsNlb({ idleTimeoutSeconds: 7200 }),
              clients: ServiceClients.anywhere(),
            },
          },
          PROBED,
        ),
      ),
    "test/apps/web: service.loadBalancer.idleTimeoutSeconds must be a whole number of seconds from 60 to 6000 (an NLB TCP listener's idle timeout) (got 7200); fix: e.g. 3600 for long-lived WebSockets",
  ],
  [
    'load balancer settings on a ClusterIP Service',
    (ctx) =>
      new WebService(
        ctx.platform.apps,
        'web',
        web(ctx, { service: { loadBalancer: CloudLoadBalancer.awsNlb({ idleTimeoutSeconds: 3600 }) } }, PROBED),
      ),
    'test/apps/web: service.loadBalancer only applies to a Service of type LoadBalancer, not ClusterIP (got "AWS Load Balancer Controller"); fix: set type: "LoadBalancer", or drop loadBalancer',
  ],
  [
    'probe header name with a space',
    (ctx) =>
      new WebService(
        ctx.platform.apps,
        'web',
        web(ctx, {}, { ...PROBED, readinessProbe: Probe.httpGet('/', 'http', { headers: { 'X Health': '1' } }) }),
      ),
    'test/apps/web: containers[0].readinessProbe.headers must be an HTTP header name (letters, digits and "-") (got "X Health"); fix: e.g. "Host" or "X-Health-Check"',
  ],
  [
    'pod annotation key with a space',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { podAnnotations: { 'example.com/owner team': 'shop' } }, PROBED)),
    'test/apps/web: podAnnotations must be an annotation key ([dns-subdomain/]name, name at most 63 letters, digits, "-", "_" or ".") (got "example.com/owner team"); fix: use a key such as "example.com/owner"',
  ],
  [
    'StatefulStore without storage and without a declared reason',
    (ctx) => new StatefulStore(ctx.platform.apps, 'db', { ...web(ctx, {}, PROBED), volumeClaims: [] }),
    'test/apps/db: volumeClaims must list at least one claim template (a StatefulSet without storage is a Deployment) (got []); fix: add volumeClaims: [{ name, size, storageClass }], use WebService, or declare withoutStorage: { reason } for pods that need stable names or ordered start',
  ],
  [
    'StatefulStore declared without storage but given claim templates',
    (ctx) =>
      new StatefulStore(ctx.platform.apps, 'db', {
        ...web(ctx, {}, { ...PROBED, volumeMounts: [{ volume: 'data', path: '/data' }] }),
        volumeClaims: [{ name: 'data', size: '1Gi', storageClass: 'ssd' }],
        withoutStorage: { reason: 'a placeholder that holds capacity' },
      }),
    'test/apps/db: withoutStorage declares the pods keep no storage, but volumeClaims lists 1 claim template(s) (got {"reason":"a placeholder that holds capacity"}); fix: drop withoutStorage, or drop the claim templates',
  ],
  [
    'sessions granted to something that is no workload',
    (ctx) => sessions(ctx).grantInstantiate({ serviceAccount: { name: 'manager' } } as never),
    'test/apps/sessions: grantInstantiate must be a workload with a ServiceAccount (got {"serviceAccount":{"name":"manager"}}); fix: pass the WebService (or StatefulStore) whose pods create the sessions',
  ],
  [
    'an empty selector for an adopted workload',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { selector: {} }, PROBED)),
    'test/apps/web: selector must name at least one label (got {}); fix: give the labels the pods are selected by, e.g. { app: "checkout" }',
  ],
  [
    'a selector label value longer than 63 characters',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { selector: { app: 'x'.repeat(64) } }, PROBED)),
    `test/apps/web: selector.app must be a label value (at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit) (got "${'x'.repeat(64)}"); fix: shorten it or move long text to an annotation`,
  ],
  [
    'a replacement declared without a reason',
    (ctx) => declareReplacement(new WebService(ctx.platform.apps, 'web', web(ctx, {}, PROBED)).controller, { reason: 'yes' }),
    'test/apps/web/deployment: replacement.reason must say in at least 10 characters why the object may be deleted and recreated (got "yes"); fix: write the reason a reviewer needs',
  ],
];
