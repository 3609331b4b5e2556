import { ValidationError } from '../../core/errors';
import { Manifest } from '../../core/manifest';
import { GPU_RESOURCE } from '../../core/quantity';
import { PodFeature } from '../../placement/capacity';
import { NodePool, NodePools } from '../../placement/node-pool';
import { containersOf, FoundPodSpec, podSpecOf } from '../../core/pod-specs';

/**
 * What a pool can run, for hand-written (L1) objects: the constructs refuse these at placement,
 * this catches the same mistakes in objects built without them. Serverless pools (Fargate) take
 * no DaemonSet, custom RuntimeClass, privileged container, hostNetwork or GPU, and only the
 * namespaces of their profile; a never-pulled image runs only on pools that hold it.
 */
export function checkPoolCapabilities(manifests: readonly Manifest[], pools: NodePools): Error[] {
  const errors: Error[] = [];
  for (const m of manifests) {
    const found = podSpecOf(m);
    if (!found) continue;
    const fail = (field: string, value: unknown, problem: string, fix: string) =>
      errors.push(new ValidationError({ path: m.path, field, value, problem, fix }));
    for (const pool of pools.all.filter((p) => !p.capacity.selectedByNodeLabels && p.isSelectedBy(found.labels))) {
      for (const [feature, field, value] of featuresOf(m, found)) {
        if (pool.capacity.cannotRun.has(feature)) {
          fail(
            field,
            value,
            `puts the pod on pool ${pool.name}, which is ${pool.capacity.kind} capacity and cannot run ${feature}`,
            `place this workload on a node-group pool, or drop the feature for this environment`,
          );
        }
      }
      const profile = pool.capacity.fargateProfile;
      if (profile && m.namespace !== undefined && !profile.namespaces.includes(m.namespace)) {
        fail(
          'metadata.namespace',
          m.namespace,
          `is not selected by the profile ${profile.name} of pool ${pool.name}, so the pod would stay Pending`,
          `run the pod in one of: ${profile.namespaces.join(', ')}, or add its namespace to the profile`,
        );
      }
    }
    const onNodes = pools.all.filter((p) => p.capacity.selectedByNodeLabels && p.isSelectedBy(found.spec.nodeSelector ?? {}));
    for (const { field, container } of containersOf(found)) {
      if (container.imagePullPolicy !== 'Never') continue;
      const without = onNodes.filter((p: NodePool) => !p.localImages.includes(container.image));
      if (without.length > 0) {
        fail(
          `${field}.image`,
          container.image,
          `is never pulled (imagePullPolicy Never), but pool ${without.map((p) => p.name).join(', ')} does not hold it, so the pod would fail with ErrImageNeverPull`,
          'select only pools whose localImages list it, or push it to a registry and use IfNotPresent',
        );
      }
    }
  }
  return errors;
}

/** The features a pod spec uses, each with the field that asks for it. */
function featuresOf(m: Manifest, found: FoundPodSpec): [PodFeature, string, unknown][] {
  const features: [PodFeature, string, unknown][] = [];
  if (m.kind === 'DaemonSet') features.push([PodFeature.DAEMON_SET, 'kind', m.kind]);
  if (found.spec.runtimeClassName) features.push([PodFeature.RUNTIME_CLASS, `${found.field}.runtimeClassName`, found.spec.runtimeClassName]);
  if (found.spec.hostNetwork === true) features.push([PodFeature.HOST_NETWORK, `${found.field}.hostNetwork`, true]);
  for (const { field, container } of containersOf(found)) {
    if (container.securityContext?.privileged === true) features.push([PodFeature.PRIVILEGED, `${field}.securityContext.privileged`, true]);
    const gpus = container.resources?.limits?.[GPU_RESOURCE] ?? container.resources?.requests?.[GPU_RESOURCE];
    if (gpus !== undefined && String(gpus) !== '0') features.push([PodFeature.GPU, `${field}.resources.limits["${GPU_RESOURCE}"]`, gpus]);
  }
  return features;
}
