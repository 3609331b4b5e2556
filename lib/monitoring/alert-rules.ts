import { checkListOfObjects, checkObject } from '../core/shapes';
import { freeId } from '../core/construct-id';
import { Construct } from 'constructs';
import { PrometheusRule, PrometheusRuleSpecGroupsRulesExpr } from '../imports/prometheusrule-monitoring.coreos.com';
import { checkDuration } from '../core/duration';
import { Site } from '../core/errors';
import { checkDnsLabel, checkLabels } from '../core/names';
import { prometheusOperatorNeed, PrometheusStack } from './service-monitor';
import { needAddon } from '../core/addon-needs';
import { PROMQL_FIX, promqlProblem } from '../core/promql';
import { CheckedConstruct } from '../core/app-checks';

export interface Alert {
  /** CamelCase alert name, e.g. "SessionManagerDown". */
  readonly name: string;
  /** PromQL that returns series while the alert should fire. */
  readonly expr: string;
  /** How long the condition must hold, e.g. "5m". */
  readonly for: string;
  readonly severity: 'critical' | 'warning' | 'info';
  readonly summary: string;
  /** What it means and what to do. */
  readonly description: string;
}

export interface AlertRulesProps {
  readonly name: string;
  readonly namespace: string;
  readonly prometheus: PrometheusStack;
  readonly groups: Readonly<Record<string, readonly Alert[]>>;
}

/** A PrometheusRule of alerts, each with severity, summary and a description a person can act on. */
export class AlertRules extends CheckedConstruct {
  constructor(scope: Construct, id: string, props: AlertRulesProps) {
    super(scope, freeId(scope, id));
    const site = new Site(this.node.path);
    const seen = new Set<string>();
    const groups = Object.entries(checkObject(site.at('groups'), props.groups)).map(([group, alerts]) => ({
      name: group,
      rules: checkListOfObjects(site.at('groups').at(group), alerts).map((alert, i) => {
        const at = site.at('groups').at(group).at(i);
        if (!/^[A-Z][A-Za-z0-9]*$/.test(alert.name)) at.at('name').fail(alert.name, 'must be a CamelCase alert name', 'e.g. "SessionManagerDown"');
        if (seen.has(alert.name)) at.at('name').fail(alert.name, 'is used by two alerts', 'give every alert its own name');
        seen.add(alert.name);
        const exprProblem = promqlProblem(alert.expr);
        if (exprProblem) at.at('expr').fail(alert.expr, exprProblem, PROMQL_FIX);
        return {
          alert: alert.name,
          expr: PrometheusRuleSpecGroupsRulesExpr.fromString(alert.expr),
          for: checkDuration(at.at('for'), alert.for),
          labels: { severity: alert.severity },
          annotations: { summary: alert.summary, description: alert.description },
        };
      }),
    }));
    needAddon(this, prometheusOperatorNeed(props.prometheus));
    new PrometheusRule(this, 'rule', {
      metadata: {
        name: checkDnsLabel(site.at('name'), props.name),
        namespace: props.namespace,
        labels: checkLabels(site.at('prometheus.selectorLabels'), props.prometheus.selectorLabels),
      },
      spec: { groups },
    });
  }
}
