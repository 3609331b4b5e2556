import { ApiObject } from 'cdk8s';
import { validateSchemas } from '../../../lib/policy/schema/validate-schemas';
import { goPatternToJs } from '../../../lib/policy/schema/strict-openapi';
import { testPlatform } from '../../helpers';
import { manifests } from '../../pipeline-helpers';

function validate(build: (ctx: ReturnType<typeof testPlatform>) => void) {
  const ctx = testPlatform();
  build(ctx);
  return validateSchemas(manifests(ctx.app));
}

const crd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'sessions.streaming.platform' },
  spec: {
    group: 'streaming.platform',
    scope: 'Namespaced',
    names: { kind: 'Session', plural: 'sessions', singular: 'session', listKind: 'SessionList' },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        subresources: { status: {} },
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                required: ['userId'],
                properties: {
                  userId: { type: 'string' },
                  gpu: { type: 'boolean' },
                  port: { 'x-kubernetes-int-or-string': true },
                  extra: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
                },
              },
              status: { type: 'object', properties: { phase: { type: 'string', enum: ['Pending', 'Running'] } } },
            },
          },
        },
      },
    ],
  },
};

describe('schema validation', () => {
  test('built-in kinds are validated against Kubernetes 1.28; unknown fields are refused, maps and free-form fields are not', () => {
    // Raw ApiObject: the typed k8s.Kube* classes drop fields they do not know when serialized.
    const result = validate(
      ({ platform }) =>
        new ApiObject(platform.apps, 'd', {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'd', namespace: 'apps', labels: { any: 'label' } },
          spec: {
            selector: { matchLabels: { a: 'b' } },
            template: {
              metadata: { labels: { a: 'b' } },
              spec: { containers: [{ name: 'c', image: 'i:1', imagePullPolicyy: 'Always', resources: { limits: { 'nvidia.com/gpu': 1 } } }] },
            },
          },
        }),
    );
    expect(result.errors.map((e) => e.message)).toEqual([
      'test/apps/d: spec.template.spec.containers[0].imagePullPolicyy is not a field of apps/v1 Deployment (schema: k8s-1.28) (got "Always"); fix: remove it, or correct its name',
    ]);
    expect([...result.validated]).toEqual([['k8s-1.28', 4]]);
  });
  test('type errors name the field and the expected type', () => {
    const result = validate(
      ({ platform }) =>
        new ApiObject(platform.apps, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'apps' }, data: { a: 1 } }),
    );
    expect(result.errors.map((e) => e.message)).toEqual([
      'test/apps/cm: data.a must be string in v1 ConfigMap (schema: k8s-1.28) (got 1); fix: write the field as the schema defines it',
    ]);
  });
  test('custom resources are validated strictly against a CRD the platform synthesizes', () => {
    const result = validate(({ platform }) => {
      new ApiObject(platform.layer({ name: 'crds', order: 0 } as any), 'crd', crd);
      new ApiObject(platform.apps, 'ok', {
        apiVersion: 'streaming.platform/v1',
        kind: 'Session',
        metadata: { name: 'ok', namespace: 'apps' },
        spec: { userId: 'u1', port: 'http', extra: { any: 1 } },
      });
      new ApiObject(platform.apps, 'bad', {
        apiVersion: 'streaming.platform/v1',
        kind: 'Session',
        metadata: { name: 'bad', namespace: 'apps' },
        spec: { gpu: 'yes', colour: 'red' },
        status: { phase: 'Gone' },
      });
    });
    expect(result.errors.map((e) => e.message)).toEqual([
      'test/apps/bad: spec.userId is required in streaming.platform/v1 Session (schema: CRD sessions.streaming.platform) (got nothing); fix: write the field as the schema defines it',
      'test/apps/bad: spec.colour is not a field of streaming.platform/v1 Session (schema: CRD sessions.streaming.platform) (got "red"); fix: remove it, or correct its name',
      'test/apps/bad: spec.gpu must be boolean in streaming.platform/v1 Session (schema: CRD sessions.streaming.platform) (got "yes"); fix: write the field as the schema defines it',
      'test/apps/bad: status.phase must be one of "Pending", "Running" in streaming.platform/v1 Session (schema: CRD sessions.streaming.platform) (got "Gone"); fix: write the field as the schema defines it',
    ]);
    expect(result.validated.get('CRD sessions.streaming.platform')).toBe(2);
  });
  test('exactly 1.28: PriorityClass.description (1.28 has it) passes, lifecycle.preStop.sleep (added in 1.29) does not', () => {
    const result = validate(({ platform }) => {
      new ApiObject(platform.infrastructure, 'pc', {
        apiVersion: 'scheduling.k8s.io/v1',
        kind: 'PriorityClass',
        metadata: { name: 'high' },
        value: 1000,
        description: 'latency-critical services',
      });
      new ApiObject(platform.apps, 'd', {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'd', namespace: 'apps' },
        spec: {
          selector: { matchLabels: { a: 'b' } },
          template: {
            metadata: { labels: { a: 'b' } },
            spec: { containers: [{ name: 'c', image: 'i:1', lifecycle: { preStop: { sleep: { seconds: 5 } } } }] },
          },
        },
      });
    });
    expect(result.errors.map((e) => e.message)).toEqual([
      'test/apps/d: spec.template.spec.containers[0].lifecycle.preStop.sleep is not a field of apps/v1 Deployment (schema: k8s-1.28) (got {"seconds":5}); fix: remove it, or correct its name',
    ]);
    expect([...result.validated]).toEqual([['k8s-1.28', 5]]);
  });
  test('required fields of built-in kinds are required', () => {
    const result = validate(
      ({ platform }) =>
        new ApiObject(platform.apps, 'd', {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'd', namespace: 'apps' },
          spec: { template: { spec: { containers: [{ image: 'i:1' }] } } },
        }),
    );
    expect(result.errors.map((e) => e.message)).toEqual([
      'test/apps/d: spec.selector is required in apps/v1 Deployment (schema: k8s-1.28) (got nothing); fix: write the field as the schema defines it',
      'test/apps/d: spec.template.spec.containers[0].name is required in apps/v1 Deployment (schema: k8s-1.28) (got nothing); fix: write the field as the schema defines it',
    ]);
  });
  test('custom resources of CRDs pinned in cdk8s.yaml are validated without the CRD among the objects', () => {
    const result = validate(
      ({ platform }) =>
        new ApiObject(platform.apps, 'sm', {
          apiVersion: 'monitoring.coreos.com/v1',
          kind: 'ServiceMonitor',
          metadata: { name: 'sm', namespace: 'apps' },
          spec: { selector: { matchLabels: { app: 'web' } }, endpoints: [{ port: 'http', intervall: '30s' }] },
        }),
    );
    expect(result.errors.map((e) => e.message)).toEqual([
      'test/apps/sm: spec.endpoints[0].intervall is not a field of monitoring.coreos.com/v1 ServiceMonitor (schema: CRD servicemonitors.monitoring.coreos.com) (got "30s"); fix: remove it, or correct its name',
    ]);
    expect(result.unvalidated).toEqual([]);
  });
  test('an API version 1.28 no longer serves is refused with its replacement, and counted as validated nowhere', () => {
    const result = validate(
      ({ platform }) =>
        new ApiObject(platform.apps, 'pdb', {
          apiVersion: 'policy/v1beta1',
          kind: 'PodDisruptionBudget',
          metadata: { name: 'pdb', namespace: 'apps' },
          spec: { minAvailable: 1, selector: { matchLabels: { a: 'b' } } },
        }),
    );
    expect(result.errors.map((e) => e.message)).toEqual([
      'test/apps/pdb: apiVersion is not served by Kubernetes 1.28: policy/v1beta1 PodDisruptionBudget was removed in 1.25 (got "policy/v1beta1"); fix: use apiVersion policy/v1',
    ]);
    expect(result.validated.has('k8s-1.28')).toBe(true);
    expect(result.validatedCount).toBe(3); // the namespace and test fixtures, not the PDB
  });
  test('a kind removed with no successor says so; a group version served again in 1.28 for another kind is not refused', () => {
    // Hand-made manifests: the collect step does not know these two cluster-scoped kinds.
    const cluster = (path: string, object: Record<string, any>) => ({
      path,
      apiVersion: object.apiVersion,
      kind: object.kind,
      name: object.metadata.name,
      namespace: undefined,
      object,
    });
    const result = validateSchemas([
      cluster('test/infrastructure/psp', { apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', metadata: { name: 'psp' }, spec: {} }),
      cluster('test/infrastructure/vap', {
        apiVersion: 'admissionregistration.k8s.io/v1beta1',
        kind: 'ValidatingAdmissionPolicy',
        metadata: { name: 'vap' },
        spec: { validations: [{ expression: 'true' }] },
      }),
    ]);
    expect(result.errors.map((e) => e.message)).toEqual([
      'test/infrastructure/psp: apiVersion is not served by Kubernetes 1.28: policy/v1beta1 PodSecurityPolicy was removed in 1.25 (got "policy/v1beta1"); fix: remove the PodSecurityPolicy: Kubernetes has no successor for it',
    ]);
    expect([...result.validated]).toEqual([['k8s-1.28', 1]]);
  });
  test('a CRD schema that does not compile is a named error, not a stack trace', () => {
    const broken = {
      ...crd,
      spec: {
        ...crd.spec,
        versions: [
          { ...crd.spec.versions[0], schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'string', pattern: '([a-z' } } } } },
        ],
      },
    };
    const result = validate(({ platform }) => new ApiObject(platform.layer({ name: 'crds', order: 0 } as any), 'crd', broken));
    expect(result.errors.map((e) => e.message)).toEqual([
      'test/crds/crd: spec.versions[0].schema.openAPIV3Schema does not compile as a JSON schema: Invalid regular expression: /([a-z/u: Unterminated character class (got "v1"); fix: write the schema in OpenAPI v3 (types: object, array, string, integer, number, boolean; patterns as regular expressions)',
    ]);
  });
  test("a hand-written CRD gets the construct's checks: version names and schema types", () => {
    const versions = [
      { ...crd.spec.versions[0], name: 'V1' },
      {
        ...crd.spec.versions[0],
        name: 'v2',
        storage: false,
        schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'strng' } } } },
      },
    ];
    const result = validate(
      ({ platform }) => new ApiObject(platform.layer({ name: 'crds', order: 0 } as any), 'crd', { ...crd, spec: { ...crd.spec, versions } }),
    );
    expect(result.errors.map((e) => e.message)).toEqual([
      'test/crds/crd: spec.versions[0].name must be a DNS-1035 label (lower-case letters, digits and "-", starting with a letter), as Kubernetes versions are: "v1", "v1beta1", "v2alpha1" (got "V1"); fix: use "v1"',
      'test/crds/crd: spec.versions[1].schema.openAPIV3Schema.properties.spec.type is not a schema type (object, array, string, integer, number, boolean) (got "strng"); fix: use one of those types; for an int-or-string set x-kubernetes-int-or-string (xKubernetesIntOrString in TypeScript)',
    ]);
  });
  test('a kind with no known schema is listed, not passed silently', () => {
    const result = validate(
      ({ platform }) =>
        new ApiObject(platform.apps, 'x', { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'x', namespace: 'apps' } }),
    );
    expect(result.unvalidated.map((m) => `${m.apiVersion} ${m.kind} ${m.name}`)).toEqual(['example.com/v1 Widget x']);
    expect(result.errors).toEqual([]);
  });
});

describe('Go patterns in CRD schemas', () => {
  test('an inline (?i) becomes letter classes; other patterns are kept', () => {
    expect(goPatternToJs('^(?i)(abort|warn)?$')).toBe('^([aA][bB][oO][rR][tT]|[wW][aA][rR][nN])?$');
    expect(new RegExp(goPatternToJs('^(?i)(abort|warn)?$'), 'u').test('WARN')).toBe(true);
    expect(goPatternToJs('^[a-z0-9]+(?:[.+_-][a-z0-9]+)*$')).toBe('^[a-z0-9]+(?:[.+_-][a-z0-9]+)*$');
    expect(goPatternToJs('(?i)[a-c]\\d')).toBe('[a-cA-C]\\d');
    expect(goPatternToJs('(?i)[^a-z0-9]')).toBe('[^a-z0-9A-Z0-9]');
  });
});
