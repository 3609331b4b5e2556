import { freeId } from '../core/construct-id';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Site } from '../core/errors';
import { checkDnsLabel, checkDnsSubdomain } from '../core/names';
import { checkSchemaTypes, checkVersionName } from './crd-version-checks';
import { CheckedConstruct } from '../core/app-checks';

/** A printed column of `kubectl get`, e.g. { name: 'Phase', type: 'string', jsonPath: '.status.phase' }. */
export interface PrinterColumn {
  readonly name: string;
  readonly type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  readonly jsonPath: string;
  /** @default none */
  readonly description?: string;
}

export interface CrdVersion {
  /** e.g. "v1". */
  readonly name: string;
  /** The openAPIV3Schema of the whole object (spec, status). */
  readonly schema: k8s.JsonSchemaProps;
  /** @default true */
  readonly served?: boolean;
  /** Exactly one version is stored. */
  readonly storage: boolean;
  /** Give status its own endpoint, so controllers update it without touching spec. @default true */
  readonly statusSubresource?: boolean;
  /** @default none */
  readonly printerColumns?: readonly PrinterColumn[];
}

export interface CustomResourceDefinitionProps {
  /** API group, a DNS subdomain with at least one dot, e.g. "sessions.example.com". */
  readonly group: string;
  /** Kind, in CamelCase, e.g. "Session". */
  readonly kind: string;
  /** Lower-case plural, e.g. "sessions"; the CRD is named `<plural>.<group>`. */
  readonly plural: string;
  /** @default kind in lower case */
  readonly singular?: string;
  /** @default none */
  readonly shortNames?: readonly string[];
  /** @default "Namespaced" */
  readonly scope?: 'Namespaced' | 'Cluster';
  readonly versions: readonly CrdVersion[];
}

/**
 * A CustomResourceDefinition written in TypeScript. It is synthesized to the `crds` layer (applied
 * before anything that uses it) and can then be imported with `cdk8s import` so its objects are
 * typed too.
 */
export class CustomResourceDefinition extends CheckedConstruct {
  readonly name: string;

  constructor(scope: Construct, id: string, props: CustomResourceDefinitionProps) {
    super(scope, freeId(scope, id));
    const site = new Site(this.node.path);
    checkDnsSubdomain(site.at('group'), props.group);
    if (!props.group.includes('.'))
      site
        .at('group')
        .fail(props.group, 'must contain a dot (the API server refuses groups without one)', 'use a domain you own, e.g. "streaming.example.com"');
    if (!/^[A-Z][A-Za-z0-9]*$/.test(props.kind)) site.at('kind').fail(props.kind, 'must be CamelCase letters and digits', 'e.g. "Session"');
    checkDnsLabel(site.at('plural'), props.plural);
    props.versions.forEach((v, i) => {
      checkVersionName(site.at('versions').at(i).at('name'), v.name);
      if (props.versions.findIndex((other) => other.name === v.name) !== i)
        site.at('versions').at(i).at('name').fail(v.name, 'repeats a version name', 'give each version its own name');
      checkSchemaTypes(site.at('versions').at(i).at('schema'), v.schema);
    });
    const storage = props.versions.filter((v) => v.storage);
    if (storage.length !== 1) {
      site.at('versions').fail(
        props.versions.map((v) => v.name),
        `must mark exactly one version as storage (found ${storage.length})`,
        'set storage: true on the version objects are stored in',
      );
    }
    this.name = `${props.plural}.${props.group}`;
    new k8s.KubeCustomResourceDefinition(this, 'crd', {
      metadata: { name: this.name },
      spec: {
        group: props.group,
        scope: props.scope ?? 'Namespaced',
        names: {
          kind: props.kind,
          listKind: `${props.kind}List`,
          plural: props.plural,
          singular: props.singular ?? props.kind.toLowerCase(),
          shortNames: props.shortNames ? [...props.shortNames] : undefined,
        },
        versions: props.versions.map((v) => ({
          name: v.name,
          served: v.served ?? true,
          storage: v.storage,
          schema: { openApiv3Schema: v.schema },
          subresources: (v.statusSubresource ?? true) ? { status: {} } : undefined,
          additionalPrinterColumns: v.printerColumns?.map((c) => ({ ...c })),
        })),
      },
    });
  }
}
