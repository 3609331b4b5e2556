import { freeId } from '../core/construct-id';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { stringify } from 'yaml';
import { VolumeSnapshot } from '../imports/volumesnapshot-snapshot.storage.k8s.io';
import { Site } from '../core/errors';
import { checkDnsLabel, checkLabelKey } from '../core/names';
import { checkBytes } from '../core/quantity';
import { PodSecurityLevel } from '../core/pod-security';
import { PodProps } from './pod';
import { PodGroup } from './pod-group';
import { IdentityPod, PodIdentity } from './pod-identity';
import { Volume } from './volume';

/** Stands for the user id in the emitted templates; the session manager replaces it. */
export const USER_ID_PLACEHOLDER = '{user-id}';
/** Stands for the snapshot time (YYYYMMDD-HHMMSS, UTC) in the snapshot template. */
export const TIMESTAMP_PLACEHOLDER = '{timestamp}';

export interface UserStorage {
  /** Pod volume the user's claim is mounted as; containers mount it by this name. */
  readonly volume: string;
  /** The claim of user U is `<claimPrefix>-U`. */
  readonly claimPrefix: string;
  readonly size: string;
  readonly storageClass: string;
  /** Extra claim labels. @default none */
  readonly labels?: Readonly<Record<string, string>>;
}

/** A Secret of each user mounted as a volume: user U's is `<secretPrefix>-U`. */
export interface UserSecret {
  readonly volume: string;
  readonly secretPrefix: string;
}

export interface SessionSnapshots {
  readonly snapshotClass: string;
  /** The snapshot of user U at time T is `<namePrefix>-U-T`. */
  readonly namePrefix: string;
}

export interface SessionTemplatesProps {
  /** Prefix of everything: pods are `<name>-<user>`, templates `<name>-<variant>`; also the ServiceAccount. */
  readonly name: string;
  readonly namespace: string;
  /** Labels every session pod carries (selected by Services and NetworkPolicies). */
  readonly podLabels: Readonly<Record<string, string>>;
  /** Label that carries the user id (read back through the downward API). @default "user" */
  readonly userLabel?: string;
  /**
   * Annotation on each pod template that tells the session manager how to make a user's pod from
   * it (name, user label, per-user claim and secret names). @default no annotation
   */
  readonly instructionsAnnotation?: string;
  readonly userStorage: UserStorage;
  /** @default none */
  readonly userSecrets?: readonly UserSecret[];
  readonly snapshots: SessionSnapshots;
  /** One pod template per variant (e.g. cpu, gpu); the user's claim volume is added to each. */
  readonly variants: Readonly<Record<string, PodProps>>;
}

/** The objects of one user's session. */
export interface RenderedSession {
  readonly pod: k8s.KubePod;
  readonly claim: k8s.KubePersistentVolumeClaim;
  readonly snapshot?: VolumeSnapshot;
  /** What the session's main (first) container requests; GPUs as a whole number. */
  readonly requests: { readonly cpu: string; readonly memory: string; readonly gpus: number };
  /** The user's claim: its size and storage class. */
  readonly storage: { readonly size: string; readonly storageClass: string };
}

/**
 * Pods created per user at run time (one pod a user). The cluster gets what the session manager
 * needs to create them: a core PodTemplate per variant and the claim and snapshot templates, all
 * with `{user-id}` where the user goes. `renderForUser` builds the same objects in TypeScript for
 * one user, through the same code, with the user id checked.
 */
export class SessionTemplates extends Construct implements PodGroup {
  readonly name: string;
  readonly namespace: string;
  readonly selector: Readonly<Record<string, string>>;
  /** The ConfigMap with the claim and snapshot templates, for the session manager's configuration. */
  readonly storageTemplatesName: string;
  /** The pod label that carries the user id. */
  readonly userLabel: string;
  private readonly identity: PodIdentity;
  private readonly props: SessionTemplatesProps;
  private readonly site: Site;

  constructor(scope: Construct, id: string, props: SessionTemplatesProps) {
    super(scope, freeId(scope, id));
    this.site = new Site(this.node.path);
    this.props = props;
    this.identity = new PodIdentity(this, this.site, { name: props.name, namespace: props.namespace, selector: props.podLabels });
    this.name = this.identity.name;
    this.namespace = this.identity.namespace;
    this.selector = this.identity.selector;
    this.userLabel = checkLabelKey(this.site.at('userLabel'), props.userLabel ?? 'user');
    checkDnsLabel(this.site.at('userStorage.volume'), props.userStorage.volume);
    checkBytes(this.site.at('userStorage.size'), props.userStorage.size);
    if (Object.keys(props.variants).length === 0) this.site.at('variants').fail({}, 'must define at least one pod template', 'e.g. variants: { cpu: {...} }');

    const instructions = `name the pod ${this.name}-${USER_ID_PLACEHOLDER}, label it ${this.userLabel}=${USER_ID_PLACEHOLDER}, and replace ${USER_ID_PLACEHOLDER} in claim and secret names`;
    for (const variant of Object.keys(props.variants)) {
      const pod = this.buildPod(variant, USER_ID_PLACEHOLDER);
      const template = new k8s.KubePodTemplate(this, `template-${variant}`, {
        metadata: {
          name: checkDnsLabel(this.site.at('variants').at(variant), `${this.name}-${variant}`),
          namespace: this.namespace,
          annotations: props.instructionsAnnotation ? { [props.instructionsAnnotation]: instructions } : undefined,
        },
        template: pod.template,
      });
      this.identity.declareExceptions(template, pod);
    }

    this.storageTemplatesName = `${this.name}-storage-templates`;
    new k8s.KubeConfigMap(this, 'storage-templates', {
      metadata: { name: this.storageTemplatesName, namespace: this.namespace },
      data: {
        'persistentvolumeclaim.yaml': stringify(k8s.KubePersistentVolumeClaim.manifest(this.claimProps(USER_ID_PLACEHOLDER))),
        'volumesnapshot.yaml': stringify(VolumeSnapshot.manifest(this.snapshotProps(USER_ID_PLACEHOLDER, TIMESTAMP_PLACEHOLDER))),
      },
    });
  }

  /** The Pod Security level the sessions' namespace may enforce at most. */
  get podSecurity(): PodSecurityLevel {
    return this.identity.podSecurity;
  }

  /** The name of the template of `variant`, for the session manager's configuration. */
  templateName(variant: string): string {
    this.variantProps(variant);
    return `${this.name}-${variant}`;
  }

  /**
   * One user's Pod and claim (and a snapshot of the claim when `snapshotAt` is given), created
   * in `scope`. The user id must be a DNS label: it becomes part of object names and a label.
   */
  renderForUser(scope: Construct, variant: string, userId: string, options: { snapshotAt?: Date } = {}): RenderedSession {
    const site = new Site(`${this.node.path}.renderForUser`, 'userId');
    checkDnsLabel(site, userId);
    const pod = this.buildPod(variant, userId);
    const id = `${variant}-${userId}`;
    const rendered = new k8s.KubePod(scope, `${id}-pod`, {
      metadata: { name: `${this.name}-${userId}`, namespace: this.namespace, labels: { ...pod.template.metadata!.labels, [this.userLabel]: userId } },
      spec: pod.template.spec,
    });
    this.identity.declareExceptions(rendered, pod);
    const claim = new k8s.KubePersistentVolumeClaim(scope, `${id}-claim`, this.claimProps(userId));
    const snapshot = options.snapshotAt ? new VolumeSnapshot(scope, `${id}-snapshot`, this.snapshotProps(userId, timestamp(options.snapshotAt))) : undefined;
    const main = this.variantProps(variant).containers[0].resources.requests;
    const requests = { cpu: main.cpu, memory: main.memory, gpus: this.variantProps(variant).containers[0].resources.gpus ?? 0 };
    const storage = { size: this.props.userStorage.size, storageClass: this.props.userStorage.storageClass };
    return { pod: rendered, claim, snapshot, requests, storage };
  }

  private buildPod(variant: string, userId: string): IdentityPod {
    const props = this.variantProps(variant);
    const perUser = [
      Volume.persistentVolumeClaim(this.props.userStorage.volume, `${this.props.userStorage.claimPrefix}-${userId}`),
      ...(this.props.userSecrets ?? []).map((s) => Volume.secret(s.volume, `${s.secretPrefix}-${userId}`)),
    ];
    return this.identity.buildPod(this.site.at('variants').at(variant), { ...props, volumes: [...perUser, ...(props.volumes ?? [])] });
  }

  private variantProps(variant: string): PodProps {
    const props = this.props.variants[variant];
    if (!props) return this.site.at('variants').fail(variant, 'is not a session variant', `use one of: ${Object.keys(this.props.variants).join(', ')}`);
    return props;
  }

  private claimProps(userId: string): k8s.KubePersistentVolumeClaimProps {
    const storage = this.props.userStorage;
    return {
      metadata: { name: `${storage.claimPrefix}-${userId}`, namespace: this.namespace, labels: { [this.userLabel]: userId, ...storage.labels } },
      spec: {
        accessModes: ['ReadWriteOnce'],
        storageClassName: storage.storageClass,
        resources: { requests: { storage: k8s.Quantity.fromString(storage.size) } },
      },
    };
  }

  private snapshotProps(userId: string, time: string) {
    return {
      metadata: { name: `${this.props.snapshots.namePrefix}-${userId}-${time}`, namespace: this.namespace, labels: { [this.userLabel]: userId } },
      spec: {
        volumeSnapshotClassName: this.props.snapshots.snapshotClass,
        source: { persistentVolumeClaimName: `${this.props.userStorage.claimPrefix}-${userId}` },
      },
    };
  }
}

/** UTC as YYYYMMDD-HHMMSS: sortable, and valid in object names. */
function timestamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}
