import { freeId } from '../core/construct-id';
import { ApiObject, ApiObjectMetadata } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Site } from '../core/errors';
import { PodSecurityLevel } from '../core/pod-security';
import { AutoscalingOptions, HorizontalAutoscaler } from '../scaling/horizontal-autoscaler';
import { CloudIdentity } from './cloud-identity';
import { PodProps } from './pod';
import { IdentityPod, PodIdentity } from './pod-identity';
import { PodPort, SecretStoreAccess } from './pod-group';
import { DEFAULT_DISRUPTION_BUDGET, DisruptionBudgetProps, buildDisruptionBudget } from './disruption-budget';
import { ServiceTarget, serviceTargetOf } from './service-target';
import { buildServices, ServiceOptions, WorkloadService } from './workload-services';
import { checkListOfObjects } from '../core/shapes';
import { CheckedConstruct } from '../core/app-checks';

export type { ServiceOptions, ServicePort, ServiceType, WorkloadService } from './workload-services';

export interface WorkloadProps extends PodProps {
  /** Name of the workload, its Service and ServiceAccount (DNS label). */
  readonly name: string;
  readonly namespace: string;
  /** Fixed number of pods; leave out when `autoscaling` is given. @default 1 */
  readonly replicas?: number;
  /** Scale the pods with a HorizontalPodAutoscaler; the controller then sets no replicas. @default fixed replicas */
  readonly autoscaling?: AutoscalingOptions;
  /**
   * Service in front of the pods, named like the workload; false for none. A Service given here
   * that ends up with no port is refused, never dropped. @default every container port, ClusterIP
   * for a Deployment, headless for a StatefulSet; no Service when the containers declare no port
   */
  readonly service?: ServiceOptions | false;
  /** More Services over the same pods (e.g. a LoadBalancer beside the in-cluster one), each named. @default none */
  readonly extraServices?: readonly ServiceOptions[];
  /**
   * The PodDisruptionBudget, when the workload has more than one pod; false for pods meant to be
   * evicted (then declare an exception from `disruption-budget` on `controller`).
   * @default DEFAULT_DISRUPTION_BUDGET, `{ minAvailable: 1 }`
   */
  readonly disruptionBudget?: DisruptionBudgetProps | false;
  /** Extra pod labels. @default none */
  readonly podLabels?: Readonly<Record<string, string>>;
  /**
   * The labels that select the pods, when they must stay what an existing install uses (e.g.
   * `{ app: "checkout" }`): a controller's selector is immutable, so adopting a running
   * application with other selector labels means deleting and recreating it. Its Services,
   * budget and network rules select by them too, and the workload's objects carry them.
   * @default `app.kubernetes.io/name: <name>`
   */
  readonly selector?: Readonly<Record<string, string>>;
  /** Secrets mounted from an external store into the first container. @default none */
  readonly secretStore?: SecretStoreAccess;
  /** The cloud identity the pods act as (IRSA, Azure workload identity). @default none */
  readonly cloudIdentity?: CloudIdentity;
}

/**
 * The parts every long-running workload has: its identity (ServiceAccount, token not mounted),
 * a pod template placed on its pool, a Service, and a PodDisruptionBudget when it has replicas
 * to spare. Subclasses add the controller (Deployment, StatefulSet).
 */
export abstract class Workload extends CheckedConstruct implements ServiceTarget {
  readonly name: string;
  readonly namespace: string;
  readonly selector: Readonly<Record<string, string>>;
  /** Fewest pods that run: the fixed count, or the autoscaler's minimum. */
  readonly replicas: number;
  /** What the controller writes to spec.replicas; undefined when an autoscaler owns it. */
  protected readonly fixedReplicas: number | undefined;
  protected readonly site: Site;
  protected readonly identity: PodIdentity;
  /** The Services, first the one named like the workload (escape hatch: `services[i].object`). */
  readonly services: readonly WorkloadService[];
  /** The PodDisruptionBudget, if one was made. */
  readonly disruptionBudget?: k8s.KubePodDisruptionBudget;
  /** The HorizontalPodAutoscaler, with `autoscaling`. */
  readonly autoscaler?: HorizontalAutoscaler;
  /** The Deployment or StatefulSet (escape hatch: annotations, `declareException`). */
  abstract readonly controller: ApiObject;
  private readonly pod: IdentityPod;
  private readonly mainServiceName?: string;

  /** `controllerKind` is what the subclass creates, for the autoscaler's target. */
  protected constructor(
    scope: Construct,
    id: string,
    props: WorkloadProps,
    controllerKind: 'Deployment' | 'StatefulSet' | 'DaemonSet',
    claimNames: readonly string[] = [],
  ) {
    super(scope, freeId(scope, id));
    this.site = new Site(this.node.path);
    const store = props.secretStore;
    this.identity = new PodIdentity(this, this.site, {
      name: props.name,
      namespace: props.namespace,
      selector: props.selector,
      labelObjectsWithSelector: true,
      podLabels: props.podLabels,
      cloudIdentities: [props.cloudIdentity, store?.identity].filter((c): c is CloudIdentity => c !== undefined),
    });
    this.name = this.identity.name;
    this.namespace = this.identity.namespace;
    this.selector = this.identity.selector;
    if (props.autoscaling && props.replicas !== undefined) {
      this.site
        .at('replicas')
        .fail(
          props.replicas,
          'must not be set together with autoscaling: the controller and the HorizontalPodAutoscaler would fight over it',
          'drop replicas and give autoscaling.minReplicas',
        );
    }
    this.fixedReplicas = props.autoscaling ? undefined : (props.replicas ?? 1);
    this.replicas = props.autoscaling?.minReplicas ?? this.fixedReplicas ?? 1;
    if (!Number.isInteger(this.replicas) || this.replicas < 0) {
      this.site.at('replicas').fail(props.replicas, 'must be a whole number of at least 0', 'give the number of pods, e.g. 2');
    }

    this.pod = this.identity.buildPod(this.site, store ? withSecretStore(props, store) : props, claimNames);
    const requested = [
      ...(props.service === false ? [] : [{ at: this.site.at('service'), service: props.service ?? {}, explicit: props.service !== undefined }]),
      ...checkListOfObjects(this.site.at('extraServices'), props.extraServices, false).map((service, i) => ({
        at: this.site.at('extraServices').at(i),
        service,
        explicit: true,
      })),
    ];
    this.mainServiceName = props.service === false ? undefined : (props.service?.name ?? this.name);
    this.services = buildServices(this, requested, {
      name: this.name,
      defaultType: controllerKind === 'StatefulSet' ? 'Headless' : 'ClusterIP',
      namespace: this.namespace,
      selector: this.selector,
      containerPorts: this.pod.template.spec!.containers.flatMap((c) => c.ports ?? []),
      metadata: (extra) => this.metadata(extra),
    });
    for (const service of this.services.filter((s) => s.type === 'LoadBalancer')) {
      const at = requested.find((r, j) => (r.service.name ?? (j === 0 ? this.name : undefined)) === service.name)!.at;
      props.pool.claimLoadBalancerPorts?.(
        at.at('type'),
        service.object.node.path,
        service.ports.map((p) => ({ port: p.port, protocol: p.protocol })),
      );
    }
    if (props.autoscaling && controllerKind !== 'DaemonSet') {
      this.autoscaler = new HorizontalAutoscaler(this, 'autoscaler', {
        ...props.autoscaling,
        namespace: this.namespace,
        target: { kind: controllerKind, name: this.name },
      });
    }
    const budget = props.disruptionBudget ?? DEFAULT_DISRUPTION_BUDGET;
    if (this.replicas > 1 && budget !== false) {
      this.disruptionBudget = buildDisruptionBudget(this, this.site.at('disruptionBudget'), budget, this.selector, this.metadata());
    }
  }

  /** The main Service (`service`), if the workload has one. */
  get service(): k8s.KubeService | undefined {
    return this.mainService?.object;
  }

  private get mainService(): WorkloadService | undefined {
    return this.services.find((s) => s.name === this.mainServiceName);
  }

  /** The ServiceAccount the pods run as (escape hatch). */
  get serviceAccount(): k8s.KubeServiceAccount {
    return this.identity.serviceAccount;
  }

  /** The Pod Security level the workload's namespace may enforce at most. */
  get podSecurity(): PodSecurityLevel {
    return this.identity.podSecurity;
  }

  /** The named ports the pods declare (pod side: what a NetworkPolicy naming a port opens). */
  get ports(): readonly PodPort[] {
    return this.identity.ports;
  }

  /** The main Service's name: the workload's, unless `service.name` says otherwise. */
  get serviceName(): string {
    return this.mainServiceName ?? this.name;
  }

  /** The main Service's in-cluster DNS name, valid from any namespace. */
  get dnsName(): string {
    return this.mainTarget.dnsName;
  }

  /** The main Service's port names. */
  get servicePortNames(): readonly string[] {
    return this.mainTarget.servicePortNames;
  }

  /** The main Service's port with this name, for Ingresses, monitors and clients (Service side). */
  servicePort(name: string): number {
    return this.mainTarget.servicePort(name);
  }

  /** The container port the main Service's port of this name sends to, for network rules (pod side). */
  targetPort(name: string): number {
    return this.mainTarget.targetPort(name);
  }

  /** `<dnsName>:<port>` of the main Service's named port. */
  address(portName: string): string {
    return this.mainTarget.address(portName);
  }

  /** `<scheme>://<dnsName>:<port>` of the main Service's named port. @default scheme "http" */
  url(portName: string, scheme?: string): string {
    return this.mainTarget.url(portName, scheme);
  }

  /**
   * Another of the workload's Services as a target (an `extraServices` entry, e.g. the ClusterIP
   * beside a StatefulSet's headless Service), for routes, monitors and clients of that Service.
   */
  serviceNamed(name: string): ServiceTarget {
    const service =
      this.services.find((s) => s.name === name) ??
      this.site
        .at('serviceNamed')
        .fail(name, 'names no Service of this workload', `use one of: ${this.services.map((s) => s.name).join(', ') || '(none)'}`);
    return serviceTargetOf(this, service, this.site.at(`services[${service.name}].ports`));
  }

  private get mainTarget(): ServiceTarget {
    const service = this.mainService ?? { name: this.serviceName, ports: [] };
    return serviceTargetOf(this, service, this.site.at('service.ports'));
  }

  protected get podTemplate(): k8s.PodTemplateSpec {
    return this.pod.template;
  }

  /** Records on the controller why its pods cannot pass Pod Security `restricted`, if they cannot. */
  protected declareExceptionsOn(controller: ApiObject): void {
    this.identity.declareExceptions(controller, this.pod);
  }

  protected metadata(extra: ApiObjectMetadata = {}): ApiObjectMetadata {
    return this.identity.metadata(extra);
  }
}

function withSecretStore(props: WorkloadProps, store: SecretStoreAccess): PodProps {
  const [first, ...rest] = props.containers;
  const mount = { volume: store.volumeName, path: store.mountPath, readOnly: true };
  return {
    ...props,
    volumes: [...(props.volumes ?? []), store.volumeSpec],
    containers: [{ ...first, volumeMounts: [...(first.volumeMounts ?? []), mount] }, ...rest],
  };
}
