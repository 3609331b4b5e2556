/**
 * What a platform's cluster is for. Local-dev clusters may run floating image tags
 * (`mysql:latest`, `redis:alpine`); everything else pins them.
 */
export class Stage {
  static readonly PRODUCTION = new Stage('production', false);
  static readonly LOCAL_DEV = new Stage('local-dev', true);
  private constructor(readonly name: string, readonly isLocalDev: boolean) {}
}
