import { App, Chart } from 'cdk8s';
import { freeId } from '../core/construct-id';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { stringify } from 'yaml';
import { VolumeSnapshot } from '../imports/volumesnapshot-snapshot.storage.k8s.io';
import { Site } from '../core/errors';
import { checkDnsLabel, checkDnsSubdomain, checkLabelKey } from '../core/names';
import { checkBytes } from '../core/quantity';
import { PodSecurityLevel } from '../core/pod-security';
import { PodProps } from './pod';
import { PodGroup, PodPort } from './pod-group';
import { IdentityPod, PodIdentity } from './pod-identity';
import { Volume } from './volume';
import { CheckedConstruct } from '../core/app-checks';
import { PolicyException } from '../core/exceptions';
import { UNTRUSTED_CODE_ANNOTATION } from '../core/untrusted-code';
import { buildSessionGrant, Grantee, SessionGrant } from './session-grant';

/** Stands for the user id in the emitted templates unless `placeholder` says otherwise; the session manager replaces it. */
export const USER_ID_PLACEHOLDER = '{user-id}';
/** Stands for the snapshot time (YYYYMMDD-HHMMSS, UTC) in the snapshot template. */
export const TIMESTAMP_PLACEHOLDER = '{timestamp}';

export interface UserStorage {
  /** Pod volume the user's claim is mounted as; containers mount it by this name. */
  readonly volume: string;
  /** The claim of user U is `<claimPrefix>-U`. */
  readonly claimPrefix: string;
  readonly size: string;
  /** @default the cluster's default StorageClass (the claim names none) */
  readonly storageClass?: string;
  /** @default ["ReadWriteOnce"] */
  readonly accessModes?: readonly ('ReadWriteOnce' | 'ReadWriteOncePod' | 'ReadWriteMany' | 'ReadOnlyMany')[];
  /** Extra claim labels. @default none */
  readonly labels?: Readonly<Record<string, string>>;
}

/** A Secret of each user mounted as a volume: user U's is `<secretPrefix>-U`. */
export interface UserSecret {
  readonly volume: string;
  readonly secretPrefix: string;
}

export interface SessionSnapshots {
  /** @default the cluster's default VolumeSnapshotClass */
  readonly snapshotClass?: string;
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
  /** A claim per user, mounted in every variant. @default none: sessions keep nothing */
  readonly userStorage?: UserStorage;
  /** @default none */
  readonly userSecrets?: readonly UserSecret[];
  /** Snapshots of the user's claim; needs userStorage. @default none */
  readonly snapshots?: SessionSnapshots;
  /** One pod template per variant (e.g. cpu, gpu); the user's claim volume is added to each. */
  readonly variants: Readonly<Record<string, PodProps>>;
  /** What stands for the user id in the emitted templates. @default USER_ID_PLACEHOLDER, "{user-id}" */
  readonly placeholder?: string;
  /** The PodTemplate name of each variant. @default `<name>-<variant>` */
  readonly templateNames?: Readonly<Record<string, string>>;
  /**
   * The pods run code the user types (a shell, a notebook): they get no API token, no
   * privileged container and no host network, whatever a variant says. @default false
   */
  readonly runsUntrustedCode?: boolean;
}

/** The objects of one user's session. */
export interface RenderedSession {
  readonly pod: k8s.KubePod;
  /** The user's claim, with userStorage. */
  readonly claim?: k8s.KubePersistentVolumeClaim;
  readonly snapshot?: VolumeSnapshot;
  /** What the session's main (first) container requests; GPUs as a whole number. */
  readonly requests: { readonly cpu: string; readonly memory: string; readonly gpus: number };
  /** The user's claim: its size and storage class (undefined: the cluster default), with userStorage. */
  readonly storage?: { readonly size: string; readonly storageClass?: string };
}

/** One user's objects as plain manifests, for a session manager that creates them itself. */
export interface SessionManifests {
  readonly pod: Record<string, any>;
  readonly claim?: Record<string, any>;
  readonly snapshot?: Record<string, any>;
}

/**
 * Pods created per user or per session at run time, for any platform that starts them (desktop
 * streaming, notebooks, build sandboxes). The cluster gets what the platform's controller needs
 * to create them: a core PodTemplate per variant and, with storage, the claim and snapshot
 * templates, all with a placeholder where the user goes. `renderForUser` builds the same objects
 * in TypeScript for one user, through the same code, with the user id checked; `manifestsForUser`
 * returns them as plain manifests.
 */
export class SessionTemplates extends CheckedConstruct implements PodGroup {
  readonly name: string;
  readonly namespace: string;
  readonly selector: Readonly<Record<string, string>>;
  /** The pod label that carries the user id. */
  readonly userLabel: string;
  /** What stands for the user id in the templates. */
  readonly placeholder: string;
  /** The PodTemplate of each variant (escape hatch). */
  readonly podTemplates: Readonly<Record<string, k8s.KubePodTemplate>>;
  /** The ConfigMap with the claim and snapshot templates, with userStorage (escape hatch). */
  readonly storageTemplates?: k8s.KubeConfigMap;
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
    this.placeholder = props.placeholder ?? USER_ID_PLACEHOLDER;
    if (typeof this.placeholder !== 'string' || this.placeholder.length === 0 || /^[a-z0-9-]*$/.test(this.placeholder)) {
      this.site
        .at('placeholder')
        .fail(this.placeholder, 'must contain a character no user id has, or a real name could be mistaken for it', 'e.g. "{user-id}" or "${USER}"');
    }
    if (props.userStorage) {
      checkDnsLabel(this.site.at('userStorage.volume'), props.userStorage.volume);
      checkBytes(this.site.at('userStorage.size'), props.userStorage.size);
    }
    if (props.snapshots && !props.userStorage) {
      this.site
        .at('snapshots')
        .fail(props.snapshots, 'snapshots a claim, but userStorage gives the sessions none', 'add userStorage, or drop snapshots');
    }
    if (Object.keys(props.variants).length === 0)
      this.site.at('variants').fail({}, 'must define at least one pod template', 'e.g. variants: { cpu: {...} }');
    for (const variant of Object.keys(props.templateNames ?? {})) this.variantProps(variant, 'templateNames');
    if (props.runsUntrustedCode) checkUntrusted(this.site, props.variants);

    const instructions = `name the pod ${this.name}-${this.placeholder}, label it ${this.userLabel}=${this.placeholder}, and replace ${this.placeholder} in claim and secret names`;
    const templates: Record<string, k8s.KubePodTemplate> = {};
    for (const variant of Object.keys(props.variants)) {
      const pod = this.buildPod(variant, this.placeholder);
      const template = (templates[variant] = new k8s.KubePodTemplate(this, `template-${variant}`, {
        metadata: {
          name: checkDnsSubdomain(
            this.site.at(props.templateNames?.[variant] ? 'templateNames' : 'variants').at(variant),
            this.templateName(variant),
          ),
          namespace: this.namespace,
          annotations: templateAnnotations({
            ...(props.instructionsAnnotation ? { [props.instructionsAnnotation]: instructions } : {}),
            ...(props.runsUntrustedCode ? { [UNTRUSTED_CODE_ANNOTATION]: 'true' } : {}),
          }),
        },
        template: pod.template,
      }));
      this.identity.declareExceptions(template, pod);
    }
    this.podTemplates = templates;

    if (props.userStorage) {
      const data: Record<string, string> = {
        'persistentvolumeclaim.yaml': stringify(k8s.KubePersistentVolumeClaim.manifest(this.claimProps(this.placeholder))),
      };
      if (props.snapshots)
        data['volumesnapshot.yaml'] = stringify(VolumeSnapshot.manifest(this.snapshotProps(this.placeholder, TIMESTAMP_PLACEHOLDER)));
      this.storageTemplates = new k8s.KubeConfigMap(this, 'storage-templates', {
        metadata: { name: `${this.name}-storage-templates`, namespace: this.namespace },
        data,
      });
    }
  }

  /** The ConfigMap with the claim and snapshot templates, for the session manager's configuration. */
  get storageTemplatesName(): string {
    if (!this.storageTemplates)
      return this.site
        .at('userStorage')
        .fail(
          undefined,
          'is not given, so there are no storage templates',
          'give userStorage, or leave the storage templates out of the configuration',
        );
    return this.storageTemplates.name;
  }

  /** The named ports the pods declare (what a NetworkPolicy naming a port opens). */
  get ports(): readonly PodPort[] {
    return this.identity.ports;
  }

  /** The Pod Security level the sessions' namespace may enforce at most. */
  get podSecurity(): PodSecurityLevel {
    return this.identity.podSecurity;
  }

  /**
   * Lets `grantee` (the service that starts sessions) instantiate them: read the templates,
   * create and delete the session pods, and create the per-user claims and snapshots, in the
   * sessions' namespace. Where the templates' pods are privileged, whoever may create them is
   * root on a node: declare that as an exception from create-pods-where-privileged, with its reason.
   */
  grantInstantiate(grantee: Grantee, options: { readonly exceptions?: readonly PolicyException[] } = {}): SessionGrant {
    const variants = Object.keys(this.props.variants);
    return buildSessionGrant(
      this,
      this.site.at('grantInstantiate'),
      {
        name: this.name,
        namespace: this.namespace,
        templates: variants.map((v) => this.templateName(v)),
        storageTemplates: this.storageTemplates?.name,
        claims: this.props.userStorage !== undefined,
        snapshots: this.props.snapshots !== undefined,
      },
      grantee,
      options.exceptions ?? [],
    );
  }

  /** The name of the template of `variant`, for the session manager's configuration. */
  templateName(variant: string): string {
    this.variantProps(variant);
    return this.props.templateNames?.[variant] ?? `${this.name}-${variant}`;
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
      metadata: {
        name: `${this.name}-${userId}`,
        namespace: this.namespace,
        labels: { ...pod.template.metadata!.labels, [this.userLabel]: userId },
        annotations: pod.template.metadata!.annotations,
      },
      spec: pod.template.spec,
    });
    this.identity.declareExceptions(rendered, pod);
    const storage = this.props.userStorage;
    const claim = storage ? new k8s.KubePersistentVolumeClaim(scope, `${id}-claim`, this.claimProps(userId)) : undefined;
    if (options.snapshotAt && !this.props.snapshots)
      site.fail(userId, 'asks for a snapshot, but these sessions have no snapshots', 'give snapshots, or leave snapshotAt out');
    const snapshot = options.snapshotAt
      ? new VolumeSnapshot(scope, `${id}-snapshot`, this.snapshotProps(userId, timestamp(options.snapshotAt)))
      : undefined;
    const main = this.variantProps(variant).containers[0].resources.requests;
    const requests = { cpu: main.cpu, memory: main.memory, gpus: this.variantProps(variant).containers[0].resources.gpus ?? 0 };
    return { pod: rendered, claim, snapshot, requests, storage: storage && { size: storage.size, storageClass: storage.storageClass } };
  }

  /** One user's pod, claim and snapshot as plain manifests (built like `renderForUser`, checked the same way). */
  manifestsForUser(variant: string, userId: string, options: { snapshotAt?: Date } = {}): SessionManifests {
    const scope = new Chart(new App(), 'session');
    const rendered = this.renderForUser(scope, variant, userId, options);
    return { pod: rendered.pod.toJson(), claim: rendered.claim?.toJson(), snapshot: rendered.snapshot?.toJson() };
  }

  private buildPod(variant: string, userId: string): IdentityPod {
    const props = this.variantProps(variant);
    const storage = this.props.userStorage;
    const perUser = [
      ...(storage ? [Volume.persistentVolumeClaim(storage.volume, `${storage.claimPrefix}-${userId}`)] : []),
      ...(this.props.userSecrets ?? []).map((s) => Volume.secret(s.volume, `${s.secretPrefix}-${userId}`)),
    ];
    return this.identity.buildPod(this.site.at('variants').at(variant), { ...props, volumes: [...perUser, ...(props.volumes ?? [])] });
  }

  private variantProps(variant: string, field: string = 'variants'): PodProps {
    const props = this.props.variants[variant];
    if (!props) return this.site.at(field).fail(variant, 'is not a session variant', `use one of: ${Object.keys(this.props.variants).join(', ')}`);
    return props;
  }

  private claimProps(userId: string): k8s.KubePersistentVolumeClaimProps {
    const storage = this.props.userStorage!;
    return {
      metadata: { name: `${storage.claimPrefix}-${userId}`, namespace: this.namespace, labels: { [this.userLabel]: userId, ...storage.labels } },
      spec: {
        accessModes: [...(storage.accessModes ?? ['ReadWriteOnce'])],
        storageClassName: storage.storageClass,
        resources: { requests: { storage: k8s.Quantity.fromString(storage.size) } },
      },
    };
  }

  private snapshotProps(userId: string, time: string) {
    const snapshots = this.props.snapshots!;
    return {
      metadata: { name: `${snapshots.namePrefix}-${userId}-${time}`, namespace: this.namespace, labels: { [this.userLabel]: userId } },
      spec: {
        volumeSnapshotClassName: snapshots.snapshotClass,
        source: { persistentVolumeClaimName: `${this.props.userStorage!.claimPrefix}-${userId}` },
      },
    };
  }
}

/** Annotations of a PodTemplate, none written when there are none. */
function templateAnnotations(annotations: Record<string, string>): Record<string, string> | undefined {
  return Object.keys(annotations).length > 0 ? annotations : undefined;
}

/** Pods that run a user's code must not hold anything the user could turn against the cluster. */
function checkUntrusted(site: Site, variants: Readonly<Record<string, PodProps>>): void {
  for (const [variant, props] of Object.entries(variants)) {
    const at = site.at('variants').at(variant);
    if (props.automountServiceAccountToken) {
      at.at('automountServiceAccountToken').fail(
        true,
        'must be false for a pod that runs user code: the user would hold its API token',
        'drop it; the service that creates the pods calls the API, not the pod',
      );
    }
    if (props.hostNetwork)
      at.at('hostNetwork').fail(
        props.hostNetwork,
        "is not allowed for a pod that runs user code: the user would be on the node's network",
        'drop hostNetwork',
      );
    // A host path (the container runtime's socket, a device under /dev, the node's files) is the node itself.
    (props.volumes ?? []).forEach((volume, i) => {
      if (volume?.spec?.hostPath) {
        at.at('volumes')
          .at(i)
          .fail(
            volume.spec.hostPath.path,
            "is a host path, not allowed in a pod that runs user code: the user would reach the node (its container runtime's socket, its devices, its files)",
            'give the pod an emptyDir or a persistent volume claim; run what needs the node outside the sandbox',
          );
      }
    });
    for (const group of ['initContainers', 'containers'] as const) {
      (props[group] ?? []).forEach((c, i) => {
        const field = c.privileged ? 'privileged' : c.runAsRoot ? 'runAsRoot' : undefined;
        if (field) {
          at.at(group)
            .at(i)
            .at(field)
            .fail(
              c[field],
              'is not allowed in a pod that runs user code: the user would get root on the pod, and with privileged the node',
              'run the container as a non-root user without privileges',
            );
        }
      });
    }
  }
}

/** UTC as YYYYMMDD-HHMMSS: sortable, and valid in object names. */
function timestamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}
