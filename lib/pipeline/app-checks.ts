import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { registerAppChecker } from '../core/app-checks';
import { Environment } from '../core/environment';
import { Manifest } from '../core/manifest';
import { Platform } from '../flux/platform';
import { toManifest } from '../output/collect';
import { PolicyInput } from '../policy/policy-check';
import { prepareChecks, verifyPrepared } from '../policy/verify';

/**
 * The checks a plain `app.synth()` runs (cdk8s calls construct validations before it writes): the
 * names and values, the schemas, placement on the platform's pools and every policy rule, on every
 * object of the app. Objects outside a Platform are checked without pools (placement unknown) as
 * production objects. The whole-build closure needs the add-ons the pipeline installs, so only
 * the pipeline (PlatformApp, k8s-platforms synth) checks it.
 */
export function appCheckProblems(root: IConstruct): string[] {
  const errors: Error[] = [];
  const builds = new Map<Platform | undefined, Manifest[]>();
  for (const obj of root.node.findAll().filter(ApiObject.isApiObject)) {
    const platform = obj.node.scopes.find(Platform.isPlatform);
    builds.set(platform, [...(builds.get(platform) ?? []), toManifest(obj, errors)]);
  }
  const inputs: PolicyInput[] = [...builds].map(([platform, manifests]) =>
    platform
      ? { name: platform.folder, environment: platform.environment, pools: platform.pools, manifests }
      : { name: root.node.id || 'app', environment: Environment.PRODUCTION, manifests },
  );
  prepareChecks(inputs); // one secret scan for the app, not one per build
  for (const input of inputs) errors.push(...verifyPrepared(input).errors);
  return errors.map((e) => e.message);
}

registerAppChecker(appCheckProblems);
