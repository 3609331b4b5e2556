import { freeId } from '../core/construct-id';
import { Construct } from 'constructs';
import { ServiceMonitor } from '../imports/servicemonitor-monitoring.coreos.com';
import { checkDuration } from '../core/duration';
import { Site } from '../core/errors';
import { checkLabels } from '../core/names';
import { NetworkGraph, Peer } from '../security/network-graph';
import { ServiceTarget } from '../workloads/service-target';
import { AddonNeed, needAddon } from '../core/addon-needs';
import { CheckedConstruct } from '../core/app-checks';

/** The Prometheus pods of the cluster's Prometheus Operator stack. */
export interface PrometheusStack {
  readonly namespace: string;
  readonly podLabels: Readonly<Record<string, string>>;
  /** Labels the stack's Prometheus selects ServiceMonitors and rules by (e.g. `release`). */
  readonly selectorLabels: Readonly<Record<string, string>>;
}

/** The Prometheus Operator stack a monitor or rule needs: installed in the stack's namespace, released under its `release` label. */
export function prometheusOperatorNeed(prometheus: PrometheusStack): AddonNeed {
  return { addon: 'prometheus-operator', namespace: prometheus.namespace, releaseName: prometheus.selectorLabels.release ?? 'kube-prometheus-stack' };
}

export interface WorkloadMonitorProps {
  /** What is scraped: a workload or a database behind its Service. */
  readonly workload: ServiceTarget;
  /** Service port name that serves metrics. */
  readonly port: string;
  /** @default "/metrics" */
  readonly path?: string;
  /** @default "30s" */
  readonly interval?: string;
  readonly prometheus: PrometheusStack;
  /** Prometheus -> workload is opened here. */
  readonly network: NetworkGraph;
}

/** A ServiceMonitor that scrapes a workload's Service, and the network path for the scrape. */
export class WorkloadMonitor extends CheckedConstruct {
  constructor(scope: Construct, id: string, props: WorkloadMonitorProps) {
    super(scope, freeId(scope, id));
    const site = new Site(this.node.path);
    // The ServiceMonitor names the Service port; the scrape reaches the pods on the container port behind it.
    const port = props.workload.targetPort(props.port);
    const prometheus = props.prometheus;
    needAddon(this, prometheusOperatorNeed(prometheus));
    new ServiceMonitor(this, 'service-monitor', {
      metadata: {
        name: props.workload.serviceName,
        namespace: props.workload.namespace,
        labels: checkLabels(site.at('prometheus.selectorLabels'), prometheus.selectorLabels),
      },
      spec: {
        selector: { matchLabels: { ...props.workload.selector } },
        endpoints: [{ port: props.port, path: props.path ?? '/metrics', interval: checkDuration(site.at('interval'), props.interval ?? '30s') }],
      },
    });
    props.network.allow(Peer.external(prometheus.namespace, prometheus.podLabels, 'prometheus'), Peer.pods(props.workload), [port]);
  }
}
