import { Site } from './errors';

// Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource): a decimal number with
// an optional binary (Ki..Ei), decimal (n, u, m, k, M..E) or exponent (e3) suffix.
const QUANTITY = /^([+-]?[0-9]+(?:\.[0-9]*)?|[+-]?\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;
const FACTOR: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

/** The value of a quantity in base units (cores, bytes), or undefined if it is not one. */
export function parseQuantity(text: string): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = QUANTITY.exec(text); // anchored: no surrounding space
  if (!match) return undefined;
  const [, number, suffix = ''] = match;
  const factor = /^[eE]/.test(suffix) ? 10 ** Number(suffix.slice(1)) : FACTOR[suffix];
  return Number(number) * factor;
}

/** A CPU amount, returned in millicores. */
export function checkCpu(site: Site, text: string): number {
  const cores = parseQuantity(text);
  if (cores === undefined || /i$/.test(text)) {
    site.fail(text, 'must be a CPU quantity', 'write cores ("2", "0.5") or millicores ("500m")');
  }
  const millicores = cores * 1000;
  if (millicores <= 0 || !Number.isInteger(Math.round(millicores * 1e6) / 1e6)) {
    site.fail(text, 'must be a positive CPU amount in whole millicores', 'use at least "1m", in steps of 1m');
  }
  return Math.round(millicores);
}

/** A memory or storage amount, returned in bytes. */
export function checkBytes(site: Site, text: string): number {
  const bytes = parseQuantity(text);
  if (bytes === undefined) {
    site.fail(text, 'must be a byte quantity', 'write it with a binary suffix such as "512Mi" or "20Gi"');
  }
  if (/[0-9]m$/.test(text)) {
    site.fail(text, `is ${bytes} bytes ("m" means milli)`, `write "${text.slice(0, -1)}Mi" for mebibytes`);
  }
  if (bytes < 1 || !Number.isInteger(bytes)) {
    site.fail(text, 'must be a positive whole number of bytes', 'write it with a binary suffix such as "512Mi" or "20Gi"');
  }
  return bytes;
}

/** Human form of a byte count for messages: 1073741824 -> "1Gi". */
export function formatBytes(bytes: number): string {
  for (const [suffix, factor] of [
    ['Ei', 2 ** 60],
    ['Pi', 2 ** 50],
    ['Ti', 2 ** 40],
    ['Gi', 2 ** 30],
    ['Mi', 2 ** 20],
    ['Ki', 2 ** 10],
  ] as const) {
    if (bytes >= factor && bytes % factor === 0) return `${bytes / factor}${suffix}`;
  }
  if (bytes >= 2 ** 20) return `${(bytes / 2 ** 20).toFixed(1)}Mi`;
  return `${bytes}`;
}

export function formatMillicores(millicores: number): string {
  return millicores % 1000 === 0 ? `${millicores / 1000}` : `${millicores}m`;
}

/** The extended resource of an NVIDIA GPU (device plugin and GPU operator): whole numbers only, request equal to limit. */
export const GPU_RESOURCE = 'nvidia.com/gpu';
