import { Site } from './errors';

// Go/Prometheus durations as Istio and Prometheus accept them: "30s", "24h", "1h30m", "500ms".
const DURATION = /^([0-9]+(ms|s|m|h|d|w|y))+$/;

export function checkDuration(site: Site, value: string): string {
  if (typeof value !== 'string' || !DURATION.test(value)) {
    site.fail(value, 'must be a duration such as "30s", "10m" or "24h"', 'write a number followed by ms, s, m, h or d');
  }
  return value;
}
