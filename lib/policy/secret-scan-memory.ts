import * as crypto from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * What the secret scanner found nothing in, remembered between synths, so a synth with nothing
 * changed starts no scanner (nor loads secretlint). It can never hide a finding:
 * - it holds only "no finding" verdicts, each keyed by the value itself (its SHA-256; never the
 *   value, which could be a secret the name-based rule flags) and by the scanner's fingerprint:
 *   its own code, the installed secretlint packages' versions and Node's version. A verdict is
 *   a function of those alone, and any change of the fingerprint forgets every verdict;
 * - a value that trips a rule is never remembered, so it is scanned, and refused, every time;
 * - a batch holding a secretlint directive (`secretlint-disable`, which would switch the scan off
 *   for the values after it in the one document the scanner reads) is not remembered at all;
 * - only the content scan is remembered: the name rules and the URL-password rule run every time.
 * A memory that cannot be read (absent, corrupt, another fingerprint) is an empty one.
 */
export class SecretScanMemory {
  /** The memory in `file` if it was written under `fingerprint`, else an empty one that will replace it. */
  static open(file: string, fingerprint: string, options: { readonly readOnly?: boolean } = {}): SecretScanMemory {
    let clean: string[] = [];
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as { fingerprint?: unknown; clean?: unknown };
      if (stored.fingerprint === fingerprint && Array.isArray(stored.clean)) clean = stored.clean.filter((h): h is string => typeof h === 'string');
    } catch {
      // absent or unreadable: nothing remembered
    }
    return new SecretScanMemory(file, fingerprint, new Set(clean), options.readOnly ?? false);
  }

  /** Verdicts looked up or added by this synth: what the next save keeps. */
  private readonly used = new Set<string>();
  /** Values already looked up or added, so a value repeated across objects is hashed once. */
  private readonly seen = new Map<string, boolean>();
  private added = false;

  private constructor(
    readonly file: string,
    readonly fingerprint: string,
    private readonly clean: Set<string>,
    private readonly readOnly: boolean,
  ) {}

  /** True when the scanner, under this fingerprint, found nothing in `value`. */
  knowsClean(value: string): boolean {
    const seen = this.seen.get(value);
    if (seen !== undefined) return seen;
    const key = keyOf(value);
    const known = this.clean.has(key);
    if (known) this.used.add(key);
    this.seen.set(value, known);
    return known;
  }

  /** Remembers that the scanner found nothing in `value`. */
  rememberClean(value: string): void {
    if (this.seen.get(value) === true) return;
    const key = keyOf(value);
    this.used.add(key);
    this.seen.set(value, true);
    if (!this.clean.has(key)) {
      this.clean.add(key);
      this.added = true;
    }
  }

  /**
   * Writes the verdicts this synth used (so the memory follows the app and does not grow without
   * end), by rename; nothing when nothing was added or the memory is read-only. A memory is a
   * cache: a failure to write it is not an error of the synth.
   */
  save(): void {
    if (this.readOnly || !this.added) return;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ fingerprint: this.fingerprint, clean: [...this.used].sort() }));
      renameSync(temporary, this.file);
      this.added = false;
    } catch {
      // the next synth scans again
    }
  }
}

/** 128 bits of the value's SHA-256: collision-resistant, and not the value. */
function keyOf(value: string): string {
  return sha256(value).slice(0, 22);
}

/** crypto.hash (Node 20.12 and later) is several times faster than createHash for short strings. */
const sha256: (value: string) => string =
  typeof (crypto as { hash?: unknown }).hash === 'function'
    ? (value) => (crypto as unknown as { hash(algorithm: string, data: string, encoding: string): string }).hash('sha256', value, 'base64url')
    : (value) => crypto.createHash('sha256').update(value).digest('base64url');

/** The package.json of an installed package, found from `dir` up as Node would; undefined when absent. */
export function installedVersion(name: string, dir: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    const file = join(at, 'node_modules', name, 'package.json');
    if (existsSync(file)) {
      try {
        return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version;
      } catch {
        return undefined;
      }
    }
    if (dirname(at) === at) return undefined;
  }
}

/** A fingerprint of everything a verdict depends on besides the value: the given code and package versions, and Node's. */
export function scannerFingerprint(code: string, packages: readonly string[], dir: string): string {
  const versions = packages.map((p) => `${p}@${installedVersion(p, dir) ?? 'absent'}`);
  return sha256([code, ...versions, process.version].join('\n'));
}
