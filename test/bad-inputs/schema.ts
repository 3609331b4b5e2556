import { ApiObject } from 'cdk8s';
import { CustomResourceDefinition } from '../../lib/crds/custom-resource-definition';
import { IstioHttpsGateway, IstioIngressGateway } from '../../lib/ingress/istio';
import { rawPodSpec } from '../helpers';
import { Case, rawDeployment, SESSION_CRD } from './fixtures';

/** Refused inputs: schema: exactly Kubernetes 1.28 and the pinned CRDs, removed API versions, CRD versions and schemas. */
export const schema: Case[] = [
  [
    'unknown field on a built-in kind',
    (ctx) => rawDeployment(ctx, {}, rawPodSpec({ imagePullPolicyy: 'Always' })),
    'test/apps/raw: spec.template.spec.containers[0].imagePullPolicyy is not a field of apps/v1 Deployment (schema: k8s-1.28) (got "Always"); fix: remove it, or correct its name',
  ],
  [
    'wrong type for a built-in field',
    (ctx) => rawDeployment(ctx, { replicas: 'two' }),
    'test/apps/raw: spec.replicas must be integer in apps/v1 Deployment (schema: k8s-1.28) (got "two"); fix: write the field as the schema defines it',
  ],
  [
    'custom resource with a field its CRD does not define',
    (ctx) => {
      new ApiObject(ctx.platform.apps, 'crd', SESSION_CRD);
      new ApiObject(ctx.platform.apps, 'session', {
        apiVersion: 'streaming.platform/v1',
        kind: 'Session',
        metadata: { name: 's1', namespace: 'apps' },
        spec: { userId: 'u1', user: 'u1' },
      });
    },
    'test/apps/session: spec.user is not a field of streaming.platform/v1 Session (schema: CRD sessions.streaming.platform) (got "u1"); fix: remove it, or correct its name',
  ],
  [
    'field added after 1.28 (lifecycle.preStop.sleep, 1.29)',
    (ctx) => rawDeployment(ctx, {}, rawPodSpec({ lifecycle: { preStop: { sleep: { seconds: 5 } } } })),
    'test/apps/raw: spec.template.spec.containers[0].lifecycle.preStop.sleep is not a field of apps/v1 Deployment (schema: k8s-1.28) (got {"seconds":5}); fix: remove it, or correct its name',
  ],
  [
    'API version removed before 1.28 (apps/v1beta1)',
    (ctx) =>
      new ApiObject(ctx.platform.apps, 'old', {
        apiVersion: 'apps/v1beta1',
        kind: 'Deployment',
        metadata: { name: 'old', namespace: 'apps' },
        spec: { selector: { matchLabels: { app: 'old' } }, template: { metadata: { labels: { app: 'old' } }, spec: rawPodSpec() } },
      }),
    'test/apps/old: apiVersion is not served by Kubernetes 1.28: apps/v1beta1 Deployment was removed in 1.16 (got "apps/v1beta1"); fix: use apiVersion apps/v1',
  ],
  [
    'policy/v1beta1 PodDisruptionBudget (removed in 1.25) for a replicated workload',
    (ctx) => {
      rawDeployment(ctx, { replicas: 2 });
      new ApiObject(ctx.platform.apps, 'pdb', {
        apiVersion: 'policy/v1beta1',
        kind: 'PodDisruptionBudget',
        metadata: { name: 'raw', namespace: 'apps' },
        spec: { minAvailable: 1, selector: { matchLabels: { app: 'raw' } } },
      });
    },
    'test/apps/pdb: apiVersion is not served by Kubernetes 1.28: policy/v1beta1 PodDisruptionBudget was removed in 1.25 (got "policy/v1beta1"); fix: use apiVersion policy/v1' +
      '\n' +
      // and the budget it meant to be does not count: the workload is still uncovered
      'test/apps/raw: spec.replicas makes a replicated workload that no PodDisruptionBudget covers [disruption-budget] (got 2); fix: add a PodDisruptionBudget (minAvailable: 1) selecting its pods; WebService and StatefulStore add one when replicas > 1; or, if it cannot hold, declareException(obj, { rule: PolicyRule.DISRUPTION_BUDGET, reason })',
  ],
  [
    'misspelled field in a custom resource of a pinned CRD',
    (ctx) => {
      // brings Istio, the add-on that defines the kind
      new IstioHttpsGateway(ctx.platform.apps, 'gw', {
        name: 'gw',
        namespace: 'apps',
        ingressGateway: IstioIngressGateway.default(),
        hosts: ['web.example.com'],
        tlsSecret: 'tls',
      });
      new ApiObject(ctx.platform.apps, 'route', {
        apiVersion: 'networking.istio.io/v1beta1',
        kind: 'VirtualService',
        metadata: { name: 'route', namespace: 'apps' },
        spec: { hosts: ['web.example.com'], gateway: ['apps/gw'], http: [{ route: [{ destination: { host: 'web' } }] }] },
      });
    },
    'test/apps/route: spec.gateway is not a field of networking.istio.io/v1beta1 VirtualService (schema: CRD virtualservices.networking.istio.io) (got ["apps/gw"]); fix: remove it, or correct its name',
  ],
  [
    'CRD version named V1',
    (ctx) =>
      new CustomResourceDefinition(ctx.platform.apps, 'crd', {
        group: 'streaming.platform',
        kind: 'Session',
        plural: 'sessions',
        versions: [{ name: 'V1', storage: true, schema: { type: 'object' } }],
      }),
    'test/apps/crd: versions[0].name must be a DNS-1035 label (lower-case letters, digits and "-", starting with a letter), as Kubernetes versions are: "v1", "v1beta1", "v2alpha1" (got "V1"); fix: use "v1"',
  ],
  [
    'CRD schema with type strng',
    (ctx) =>
      new CustomResourceDefinition(ctx.platform.apps, 'crd', {
        group: 'streaming.platform',
        kind: 'Session',
        plural: 'sessions',
        versions: [
          {
            name: 'v1',
            storage: true,
            schema: { type: 'object', properties: { spec: { type: 'object', properties: { userId: { type: 'strng' } } } } },
          },
        ],
      }),
    'test/apps/crd: versions[0].schema.properties.spec.properties.userId.type is not a schema type (object, array, string, integer, number, boolean) (got "strng"); fix: use one of those types; for an int-or-string set x-kubernetes-int-or-string (xKubernetesIntOrString in TypeScript)',
  ],
  [
    'hand-written CRD whose schema does not compile',
    (ctx) =>
      new ApiObject(ctx.platform.apps, 'crd', {
        ...SESSION_CRD,
        spec: {
          ...SESSION_CRD.spec,
          versions: [
            {
              ...SESSION_CRD.spec.versions[0],
              schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'string', pattern: '([a-z' } } } },
            },
          ],
        },
      }),
    'test/apps/crd: spec.versions[0].schema.openAPIV3Schema does not compile as a JSON schema: Invalid regular expression: /([a-z/u: Unterminated character class (got "v1"); fix: write the schema in OpenAPI v3 (types: object, array, string, integer, number, boolean; patterns as regular expressions)',
  ],
];
