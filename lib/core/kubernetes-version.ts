import { Site } from './errors';

const MINOR = /^1\.(\d{1,2})$/;

/** The minor of a version string already known good ("1.34" -> 34): a plain split, for loops over generated tables. */
export function minorOf(version: string): number {
  return Number(version.split('.')[1]);
}
/** Where a version given in code is checked: KubernetesVersions is plain config, built before any construct. */
const SITE = new Site('KubernetesVersions');

/** One Kubernetes minor version, such as 1.34: what the API schemas, charts and Flux releases are versioned by. */
export class KubernetesVersion {
  /** `"1.34"`; the patch (`1.34.4`) and a distribution's suffix (`+k3s1`) do not change the API, so they are not accepted. */
  static parse(site: Site, version: string): KubernetesVersion {
    const match = typeof version === 'string' ? MINOR.exec(version) : null;
    if (!match) {
      site.fail(
        version,
        'must be a Kubernetes minor version such as "1.34"',
        'give the minor version only: k3s v1.34.4+k3s1 and EKS 1.34.2 are both "1.34"',
      );
    }
    return new KubernetesVersion(Number(match[1]));
  }

  private constructor(readonly minor: number) {}

  /** The version `steps` minors later (earlier when negative). */
  plus(steps: number): KubernetesVersion {
    return new KubernetesVersion(this.minor + steps);
  }

  compare(other: KubernetesVersion): number {
    return this.minor - other.minor;
  }

  equals(other: KubernetesVersion): boolean {
    return this.minor === other.minor;
  }

  toString(): string {
    return `1.${this.minor}`;
  }
}

/**
 * The Kubernetes versions something works on: one minor version, or every minor from `oldest` to
 * `newest`. A platform's cluster runs one (its builds are validated at it) or must work across a
 * range (an upgrade in progress, developers' machines on different versions); a chart or a Flux
 * release supports a range, possibly open-ended ("1.25 and later" is all a chart's `kubeVersion`
 * may say).
 */
export class KubernetesVersions {
  /** The cluster version of a platform that states none: the API of the constructs (cdk8s-plus-28). */
  static readonly DEFAULT = KubernetesVersions.of('1.28');

  /** One minor version, e.g. `KubernetesVersions.of('1.34')`. */
  static of(version: string): KubernetesVersions {
    const only = KubernetesVersion.parse(SITE.at('version'), version);
    return new KubernetesVersions(only, only);
  }

  /** Every minor version from `oldest` to `newest`, both included. */
  static between(oldest: string, newest: string): KubernetesVersions {
    const first = KubernetesVersion.parse(SITE.at('oldest'), oldest);
    const last = KubernetesVersion.parse(SITE.at('newest'), newest);
    if (last.compare(first) < 0) {
      SITE.at('newest').fail(
        newest,
        `must not come before oldest ${oldest}`,
        `write the oldest version first: KubernetesVersions.between("${newest}", "${oldest}")`,
      );
    }
    return new KubernetesVersions(first, last);
  }

  /** What toString() wrote: "1.34" or "1.33-1.36" (a report read back). */
  static parse(text: string): KubernetesVersions {
    const [oldest, newest] = String(text).split('-');
    return newest === undefined ? KubernetesVersions.of(oldest) : KubernetesVersions.between(oldest, newest);
  }

  /** `oldest` and every later version: what a chart that names only a minimum supports. */
  static from(oldest: string): KubernetesVersions {
    return new KubernetesVersions(KubernetesVersion.parse(SITE.at('oldest'), oldest), undefined);
  }

  private constructor(
    readonly oldest: KubernetesVersion,
    /** Undefined: no newest version is stated. */
    readonly newest: KubernetesVersion | undefined,
  ) {}

  /** Every version of a closed range, oldest first; an open range lists its versions up to `until`. */
  versions(until?: KubernetesVersion): KubernetesVersion[] {
    const last = this.newest ?? until;
    if (!last) throw new Error(`${String(this)}: an open range has no last version; give one`);
    const out: KubernetesVersion[] = [];
    for (let v = this.oldest; v.compare(last) <= 0; v = v.plus(1)) out.push(v);
    return out;
  }

  includes(version: KubernetesVersion): boolean {
    return version.compare(this.oldest) >= 0 && (!this.newest || version.compare(this.newest) <= 0);
  }

  /** Whether every version of `range` is one of these. */
  covers(range: KubernetesVersions): boolean {
    if (!this.includes(range.oldest)) return false;
    if (!range.newest) return !this.newest;
    return this.includes(range.newest);
  }

  /** `1.34`, `1.33-1.35`, or `1.25 and later`. */
  toString(): string {
    const [oldest, newest] = [this.oldest.toString(), this.newest?.toString()];
    if (newest === undefined) return `${oldest} and later`;
    return newest === oldest ? oldest : `${oldest}-${newest}`;
  }
}
