import { Site } from '../core/errors';
import { checkDnsLabel } from '../core/names';

/**
 * The cluster a build of a platform is for. Most platforms run in one environment,
 * `production`; a platform with several (computesdk: `eks` and `local`) is built once per
 * environment from typed config, and each build gets its own dist/ folder and Flux entry point.
 */
export class Environment {
  static readonly PRODUCTION = new Environment('production');

  /** Any other environment, by a DNS label such as `local` or `eks`. */
  static named(name: string): Environment {
    return name === Environment.PRODUCTION.name ? Environment.PRODUCTION : new Environment(checkDnsLabel(new Site('environment').at('name'), name));
  }

  private constructor(readonly name: string) {}

  /**
   * The folder name of one build of `platform`, in dist/ and kustomization/: the platform id in
   * production, `<platform>-<environment>` elsewhere. So a one-environment platform keeps its
   * plain name, and no two builds of a platform share a folder.
   */
  folderOf(platform: string): string {
    return this === Environment.PRODUCTION ? platform : `${platform}-${this.name}`;
  }
}
