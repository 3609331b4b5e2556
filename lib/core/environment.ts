import { Site } from './errors';
import { checkDnsLabel } from './names';

export interface EnvironmentOptions {
  /**
   * Whether this cluster may run floating image tags (`mysql:latest`, `redis:alpine`): only a
   * developer's local cluster, where pulling the newest build is the point.
   * @default false
   */
  readonly floatingImageTags?: boolean;
}

/**
 * The cluster a build of a platform is for. Most platforms run in one environment,
 * `production`; a platform with several (computesdk: `eks` and `local`) is built once per
 * environment from typed config, and each build gets its own dist/ folder and Flux entry point.
 * What differs between clusters beyond names (floating tags on a laptop) is said here too.
 */
export class Environment {
  static readonly PRODUCTION = new Environment('production', {});

  /** Any other environment, by a DNS label such as `eks`. */
  static named(name: string, options: EnvironmentOptions = {}): Environment {
    if (name === Environment.PRODUCTION.name && !options.floatingImageTags) return Environment.PRODUCTION;
    return new Environment(checkDnsLabel(new Site('environment').at('name'), name), options);
  }

  /** A developer's local cluster (OrbStack, kind, k3d): floating image tags allowed. */
  static localDev(name = 'local'): Environment {
    return Environment.named(name, { floatingImageTags: true });
  }

  readonly floatingImageTags: boolean;

  private constructor(
    readonly name: string,
    options: EnvironmentOptions,
  ) {
    this.floatingImageTags = options.floatingImageTags ?? false;
  }

  /**
   * The folder name of one build of `platform`, in dist/ and kustomization/: the platform id in
   * production, `<platform>-<environment>` elsewhere. So a one-environment platform keeps its
   * plain name, and no two builds of a platform share a folder.
   */
  folderOf(platform: string): string {
    return this.name === Environment.PRODUCTION.name ? platform : `${platform}-${this.name}`;
  }
}
