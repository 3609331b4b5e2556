import { ApiObject, ApiObjectMetadata } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { declareException, PolicyRule } from '../core/exceptions';
import { Site } from '../core/errors';
import { NAME_LABEL } from '../core/labels';
import { checkAnnotations, checkDnsLabel, checkLabels } from '../core/names';
import { PodSecurityLevel } from '../core/pod-security';
import { CloudIdentity } from './cloud-identity';
import { BuiltPod, buildPodSpec, PodProps } from './pod';
import { PodGroup, PodPort } from './pod-group';

export interface PodIdentityProps {
  /** Name of the pods' owner and of their ServiceAccount (DNS label). */
  readonly name: string;
  readonly namespace: string;
  /**
   * Labels that select the pods. @default `app.kubernetes.io/name: <name>`, which the
   * ServiceAccount and the owner's objects carry too
   */
  readonly selector?: Readonly<Record<string, string>>;
  /** The owner's objects (ServiceAccount, controller, Services, budget) carry the selector's labels. @default true for the default selector, false for a given one */
  readonly labelObjectsWithSelector?: boolean;
  /** Extra pod labels. @default none */
  readonly podLabels?: Readonly<Record<string, string>>;
  /** Cloud identities the pods act as (IRSA, Azure workload identity). @default none */
  readonly cloudIdentities?: readonly CloudIdentity[];
}

/** A pod template built for an identity: placed spec, labels, and why it needs a lower level. */
export interface IdentityPod {
  readonly template: k8s.PodTemplateSpec;
  readonly built: BuiltPod;
}

/**
 * Who a group of pods is: name, namespace, the labels that select them, the ServiceAccount they
 * run as (token not mounted) and its cloud identity. Deployment-, StatefulSet-, CronJob- and
 * template-style constructs hold one and build their pods through it, so every pod is placed,
 * restricted unless an exception is declared, and counted in the Pod Security level its
 * namespace needs. Not a construct: the ServiceAccount is the owner's child `service-account`.
 */
export class PodIdentity implements PodGroup {
  readonly name: string;
  readonly namespace: string;
  readonly selector: Readonly<Record<string, string>>;
  /** The ServiceAccount the pods run as (escape hatch). */
  readonly serviceAccount: k8s.KubeServiceAccount;
  private readonly site: Site;
  private readonly podLabels: Readonly<Record<string, string>>;
  private readonly levels: PodSecurityLevel[] = [];
  private readonly builtPorts = new Map<string, PodPort>();
  /** Labels the owner's own objects carry: the name label when the identity selects by it. */
  private readonly ownLabels: Readonly<Record<string, string>>;

  constructor(owner: Construct, site: Site, props: PodIdentityProps) {
    this.site = site;
    this.name = checkDnsLabel(site.at('name'), props.name);
    this.namespace = checkDnsLabel(site.at('namespace'), props.namespace);
    const selectorField = props.labelObjectsWithSelector ? 'selector' : 'podLabels';
    if (props.selector !== undefined && (typeof props.selector !== 'object' || Object.keys(props.selector).length === 0)) {
      // An empty selector selects every pod of the namespace.
      site
        .at(selectorField)
        .fail(props.selector, 'must name at least one label', 'give the labels the pods are selected by, e.g. { app: "checkout" }');
    }
    this.selector = props.selector ? checkLabels(site.at(selectorField), props.selector) : { [NAME_LABEL]: this.name };
    this.ownLabels = (props.labelObjectsWithSelector ?? props.selector === undefined) ? this.selector : {};
    const identities = (props.cloudIdentities ?? []).map((c) => c.check(site.at('cloudIdentity')));
    this.podLabels = Object.assign({}, props.podLabels, ...identities.map((c) => c.podLabels));
    const annotations = Object.assign({}, ...identities.map((c) => c.serviceAccountAnnotations));
    this.serviceAccount = new k8s.KubeServiceAccount(owner, 'service-account', {
      metadata: this.metadata({ annotations: Object.keys(annotations).length > 0 ? annotations : undefined }),
      automountServiceAccountToken: false,
    });
  }

  /** The Pod Security level the namespace may enforce at most, for every pod built so far. */
  get podSecurity(): PodSecurityLevel {
    return PodSecurityLevel.widest(this.levels);
  }

  /** The named container ports of every pod built so far (one entry per name, number and protocol). */
  get ports(): readonly PodPort[] {
    return [...this.builtPorts.values()];
  }

  /**
   * A pod template running as this identity. `site` is where the pod's props were given;
   * `claimNames` are volumes provided outside the spec (StatefulSet claim templates).
   */
  buildPod(site: Site, props: PodProps, claimNames: readonly string[] = []): IdentityPod {
    const built = buildPodSpec(site, props, this.name, claimNames, this.namespace);
    this.levels.push(built.podSecurity);
    for (const c of built.spec.containers) {
      for (const p of c.ports ?? []) {
        const port: PodPort = { name: p.name!, port: p.containerPort, protocol: (p.protocol ?? 'TCP') as PodPort['protocol'] };
        this.builtPorts.set(`${port.name}/${port.port}/${port.protocol}`, port);
      }
    }
    const labels = checkLabels(this.site.at('podLabels'), { ...this.podLabels, ...built.placementLabels, ...this.selector });
    // Spread constraints count the identity's own pods.
    const spread = built.spec.topologySpreadConstraints?.map((c) => ({ ...c, labelSelector: { matchLabels: { ...this.selector } } }));
    const annotations = props.podAnnotations === undefined ? undefined : checkAnnotations(site.at('podAnnotations'), props.podAnnotations);
    return {
      template: { metadata: { labels, annotations }, spec: spread ? { ...built.spec, topologySpreadConstraints: spread } : built.spec },
      built,
    };
  }

  /** Metadata of an object the owner makes for these pods (controller, Service, budget). */
  metadata(extra: ApiObjectMetadata = {}): ApiObjectMetadata {
    const labels = { ...this.ownLabels, ...extra.labels };
    return { name: this.name, namespace: this.namespace, ...extra, labels: Object.keys(labels).length > 0 ? labels : undefined };
  }

  /** Records on the object that carries the pod why it cannot pass Pod Security `restricted`, if it cannot. */
  declareExceptions(owner: ApiObject, pod: IdentityPod): void {
    const reasons = pod.built.podSecurityExceptions;
    if (reasons.length > 0) declareException(owner, { rule: PolicyRule.POD_SECURITY_RESTRICTED, reason: reasons.join('; ') });
  }
}
