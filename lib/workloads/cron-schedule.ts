import { Site } from '../core/errors';

/** Field bounds of a Kubernetes CronJob schedule (robfig/cron standard parser, as 1.28 uses it). */
const FIELDS: readonly { name: string; min: number; max: number; names?: readonly string[] }[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] },
  { name: 'day of week', min: 0, max: 6, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
];
const MACROS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

/** Why the API server would refuse `schedule`, or undefined when it accepts it. */
export function cronProblem(schedule: unknown): string | undefined {
  if (typeof schedule !== 'string') return 'must be a string';
  if (/TZ/.test(schedule)) return 'must not name a time zone (TZ or CRON_TZ)';
  const trimmed = schedule.trim();
  if (MACROS.has(trimmed) || /^@every \d+(\.\d+)?(ns|us|µs|ms|s|m|h)(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))*$/.test(trimmed)) return undefined;
  const fields = trimmed.split(/\s+/);
  if (fields.length !== 5) return `must have five fields (minute hour day-of-month month day-of-week), not ${fields.length}`;
  for (let i = 0; i < 5; i++) {
    const problem = fieldProblem(fields[i], FIELDS[i]);
    if (problem) return `has a ${FIELDS[i].name} field ${JSON.stringify(fields[i])} that ${problem}`;
  }
  return undefined;
}

function fieldProblem(field: string, spec: (typeof FIELDS)[number]): string | undefined {
  for (const part of field.split(',')) {
    const [range, step, extra] = part.split('/');
    if (extra !== undefined || (step !== undefined && !/^\d+$/.test(step))) return 'has a bad step';
    if (range === '*' || range === '?') continue;
    const [low, high, more] = range.split('-');
    if (more !== undefined) return 'has a bad range';
    for (const end of high === undefined ? [low] : [low, high]) {
      const value = /^\d+$/.test(end) ? Number(end) : (spec.names?.indexOf(end.toLowerCase()) ?? -1);
      const number = /^\d+$/.test(end) ? value : value + spec.min;
      if (!/^\d+$/.test(end) && value < 0) return `is not a number${spec.names ? ' or a name' : ''}`;
      if (number < spec.min || number > spec.max) return `is outside ${spec.min}-${spec.max}`;
    }
  }
  return undefined;
}

/** A CronJob time zone as Kubernetes 1.28 accepts it: an IANA zone name, case as in the database. */
export function checkTimeZone(site: Site, zone: unknown): void {
  const ok =
    typeof zone === 'string' &&
    zone !== '' &&
    zone.toLowerCase() !== 'local' &&
    zone.split('/').every((part) => /^[A-Za-z.\-_0-9+]{1,14}$/.test(part) && part !== '.' && part !== '..' && !part.startsWith('-')) &&
    resolvesExactly(zone);
  if (!ok) site.fail(zone, 'must be an IANA time zone name (the tz database the cluster ships)', 'write e.g. "Etc/UTC" or "Europe/Berlin"');
}

function resolvesExactly(zone: string): boolean {
  try {
    const resolved = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
    // Intl is case-insensitive and Go's LoadLocation is not: "europe/berlin" resolves but is refused.
    // An alias resolves to another name ("Etc/UTC" -> "UTC") and is fine.
    return resolved === zone || resolved.toLowerCase() !== zone.toLowerCase();
  } catch {
    return false;
  }
}
