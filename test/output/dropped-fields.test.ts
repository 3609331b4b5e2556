import { ApiObject, App, Chart, JsonPatch } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { droppedFieldErrors, renderObject } from '../../lib/output/dropped-fields';

function dropped(obj: ApiObject): string[] {
  const { given, written } = renderObject(obj);
  return droppedFieldErrors(obj.node.path, obj.constructor.name, given, written).map((e) => e.detail.field);
}

function chart(): Chart {
  return new Chart(new App(), 'c');
}

describe('fields an L1 class would drop', () => {
  const budget = (scope: Chart) =>
    new k8s.KubePodDisruptionBudget(scope, 'pdb', {
      metadata: { name: 'pdb', namespace: 'apps' },
      spec: { minAvailable: k8s.IntOrString.fromNumber(1), selector: { matchLabels: { app: 'web' } } },
    });

  test('typed props, wrappers included, are written whole', () => {
    expect(dropped(budget(chart()))).toEqual([]);
  });

  test('a patch in the props form is written', () => {
    const pdb = budget(chart());
    pdb.addJsonPatch(JsonPatch.add('/metadata/labels', { tier: 'web' }));
    pdb.addJsonPatch(JsonPatch.replace('/spec/selector/matchLabels/app', 'api'));
    expect(dropped(pdb)).toEqual([]);
    expect(pdb.toJson().spec.selector.matchLabels).toEqual({ app: 'api' });
  });

  test('a plain number where the class expects an IntOrString, and a field its type lacks, are named', () => {
    const pdb = budget(chart());
    pdb.addJsonPatch(JsonPatch.replace('/spec/minAvailable', 2));
    pdb.addJsonPatch(JsonPatch.add('/spec/maxUnavailabel', 1));
    expect(dropped(pdb)).toEqual(['spec.minAvailable', 'spec.maxUnavailabel']);
  });

  test('a field given in its JSON spelling (clusterIP for clusterIp) is named', () => {
    const service = new k8s.KubeService(chart(), 'svc', {
      metadata: { name: 'web', namespace: 'apps' },
      spec: { ports: [{ port: 80 }], clusterIP: 'None' } as k8s.ServiceSpec,
    });
    expect(dropped(service)).toEqual(['spec.clusterIP']);
  });

  test('a plain ApiObject writes what it is given, unknown fields included: nothing is dropped', () => {
    const obj = new ApiObject(chart(), 'raw', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'raw' }, data: { a: 'b' }, extra: 1 } as any);
    expect(dropped(obj)).toEqual([]);
    expect(obj.toJson().extra).toBe(1);
  });

  test('rendering for the check leaves ApiObject.prototype.toJson as it was', () => {
    const descriptor = () => Object.getOwnPropertyDescriptor(ApiObject.prototype, 'toJson');
    const before = descriptor();
    dropped(budget(chart()));
    expect(descriptor()).toEqual(before);
  });
});
