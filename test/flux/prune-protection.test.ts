import { ApiObject } from 'cdk8s';
import { collectPlatforms } from '../../lib/output/collect';
import { isPruneProtected, PRUNE_ANNOTATION, PRUNE_PROTECTED_KINDS } from '../../lib/flux/prune-protection';
import { buildApp } from '../../platforms';
import { testPlatform } from '../helpers';
import { manifests } from '../pipeline-helpers';

describe('prune protection', () => {
  test('the policy: namespaces, claims, volumes, CRDs and snapshots, each with its reason', () => {
    expect(PRUNE_PROTECTED_KINDS.map((k) => `${k.group || 'core'}/${k.kind}`)).toEqual([
      'core/Namespace',
      'core/PersistentVolumeClaim',
      'core/PersistentVolume',
      'apiextensions.k8s.io/CustomResourceDefinition',
      'snapshot.storage.k8s.io/VolumeSnapshot',
      'snapshot.storage.k8s.io/VolumeSnapshotContent',
    ]);
    expect(PRUNE_PROTECTED_KINDS.every((k) => k.why.length > 20)).toBe(true);
  });

  test('kinds match by API group too: a custom "Namespace" kind elsewhere is not protected', () => {
    expect(isPruneProtected('v1', 'Namespace')).toBe(true);
    expect(isPruneProtected('apiextensions.k8s.io/v1', 'CustomResourceDefinition')).toBe(true);
    expect(isPruneProtected('example.com/v1', 'Namespace')).toBe(false);
    expect(isPruneProtected('storage.k8s.io/v1', 'StorageClass')).toBe(false);
  });

  test('every data-bearing object gets the annotation, keeping its own; nothing else gets it', () => {
    const { app, platform } = testPlatform();
    const obj = (id: string, apiVersion: string, kind: string, namespace?: string, annotations?: Record<string, string>) =>
      new ApiObject(platform.infrastructure, id, { apiVersion, kind, metadata: { name: id, namespace, annotations } });
    obj('claim', 'v1', 'PersistentVolumeClaim', 'apps', { owner: 'team-a' });
    obj('volume', 'v1', 'PersistentVolume');
    obj('widgets.example.com', 'apiextensions.k8s.io/v1', 'CustomResourceDefinition');
    obj('backup', 'snapshot.storage.k8s.io/v1', 'VolumeSnapshot', 'apps');
    obj('backup-content', 'snapshot.storage.k8s.io/v1', 'VolumeSnapshotContent');
    obj('fast', 'storage.k8s.io/v1', 'StorageClass');
    obj('settings', 'v1', 'ConfigMap', 'apps');
    const annotations = Object.fromEntries(manifests(app).map((m) => [`${m.kind}/${m.name}`, m.object.metadata.annotations]));
    expect(annotations['PersistentVolumeClaim/claim']).toEqual({ owner: 'team-a', [PRUNE_ANNOTATION]: 'disabled' });
    for (const key of [
      'Namespace/apps',
      'PersistentVolume/volume',
      'CustomResourceDefinition/widgets.example.com',
      'VolumeSnapshot/backup',
      'VolumeSnapshotContent/backup-content',
    ]) {
      expect([key, annotations[key]]).toEqual([key, { [PRUNE_ANNOTATION]: 'disabled' }]);
    }
    expect(annotations['StorageClass/fast']).toBeUndefined();
    expect(annotations['ConfigMap/settings']).toBeUndefined();
  });

  describe.each(collectPlatforms(buildApp()).map((p) => [p.platform.folder, p] as const))('platform %s', (_folder, platform) => {
    const all = platform.layers.flatMap((l) => l.manifests);
    test('carries prune: disabled on exactly its data-bearing objects', () => {
      const annotated = all.filter((m) => m.object.metadata.annotations?.[PRUNE_ANNOTATION] === 'disabled').map((m) => `${m.kind}/${m.name}`);
      expect(annotated).toEqual(all.filter((m) => isPruneProtected(m.apiVersion, m.kind)).map((m) => `${m.kind}/${m.name}`));
      expect(annotated.length).toBeGreaterThan(0); // every platform has at least its namespace
    });
    test('nothing asks Flux to force (delete and recreate) an object', () => {
      expect(all.filter((m) => m.object.metadata.annotations?.['kustomize.toolkit.fluxcd.io/force'] !== undefined)).toEqual([]);
    });
  });
});
