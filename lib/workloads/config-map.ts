import { freeId } from '../core/construct-id';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Site } from '../core/errors';
import { checkDnsLabel, checkDnsSubdomain } from '../core/names';
import { looksSecret } from '../core/secrets';
import { CheckedConstruct } from '../core/app-checks';

export interface AppConfigProps {
  readonly name: string;
  readonly namespace: string;
  readonly data: Readonly<Record<string, string>>;
}

/** Plain, non-secret configuration: a ConfigMap whose keys that look secret are refused. */
export class AppConfig extends CheckedConstruct {
  readonly name: string;

  constructor(scope: Construct, id: string, props: AppConfigProps) {
    super(scope, freeId(scope, id));
    const site = new Site(this.node.path);
    this.name = checkDnsSubdomain(site.at('name'), props.name);
    checkDnsLabel(site.at('namespace'), props.namespace);
    for (const key of Object.keys(props.data)) {
      if (!/^[-._a-zA-Z0-9]+$/.test(key))
        site.at('data').at(key).fail(key, 'must be a ConfigMap key (letters, digits, "-", "_", ".")', 'rename the key');
      if (looksSecret(key)) {
        site
          .at('data')
          .at(key)
          .fail(
            key,
            'looks like a secret, and ConfigMaps are written to dist/ in clear',
            'keep the value in a Secret or a secret store and reference it',
          );
      }
    }
    new k8s.KubeConfigMap(this, 'config-map', { metadata: { name: this.name, namespace: props.namespace }, data: { ...props.data } });
  }
}
