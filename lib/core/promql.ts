import { parser } from '@prometheus-io/lezer-promql';

/**
 * Why Prometheus would refuse a PromQL expression, or undefined when it parses. Uses Prometheus'
 * own grammar (the Lezer parser its web UI ships): the operator only loads a PrometheusRule whose
 * every expression parses, and refuses the whole rule file otherwise.
 */
export function promqlProblem(expr: string): string | undefined {
  if (typeof expr !== 'string' || expr.trim() === '') return 'must be a PromQL expression';
  let at: number | undefined;
  parser.parse(expr).iterate({
    enter: (node) => {
      if (at === undefined && node.type.isError) at = node.from;
      return at === undefined;
    },
  });
  if (at === undefined) return undefined;
  return `is not valid PromQL: it stops parsing at character ${at + 1} (${at >= expr.length ? 'the end: an unclosed bracket or a missing operand?' : `"${expr.slice(at, at + 10)}"`})`;
}

export const PROMQL_FIX = 'close every bracket and brace, and give each operator both operands, e.g. up{job="app"} == 0';
