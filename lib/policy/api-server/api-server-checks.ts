import { ValidationError } from '../../core/errors';
import { apiGroupOf } from '../../core/kinds';
import { Manifest } from '../../core/manifest';
import { podSpecOf } from '../../core/pod-specs';
import { ApiFindings, listAt, mapAt } from './api-findings';
import { autoscalerFindings } from './autoscalers';
import { configDataFindings } from './config-data';
import { controllerFindings } from './controllers';
import { disruptionBudgetFindings } from './disruption-budgets';
import { ingressFindings } from './ingresses';
import { networkPolicyFindings } from './network-policies';
import { annotationFindings, objectMetaFindings } from './object-meta';
import { podSpecFindings } from './pod-spec';
import { serviceFindings } from './services';

/** The API group of each built-in kind these checks know; a custom kind of the same name is not checked as one. */
const GROUPS: Record<string, string> = {
  Pod: '',
  PodTemplate: '',
  Service: '',
  ConfigMap: '',
  Secret: '',
  Deployment: 'apps',
  ReplicaSet: 'apps',
  StatefulSet: 'apps',
  DaemonSet: 'apps',
  Job: 'batch',
  CronJob: 'batch',
  HorizontalPodAutoscaler: 'autoscaling',
  PodDisruptionBudget: 'policy',
  NetworkPolicy: 'networking.k8s.io',
  Ingress: 'networking.k8s.io',
};

/**
 * What the API server's own validation refuses in one object, however it was made (a construct,
 * a hand-written ApiObject, a JSON patch): the field rules of the common kinds, each file of this
 * folder citing the upstream function it follows. Rules across objects (node ports, host ports)
 * are in cluster-ports.ts.
 */
export function apiServerErrors(m: Manifest): ValidationError[] {
  const f = new ApiFindings(m);
  objectMetaFindings(f);
  if (typeof m.apiVersion !== 'string' || GROUPS[m.kind] !== apiGroupOf(m.apiVersion)) return f.errors;
  const spec = mapAt(m.object.spec);
  switch (m.kind) {
    case 'Service':
      serviceFindings(f, spec);
      break;
    case 'HorizontalPodAutoscaler':
      autoscalerFindings(f, spec);
      break;
    case 'PodDisruptionBudget':
      disruptionBudgetFindings(f, spec);
      break;
    case 'NetworkPolicy':
      networkPolicyFindings(f, spec);
      break;
    case 'Ingress':
      ingressFindings(f, spec);
      break;
    case 'ConfigMap':
    case 'Secret':
      configDataFindings(f, m.object);
      break;
    default:
      controllerFindings(f, m.kind, spec);
  }
  const found = podSpecOf(m);
  if (found) {
    const claimTemplates = m.kind === 'StatefulSet' ? listAt(spec.volumeClaimTemplates).map((t) => t?.metadata?.name) : [];
    podSpecFindings(f, found, m.kind, claimTemplates);
    if (m.kind !== 'Pod') annotationFindings(f, `${found.field.slice(0, -'.spec'.length)}.metadata.annotations`, found.annotations);
  }
  return f.errors;
}
