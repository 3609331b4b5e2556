import { Testing } from 'cdk8s';
import { CustomResourceDefinition } from '../../lib/crds/custom-resource-definition';

const schema = { type: 'object', properties: { spec: { type: 'object' } } };

describe('CustomResourceDefinition', () => {
  test('names, one stored version, a status subresource and printer columns', () => {
    const chart = Testing.chart();
    const crd = new CustomResourceDefinition(chart, 'crd', { group: 'example.dev', kind: 'Widget', plural: 'widgets', versions: [{ name: 'v1', storage: true, schema, printerColumns: [{ name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' }] }] });
    expect(crd.name).toBe('widgets.example.dev');
    expect(Testing.synth(chart)[0]).toEqual({
      apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'widgets.example.dev' },
      spec: {
        group: 'example.dev', scope: 'Namespaced',
        names: { kind: 'Widget', listKind: 'WidgetList', plural: 'widgets', singular: 'widget' },
        versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: schema }, subresources: { status: {} }, additionalPrinterColumns: [{ name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' }] }],
      },
    });
  });

  test('exactly one storage version, and a group with a dot', () => {
    expect(() => new CustomResourceDefinition(Testing.chart(), 'crd', { group: 'example.dev', kind: 'Widget', plural: 'widgets', versions: [{ name: 'v1', storage: false, schema }] }))
      .toThrow('versions must mark exactly one version as storage (found 0) (got ["v1"])');
    expect(() => new CustomResourceDefinition(Testing.chart(), 'crd', { group: 'widgets', kind: 'Widget', plural: 'widgets', versions: [{ name: 'v1', storage: true, schema }] }))
      .toThrow('group must contain a dot (the API server refuses groups without one) (got "widgets")');
  });
});
