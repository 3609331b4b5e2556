import { freeId } from '../core/construct-id';
import { ApiObject, ApiObjectMetadata } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Site } from '../core/errors';
import { PodSecurityLevel } from '../core/pod-security';
import { checkPort, checkPortName } from '../core/names';
import { AutoscalingOptions, HorizontalAutoscaler } from '../scaling/horizontal-autoscaler';
import { CloudIdentity } from './cloud-identity';
import { PodProps } from './pod';
import { IdentityPod, PodIdentity } from './pod-identity';
import { SecretStoreAccess } from './pod-group';
import { intOrString } from './probe';
import { ServiceTarget } from './service-target';


export interface ServicePort {
  /** @default the container port's name */
  readonly name: string;
  readonly port: number;
  /** Container port name or number. @default the same name */
  readonly targetPort?: string | number;
  /** Only for NodePort and LoadBalancer Services. @default assigned by the cluster */
  readonly nodePort?: number;
}

export interface ServiceOptions {
  /** @default "ClusterIP" */
  readonly type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
  /** @default one port per container port, same number and name */
  readonly ports?: readonly ServicePort[];
}

export interface WorkloadProps extends PodProps {
  /** Name of the workload, its Service and ServiceAccount (DNS label). */
  readonly name: string;
  readonly namespace: string;
  /** Fixed number of pods; leave out when `autoscaling` is given. @default 1 */
  readonly replicas?: number;
  /** Scale the pods with a HorizontalPodAutoscaler; the controller then sets no replicas. @default fixed replicas */
  readonly autoscaling?: AutoscalingOptions;
  /** Service in front of the pods; false for none. @default ClusterIP on every container port */
  readonly service?: ServiceOptions | false;
  /** Extra pod labels. @default none */
  readonly podLabels?: Readonly<Record<string, string>>;
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
export abstract class Workload extends Construct implements ServiceTarget {
  readonly name: string;
  readonly namespace: string;
  readonly selector: Readonly<Record<string, string>>;
  /** Fewest pods that run: the fixed count, or the autoscaler's minimum. */
  readonly replicas: number;
  /** What the controller writes to spec.replicas; undefined when an autoscaler owns it. */
  protected readonly fixedReplicas: number | undefined;
  protected readonly site: Site;
  protected readonly identity: PodIdentity;
  private readonly pod: IdentityPod;
  private readonly servicePorts: readonly ServicePort[];

  /** `controllerKind` is what the subclass creates, for the autoscaler's target. */
  protected constructor(scope: Construct, id: string, props: WorkloadProps, controllerKind: 'Deployment' | 'StatefulSet', claimNames: readonly string[] = []) {
    super(scope, freeId(scope, id));
    this.site = new Site(this.node.path);
    const store = props.secretStore;
    this.identity = new PodIdentity(this, this.site, {
      name: props.name,
      namespace: props.namespace,
      podLabels: props.podLabels,
      cloudIdentities: [props.cloudIdentity, store?.identity].filter((c): c is CloudIdentity => c !== undefined),
    });
    this.name = this.identity.name;
    this.namespace = this.identity.namespace;
    this.selector = this.identity.selector;
    if (props.autoscaling && props.replicas !== undefined) {
      this.site.at('replicas').fail(props.replicas, 'must not be set together with autoscaling: the controller and the HorizontalPodAutoscaler would fight over it',
        'drop replicas and give autoscaling.minReplicas');
    }
    this.fixedReplicas = props.autoscaling ? undefined : props.replicas ?? 1;
    this.replicas = props.autoscaling?.minReplicas ?? this.fixedReplicas ?? 1;
    if (!Number.isInteger(this.replicas) || this.replicas < 0) {
      this.site.at('replicas').fail(props.replicas, 'must be a whole number of at least 0', 'give the number of pods, e.g. 2');
    }

    this.pod = this.identity.buildPod(this.site, store ? withSecretStore(props, store) : props, claimNames);
    const service = props.service === false ? undefined : props.service ?? {};
    this.servicePorts = service ? this.resolveServicePorts(this.pod.template.spec!, service.ports) : [];
    if (service && this.servicePorts.length > 0) this.createService(service.type ?? 'ClusterIP');
    if (props.autoscaling) {
      new HorizontalAutoscaler(this, 'autoscaler', { ...props.autoscaling, namespace: this.namespace, target: { kind: controllerKind, name: this.name } });
    }
    if (this.replicas > 1) {
      new k8s.KubePodDisruptionBudget(this, 'disruption-budget', {
        metadata: this.metadata(),
        spec: { minAvailable: k8s.IntOrString.fromNumber(1), selector: { matchLabels: { ...this.selector } } },
      });
    }
  }

  /** The Pod Security level the workload's namespace may enforce at most. */
  get podSecurity(): PodSecurityLevel {
    return this.identity.podSecurity;
  }

  /** The Service shares the workload's name. */
  get serviceName(): string {
    return this.name;
  }

  /** The Service port with this name, for Ingresses and network rules. */
  servicePort(name: string): number {
    const port = this.servicePorts.find((p) => p.name === name);
    if (!port) {
      return this.site.at('service.ports').fail(name, 'names no port of this service', `use one of: ${this.servicePorts.map((p) => p.name).join(', ') || '(no ports)'}`);
    }
    return port.port;
  }

  /** `http://<service>:<port>` for the named port, for clients in the same namespace. */
  serviceUrl(portName: string): string {
    return `http://${this.serviceName}:${this.servicePort(portName)}`;
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

  private resolveServicePorts(spec: k8s.PodSpec, ports: readonly ServicePort[] | undefined): ServicePort[] {
    const containerPorts = spec.containers.flatMap((c) => c.ports ?? []);
    const resolved: readonly ServicePort[] = ports ?? containerPorts.map((p) => ({ name: p.name!, port: p.containerPort }));
    return resolved.map((p, i) => {
      const site = this.site.at('service.ports').at(i);
      checkPortName(site.at('name'), p.name);
      checkPort(site.at('port'), p.port);
      const target = p.targetPort ?? p.name;
      const known = containerPorts.some((c) => c.name === target || c.containerPort === target);
      if (!known) {
        site.at('targetPort').fail(target, 'names no container port', `use one of: ${containerPorts.map((c) => c.name).join(', ')}`);
      }
      return { ...p, targetPort: target };
    });
  }

  private createService(type: 'ClusterIP' | 'NodePort' | 'LoadBalancer'): void {
    new k8s.KubeService(this, 'service', {
      metadata: this.metadata(),
      spec: {
        type,
        selector: { ...this.selector },
        ports: this.servicePorts.map((p) => {
          if (p.nodePort !== undefined && type === 'ClusterIP') {
            this.site.at('service.ports').at(p.name).at('nodePort').fail(p.nodePort, 'is only allowed on NodePort and LoadBalancer Services', 'set service.type to "NodePort" or drop nodePort');
          }
          return { name: p.name, port: p.port, targetPort: intOrString(p.targetPort!), protocol: 'TCP', nodePort: p.nodePort };
        }),
      },
    });
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
