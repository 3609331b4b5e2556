import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { Platform } from '../../lib/flux/platform';
import { selectBuilds } from '../../lib/pipeline/synth';
import { StatefulStore } from '../../lib/workloads/stateful-store';
import { WebService } from '../../lib/workloads/web-service';
import { Case, customResourceDefinition, web } from './fixtures';

/** Refused inputs: names, identities and files: what the synth writes must be one object a name and one file an object. */
export const namesAndFiles: Case[] = [
  [
    'workload name that is not a DNS label',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { name: 'Web_App' })),
    'test/apps/web: name must be a DNS-1123 label (lower-case letters, digits and "-", 1-63 characters, starting and ending with a letter or digit) (got "Web_App"); fix: use a name such as "web-app"',
  ],
  [
    'namespace name that is not a DNS label',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { namespace: 'my.apps' })),
    'test/apps/web: namespace must be a DNS-1123 label (lower-case letters, digits and "-", 1-63 characters, starting and ending with a letter or digit) (got "my.apps"); fix: use a name such as "my-apps"',
  ],
  [
    'two objects with one name',
    (ctx) => {
      new WebService(ctx.platform.apps, 'web', web(ctx));
      new WebService(ctx.platform.apps, 'web-again', web(ctx));
    },
    ['ServiceAccount', 'Service', 'Deployment']
      .map((kind) => {
        const id = kind === 'ServiceAccount' ? 'service-account' : kind.toLowerCase();
        return `test/apps/web-again/${id}: metadata.name repeats the ${kind} apps/web already made by test/apps/web/${id} (got "web"); fix: give each object its own name, or create it once and share it`;
      })
      .join('\n'),
  ],
  [
    'namespaced object without a namespace',
    (ctx) => new ApiObject(ctx.platform.apps, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' } }),
    'test/apps/cm: metadata.namespace must be set: ConfigMap is namespaced and "default" is never assumed (got nothing); fix: set metadata.namespace to the namespace the object belongs in',
  ],
  [
    'cluster-scoped object with a namespace',
    (ctx) =>
      new ApiObject(ctx.platform.infrastructure, 'sc', {
        apiVersion: 'storage.k8s.io/v1',
        kind: 'StorageClass',
        metadata: { name: 'fast', namespace: 'apps' },
      }),
    'test/infrastructure/sc: metadata.namespace must be empty: StorageClass is cluster-scoped (got "apps"); fix: remove the namespace',
  ],
  [
    'two kinds of one API group that the layout writes to one file',
    (ctx) => {
      new ApiObject(ctx.platform.apps, 'widgets', customResourceDefinition('widgets', 'Widget'));
      new ApiObject(ctx.platform.apps, 'upper-case-widgets', customResourceDefinition('uppercasewidgets', 'WIDGET'));
      new ApiObject(ctx.platform.apps, 'widget', { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'edge', namespace: 'apps' } });
      new ApiObject(ctx.platform.apps, 'widget-upper', {
        apiVersion: 'example.com/v1',
        kind: 'WIDGET',
        metadata: { name: 'edge', namespace: 'apps' },
      });
    },
    'test/apps/widget: metadata.name would be written to test/apps/apps/widget-edge.yaml, the file of another object (got "edge"); fix: give one of the two objects another name',
  ],
  [
    'a --platform that names no build of the app',
    (ctx) => selectBuilds([{ platform: ctx.platform }], ['shop']),
    'synth: --platform names no build of the app (got "shop"); fix: use a build folder or platform name: test',
  ],
  [
    'a construct that takes the id reserved for the Flux entry points',
    (ctx) => new Construct(ctx.app, 'kustomization'),
    'kustomization: id is reserved for the Flux entry points (got "kustomization"); fix: give the construct another id than "kustomization"',
  ],
  [
    'two constructs with one id',
    (ctx) => {
      new WebService(ctx.platform.apps, 'web', web(ctx));
      new WebService(ctx.platform.apps, 'web', web(ctx, { name: 'web-2' }));
    },
    'test/apps/web: id is already taken by another construct in the same scope (a construct or platform built twice) (got "web"); fix: give each construct its own id, or build it once and share it',
  ],
  [
    'one platform built twice',
    (ctx) => new Platform(ctx.app, { name: 'test', pools: ctx.pools }),
    'test: id is already taken by another construct in the same scope (a construct or platform built twice) (got "test"); fix: give each construct its own id, or build it once and share it',
  ],
  [
    'image pull secret that is not a DNS name',
    (ctx) => new WebService(ctx.platform.apps, 'web', web(ctx, { imagePullSecrets: ['Reg_Cred'] })),
    'test/apps/web: imagePullSecrets[0] must be a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", at most 253 characters) (got "Reg_Cred"); fix: use a name such as "reg-cred"',
  ],
  [
    'claim template with a bad storage class',
    (ctx) =>
      new StatefulStore(ctx.platform.apps, 'db', {
        ...web(ctx, { name: 'db' }),
        volumeClaims: [{ name: 'data', size: '1Gi', storageClass: 'Fast SSD' }],
      }),
    'test/apps/db: volumeClaims[0].storageClass must be a DNS-1123 subdomain (lower-case letters, digits, "-" and ".", at most 253 characters) (got "Fast SSD"); fix: use a name such as "fast-ssd"',
  ],
];
