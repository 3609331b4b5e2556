import { JsonPatch } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { WebService } from '../../lib/workloads/web-service';
import { Case, PROBED, web } from './fixtures';

/** Refused inputs: what the user wrote that would not be written (fields an L1 class drops, Services left without ports). */
export const nothingVanishes: Case[] = [
  [
    'a disruption budget bound patched as a plain number',
    (ctx) =>
      new WebService(ctx.platform.apps, 'web', web(ctx, { replicas: 3 }, PROBED)).disruptionBudget!.addJsonPatch(
        JsonPatch.replace('/spec/minAvailable', 2),
      ),
    'test/apps/web/disruption-budget: spec.minAvailable would not be written: KubePodDisruptionBudget has no such field, or takes its value in another form (an IntOrString or Quantity wrapper) (got 2); fix: check the field name against the API reference; give numbers and quantities as k8s.IntOrString.fromNumber(...) / k8s.Quantity.fromString(...), or build the object as a plain ApiObject',
  ],
  [
    'an unknown field added by a JSON patch',
    (ctx) =>
      new WebService(ctx.platform.apps, 'web', web(ctx, {}, PROBED)).controller.addJsonPatch(
        JsonPatch.add('/spec/template/spec/shareProcessNamespaces', true),
      ),
    'test/apps/web/deployment: spec.template.spec.shareProcessNamespaces would not be written: KubeDeployment has no such field, or takes its value in another form (an IntOrString or Quantity wrapper) (got true); fix: check the field name against the API reference; give numbers and quantities as k8s.IntOrString.fromNumber(...) / k8s.Quantity.fromString(...), or build the object as a plain ApiObject',
  ],
  [
    'a field of an L1 object given in its JSON spelling',
    (ctx) =>
      new k8s.KubeService(ctx.platform.apps, 'svc', {
        metadata: { name: 'web', namespace: 'apps' },
        spec: { selector: { app: 'web' }, ports: [{ port: 80 }], clusterIP: 'None' } as k8s.ServiceSpec,
      }),
    'test/apps/svc: spec.clusterIP would not be written: KubeService has no such field, or takes its value in another form (an IntOrString or Quantity wrapper) (got "None"); fix: check the field name against the API reference; give numbers and quantities as k8s.IntOrString.fromNumber(...) / k8s.Quantity.fromString(...), or build the object as a plain ApiObject',
  ],
  [
    'a Service given no ports',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { service: { ports: [] } }, PROBED)),
    "test/apps/web: service.ports resolve to no port (the containers declare none, or ports is empty), and a Service without ports cannot be written (got []); fix: give the Service a port, declare the container ports, write type: 'Headless' for DNS names only, or write service: false for no Service",
  ],
  [
    'an extra Service over containers without ports',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { extraServices: [{ name: 'web-public', type: 'LoadBalancer' }] }, { ports: [] })),
    "test/apps/web: extraServices[0].ports resolve to no port (the containers declare none, or ports is empty), and a Service without ports cannot be written (got []); fix: give the Service a port, declare the container ports, write type: 'Headless' for DNS names only, or write service: false for no Service",
  ],
];
