import { Testing } from 'cdk8s';
import { CustomResourceDefinition } from '../../lib/crds/custom-resource-definition';

const schema = { type: 'object', properties: { spec: { type: 'object' } } };

describe('CustomResourceDefinition', () => {
  test('names, one stored version, a status subresource and printer columns', () => {
    const chart = Testing.chart();
    const crd = new CustomResourceDefinition(chart, 'crd', {
      group: 'example.dev',
      kind: 'Widget',
      plural: 'widgets',
      versions: [{ name: 'v1', storage: true, schema, printerColumns: [{ name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' }] }],
    });
    expect(crd.name).toBe('widgets.example.dev');
    expect(Testing.synth(chart)[0]).toEqual({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.dev' },
      spec: {
        group: 'example.dev',
        scope: 'Namespaced',
        names: { kind: 'Widget', listKind: 'WidgetList', plural: 'widgets', singular: 'widget' },
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: { openAPIV3Schema: schema },
            subresources: { status: {} },
            additionalPrinterColumns: [{ name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' }],
          },
        ],
      },
    });
  });

  test('exactly one storage version, and a group with a dot', () => {
    expect(
      () =>
        new CustomResourceDefinition(Testing.chart(), 'crd', {
          group: 'example.dev',
          kind: 'Widget',
          plural: 'widgets',
          versions: [{ name: 'v1', storage: false, schema }],
        }),
    ).toThrow('versions must mark exactly one version as storage (found 0) (got ["v1"])');
    expect(
      () =>
        new CustomResourceDefinition(Testing.chart(), 'crd', {
          group: 'widgets',
          kind: 'Widget',
          plural: 'widgets',
          versions: [{ name: 'v1', storage: true, schema }],
        }),
    ).toThrow('group must contain a dot (the API server refuses groups without one) (got "widgets")');
  });

  test('version names as the API server takes them (v1, v1beta1; not V1), each once', () => {
    const crd = (names: string[]) => () =>
      new CustomResourceDefinition(Testing.chart(), 'crd', {
        group: 'example.dev',
        kind: 'Widget',
        plural: 'widgets',
        versions: names.map((name, i) => ({ name, storage: i === 0, schema })),
      });
    expect(crd(['v1', 'v1beta1', 'v2alpha1'])).not.toThrow();
    expect(crd(['V1'])).toThrow(
      'test/crd: versions[0].name must be a DNS-1035 label (lower-case letters, digits and "-", starting with a letter), as Kubernetes versions are: "v1", "v1beta1", "v2alpha1" (got "V1"); fix: use "v1"',
    );
    expect(crd(['v1', '1beta'])).toThrow(
      'test/crd: versions[1].name must be a DNS-1035 label (lower-case letters, digits and "-", starting with a letter), as Kubernetes versions are: "v1", "v1beta1", "v2alpha1" (got "1beta"); fix: use "v1"',
    );
    expect(crd(['v1', 'v1'])).toThrow('test/crd: versions[1].name repeats a version name (got "v1"); fix: give each version its own name');
  });

  test('every schema type is one Kubernetes knows, however deep', () => {
    const withSchema = (s: object) => () =>
      new CustomResourceDefinition(Testing.chart(), 'crd', {
        group: 'example.dev',
        kind: 'Widget',
        plural: 'widgets',
        versions: [{ name: 'v1', storage: true, schema: s }],
      });
    expect(
      withSchema({ type: 'object', properties: { spec: { type: 'array', items: { anyOf: [{ type: 'integer' }, { type: 'string' }] } } } }),
    ).not.toThrow();
    expect(
      withSchema({ type: 'object', properties: { spec: { type: 'array', items: { anyOf: [{ type: 'integer' }, { type: 'strng' }] } } } }),
    ).toThrow(
      'test/crd: versions[0].schema.properties.spec.items.anyOf[1].type is not a schema type (object, array, string, integer, number, boolean) (got "strng"); fix: use one of those types; for an int-or-string set x-kubernetes-int-or-string (xKubernetesIntOrString in TypeScript)',
    );
  });
});
